import { describe, expect, it } from 'vitest';
import { entityScore } from './entity-clauses.js';
import { EnglishRules } from './english-rules.js';
import { FrenchRules } from './french-rules.js';
import { normaliseValence } from './valence.js';

const en = new EnglishRules();
const fr = new FrenchRules();
const clauseEn = (clause: string): number => normaliseValence(en.valenceSum(clause));
const clauseFr = (clause: string): number => normaliseValence(fr.valenceSum(clause));

/** Tone towards the entity named `name` in `sentence`, the other names given as other entities. */
function tone(sentence: string, name: string, others: string[], rules: (clause: string) => number): number {
  const score = entityScore(sentence, sentence.indexOf(name), others.map((o) => sentence.indexOf(o)), rules(sentence), rules);
  return Math.sign(Math.round(score * 100));
}

describe('entity tone inside one sentence', () => {
  it('splits comparatives: winner before the verb, loser after; "beaten by" turns it round', () => {
    const s = 'Acme beats Globex on punctuality.';
    expect(tone(s, 'Acme', ['Globex'], clauseEn)).toBe(1);
    expect(tone(s, 'Globex', ['Acme'], clauseEn)).toBe(-1);
    const p = 'Acme was beaten by Initech in the tender.';
    expect(tone(p, 'Acme', ['Initech'], clauseEn)).toBe(-1);
    expect(tone(p, 'Initech', ['Acme'], clauseEn)).toBe(1);
    const f = 'Globex devance Acme dans le classement.';
    expect(tone(f, 'Globex', ['Acme'], clauseFr)).toBe(1);
    expect(tone(f, 'Acme', ['Globex'], clauseFr)).toBe(-1);
  });

  it('gives each entity its own clause when two are contrasted', () => {
    const s = "Acme's trains are clean and comfortable, whereas Globex's are dirty.";
    expect(tone(s, 'Acme', ['Globex'], clauseEn)).toBe(1);
    expect(tone(s, 'Globex', ['Acme'], clauseEn)).toBe(-1);
    // The first clause has no rated word: the contrast gives it the opposite of the second.
    const f = 'Claire Dubois a rassuré les investisseurs, mais Rebecca Hart les a déçus.';
    expect(tone(f, 'Claire Dubois', ['Rebecca Hart'], clauseFr)).toBe(1);
    expect(tone(f, 'Rebecca Hart', ['Claire Dubois'], clauseFr)).toBe(-1);
  });

  it('discounts a leading concession ("malgré les critiques, Acme…")', () => {
    expect(tone('Malgré les critiques, Acme a tenu ses promesses.', 'Acme', [], clauseFr)).toBe(1);
    expect(tone('Despite record profits, Acme cut hundreds of jobs.', 'Acme', [], clauseEn)).toBe(-1);
  });

  it('keeps the sentence whole when no other entity sits in the other clause', () => {
    const s = 'Acme is fast but far too expensive.';
    expect(entityScore(s, 0, [], clauseEn(s), clauseEn)).toBe(clauseEn(s));
    const plain = 'The new Acme station is beautiful.';
    expect(entityScore(plain, plain.indexOf('Acme'), [], 0.42, clauseEn)).toBe(0.42);
  });
});
