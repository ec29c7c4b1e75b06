import { describe, expect, it } from 'vitest';
import { hammingDistance, parseSignature, simhash } from './simhash.js';

describe('simhash', () => {
  it('is stable, 16 hex characters, and null without words', () => {
    const words = 'the quick brown fox jumps over the lazy dog'.split(' ');
    expect(simhash(words)).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash(words)).toBe(simhash([...words]));
    expect(simhash([])).toBeNull();
    expect(simhash(['one'])).toMatch(/^[0-9a-f]{16}$/);
  });

  it('keeps edited copies close and unrelated texts far apart', () => {
    const base = Array.from({ length: 300 }, (_, i) => `w${(i * 7919) % 1000}`);
    const edited = [...base];
    edited[50] = 'changed';
    edited[200] = 'also';
    const other = Array.from({ length: 300 }, (_, i) => `x${(i * 104729) % 1000}`);
    const [a, b, c] = [base, edited, other].map((w) => parseSignature(simhash(w)!)!);
    expect(hammingDistance(a!, b!)).toBeLessThanOrEqual(6);
    expect(hammingDistance(a!, c!)).toBeGreaterThan(16);
  });

  it('parses and measures signatures', () => {
    expect(parseSignature('zz')).toBeNull();
    expect(hammingDistance(parseSignature('0000000000000000')!, parseSignature('ffffffffffffffff')!)).toBe(64);
    expect(hammingDistance(parseSignature('0000000100000003')!, parseSignature('0000000000000000')!)).toBe(3);
  });
});
