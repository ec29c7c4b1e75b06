import { describe, expect, it } from 'vitest';
import { figureOverlap, figureSet } from './figures.js';
import { EMPTY, MINHASH_SIZE, SIGNATURE_LENGTH, compareSignatures, compareSketches, compareSketchesAtLeast, containment, minhash, parseSignature } from './minhash.js';

const words = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
const base =
  'Acme Corp announced on Tuesday that it will open a new factory in Lyon, creating 300 jobs by 2027 according to the company. ' +
  'The plant will build batteries for electric buses and should reach full capacity within three years, the chief executive said. ' +
  'Local officials welcomed the decision, which follows months of talks with the region over subsidies and land. ' +
  'Unions asked for guarantees on wages and training, and analysts expect the move to lift the group margin next year.';
const sign = (text: string): string => minhash(words(text))!;

describe('minhash', () => {
  it('is stable, of one length, and null without characters', () => {
    expect(sign(base)).toHaveLength(SIGNATURE_LENGTH);
    expect(sign(base)).toMatch(/^s2[0-9a-f]+$/);
    expect(sign(base)).toBe(minhash([...words(base)]));
    expect(minhash([])).toBeNull();
    expect(minhash(['one'])).toHaveLength(SIGNATURE_LENGTH);
  });

  it('keeps edited and bylined copies close, and other texts apart', () => {
    const edited = base.replace('Tuesday', 'Monday').replace('months', 'several months');
    expect(compareSignatures(sign(base), sign(edited))!.similarity).toBeGreaterThan(0.7);
    expect(compareSignatures(sign(base), sign(`${base} Reporting by Jane Doe; editing by John Smith`))!.containment).toBeGreaterThan(0.9);
    const other = 'Orange will cut its mobile prices across Europe next month, the operator said on Wednesday, as competition intensifies.';
    expect(compareSignatures(sign(base), sign(other))!.containment).toBeLessThan(0.2);
  });

  it('is blind to spacing, glued punctuation and hyphens, in scripts without spaces too', () => {
    const spaced = base.replace('electric buses', 'electric-buses').replace('chief executive', 'chiefexecutive').replace(', creating', ',creating');
    expect(compareSignatures(sign(base), sign(spaced))!.similarity).toBeGreaterThan(0.85);
    const han = '索尼公司周二宣布将在东京新建一座电池工厂，预计创造三百个就业岗位，工厂将于明年投产。';
    const hanSpaced = '索尼公司 周二宣布 将在东京新建一座电池工厂 , 预计创造三百个就业岗位。工厂将于明年投产';
    expect(compareSignatures(sign(han), sign(hanSpaced))!.similarity).toBeGreaterThan(0.85);
  });

  it('sees a copy cut to a third as contained in the whole, though their Jaccard similarity is low', () => {
    const long = `${base} ${base.replace(/a/g, 'o')} ${base.replace(/e/g, 'i')}`;
    const cut = compareSignatures(sign(base), sign(long))!;
    expect(cut.similarity).toBeLessThan(0.5);
    expect(cut.containment).toBeGreaterThan(0.85);
  });

  it('refuses what is not a signature of this format, including the earlier 240-hex one', () => {
    expect(parseSignature('0123456789abcdef')).toBeNull();
    expect(parseSignature('0123'.repeat(60))).toBeNull();
    expect(parseSignature(`s2${'z'.repeat(SIGNATURE_LENGTH - 2)}`)).toBeNull();
    expect(compareSignatures('0123'.repeat(60), sign(base))).toBeNull();
  });
});

describe('compareSketchesAtLeast', () => {
  it('gives up only on pairs whose containment is below the threshold, and otherwise counts as compareSketches', () => {
    // Pairs from unrelated to identical: a share of bins copied, the rest random or empty.
    let seed = 12345;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    let kept = 0;
    let givenUp = 0;
    for (let pair = 0; pair < 4000; pair += 1) {
      const a = new Uint16Array(MINHASH_SIZE);
      const b = new Uint16Array(MINHASH_SIZE);
      const copied = next();
      for (let i = 0; i < MINHASH_SIZE; i += 1) {
        a[i] = next() < 0.05 ? EMPTY : Math.floor(next() * 0xfffe);
        b[i] = next() < copied ? a[i]! : next() < 0.05 ? EMPTY : Math.floor(next() * 0xfffe);
      }
      const threshold = [0.1, 0.3, 0.6, 0.9, 1][pair % 5]!;
      const full = compareSketches(a, 0, b, 0, { shared: 0, onlyA: 0, onlyB: 0 });
      const counts = { shared: 0, onlyA: 0, onlyB: 0 };
      const reached = compareSketchesAtLeast(a, 0, b, 0, threshold, counts);
      if (containment(full) >= threshold) expect(reached).toBe(true);
      if (reached) {
        expect(counts).toEqual(full);
        kept += 1;
      } else {
        expect(containment(full)).toBeLessThan(threshold);
        givenUp += 1;
      }
    }
    // Both outcomes occur, so neither branch is vacuous.
    expect(kept).toBeGreaterThan(500);
    expect(givenUp).toBeGreaterThan(500);
  });
});

describe('figureSet', () => {
  it('reads a figure the same whatever its separators, and tells other figures apart', () => {
    const set = (text: string): Uint32Array => {
      const w = words(text);
      return figureSet(w, w.length);
    };
    const en = set('The index closed at 7,412.35 points, up 0.8 %, on 3 March 2026.');
    const fr = set("L'indice a clôturé à 7 412,35 points, en hausse de 0,8 %, le 3 mars 2026.");
    expect(figureOverlap(en, 0, fr, 0)).toEqual({ a: 4, b: 4, both: 4 });
    const nextDay = set('The index closed at 7,389.10 points, down 0.3 %, on 4 March 2026.');
    expect(figureOverlap(en, 0, nextDay, 0).both).toBe(1);
  });
});
