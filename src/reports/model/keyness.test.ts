import { describe, expect, it } from 'vitest';
import { keyTerms, logLikelihood, Vocabulary, WordCounts } from './keyness.js';

describe('keyness', () => {
  it('computes Dunning G² as published (Rayson & Garside 2000 worked form)', () => {
    // a=10 of c=1000 words against b=5 of d=2000: E1 = 1000·15/3000 = 5, E2 = 10;
    // G² = 2 (10 ln 2 + 5 ln 0.5) = 10 ln 2 = 6.9315.
    expect(logLikelihood(10, 5, 1000, 2000)).toBeCloseTo(10 * Math.LN2, 10);
    expect(logLikelihood(3, 0, 16, 50)).toBeCloseTo(6 * Math.log(66 / 16), 10);
    expect(logLikelihood(0, 0, 10, 10)).toBe(0);
  });

  it('reads words as the regular expression [\\p{L}][\\p{L}\\p{N}]{2,} does, without function words', () => {
    const text = 'Acme: l’acquisition 12abc de Société Générale, e-commerce à Paris; ÇA marche! x2 ab 🚆train The hydrogen';
    const vocabulary = new Vocabulary();
    const out: number[] = [];
    const n = vocabulary.tokens(text, out);
    const expected = [...text.toLowerCase().matchAll(/[\p{L}][\p{L}\p{N}]{2,}/gu)].map((m) => m[0]).filter((w) => w !== 'the');
    expect(out.slice(0, n).map((id) => vocabulary.words[id])).toEqual(expected);
  });

  it('lists the words over-represented in a target, most key first', () => {
    const vocabulary = new Vocabulary();
    const target = new WordCounts();
    const all = new WordCounts();
    const ids: number[] = [];
    const add = (text: string, inTarget: boolean): void => {
      const n = vocabulary.tokens(text, ids);
      all.add(ids, n);
      if (inTarget) target.add(ids, n);
    };
    add('timetable timetable timetable strike', true);
    add('strike strike trains trains trains', false);
    const index = new Map(vocabulary.words.map((w, i) => [w, i]));
    const terms = keyTerms(target.toMap(vocabulary), target.total, { get: (w) => all.count(index.get(w) ?? -1) }, all.total, { size: 5, minCount: 1, minScore: 0, exclude: new Set() });
    expect(terms.map((t) => t.term)).toEqual(['timetable']);
    expect(terms[0]?.logLikelihood).toBeCloseTo(logLikelihood(3, 0, 4, 5), 10);
  });
});
