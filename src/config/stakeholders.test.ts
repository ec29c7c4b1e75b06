import { describe, expect, it } from 'vitest';
import { stakeholderProblems, stakeholderSchema } from './stakeholders.js';

describe('stakeholders configuration', () => {
  it('needs something that identifies the relay, and a known kind', () => {
    expect(stakeholderSchema.safeParse({ id: 'a', name: 'A', kind: 'internal' }).success).toBe(false);
    expect(stakeholderSchema.safeParse({ id: 'a', name: 'A', kind: 'friend', sources: ['x'] }).success).toBe(false);
    expect(stakeholderSchema.parse({ id: 'a', name: 'A', kind: 'target', authors: ['Dana'] })).toEqual({ id: 'a', name: 'A', kind: 'target', sources: [], authors: ['Dana'], people: [] });
  });

  it('lists duplicate ids, unknown sources and people, and anything claimed twice', () => {
    const parse = (value: unknown) => stakeholderSchema.parse(value);
    const problems = stakeholderProblems(
      [
        parse({ id: 'a', name: 'A', kind: 'internal', sources: ['own'], people: ['ghost'] }),
        parse({ id: 'a', name: 'B', kind: 'target', sources: ['nowhere'], authors: ['Dana'] }),
        parse({ id: 'c', name: 'C', kind: 'external', sources: ['own'], authors: ['DANA'] }),
      ],
      { sources: new Set(['own']), people: new Set(['claire']) },
    );
    expect(problems).toEqual([
      'stakeholders[0].people[0]: no watchlist person has id "ghost"',
      'stakeholders[1].id: duplicate stakeholder id "a" (ids must be unique)',
      'stakeholders[1].sources[0]: no source has id "nowhere"',
      'stakeholders[2]: source own already belongs to stakeholder "a"',
      'stakeholders[2]: author dana already belongs to stakeholder "a"',
    ]);
  });
});
