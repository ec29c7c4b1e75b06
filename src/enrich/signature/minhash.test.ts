import { describe, expect, it } from 'vitest';
import { MINHASH_SIZE, minhash, parseSignature, similarity } from './minhash.js';

const words = (text: string): string[] => text.toLowerCase().split(/\W+/).filter(Boolean);
const base = words(
  'Acme Corp announced on Tuesday that it will open a new factory in Lyon, creating 300 jobs by 2027 according to the company. ' +
    'The plant will build batteries for electric buses and should reach full capacity within three years, the chief executive said. ' +
    'Local officials welcomed the decision, which follows months of talks with the region over subsidies and land. ' +
    'Unions asked for guarantees on wages and training, and analysts expect the move to lift the group margin next year.',
);

describe('minhash', () => {
  it('is stable, 240 hex characters, and null without words', () => {
    expect(minhash(base)).toMatch(/^[0-9a-f]{240}$/);
    expect(minhash(base)).toBe(minhash([...base]));
    expect(minhash([])).toBeNull();
    expect(minhash(['one'])).toMatch(/^[0-9a-f]{240}$/);
  });

  it('estimates the Jaccard similarity: high for edited or bylined copies, low for other texts', () => {
    const sign = (w: string[]): Uint16Array => parseSignature(minhash(w)!)!;
    const original = sign(base);
    const edited = [...base];
    edited[5] = 'monday';
    edited[40] = 'several';
    expect(similarity(original, sign(edited))).toBeGreaterThan(0.7);
    expect(similarity(original, sign([...base, ...words('Reporting by Jane Doe; editing by John Smith')]))).toBeGreaterThan(0.7);
    const other = words('Orange will cut its mobile prices across Europe next month, the operator said on Wednesday, as competition intensifies.');
    expect(similarity(original, sign(other))).toBeLessThan(0.2);
  });

  it('refuses what is not a signature', () => {
    expect(parseSignature('0123456789abcdef')).toBeNull();
    expect(parseSignature('z'.repeat(MINHASH_SIZE * 4))).toBeNull();
  });
});
