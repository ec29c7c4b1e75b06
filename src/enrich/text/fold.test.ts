import { describe, expect, it } from 'vitest';
import { fold } from './fold.js';
import { splitSentences } from './sentences.js';
import { wordTokens } from './word-tokens.js';

describe('fold', () => {
  it('folds case, diacritics, apostrophes, hyphens and spaces without changing the length', () => {
    const inputs = ['L’ORÉAL', 'Crème Brûlée – Ça va', 'straße İstanbul œuvre', 'a\u00a0b', '😀 emoji'];
    for (const input of inputs) expect(fold(input)).toHaveLength(input.length);
    expect(fold('L’ORÉAL')).toBe("l'oreal");
    expect(fold('Crème Brûlée – Ça va')).toBe('creme brulee - ca va');
    expect(fold('a\u00a0b')).toBe('a b');
  });

  it('folds every unit of a text as it folds that unit alone, whatever surrounds it', () => {
    // Every BMP unit alone, then inside words (where toLowerCase is context-sensitive: final sigma).
    // Units whose lower case is longer (İ) are tested apart as well.
    const units: string[] = [];
    for (let code = 0; code < 0x10000; code += 1) units.push(String.fromCharCode(code));
    expect(units.filter((unit) => fold(unit).length !== 1)).toEqual([]);
    const [growing, keeping] = [units.filter((u) => u.toLowerCase().length > 1), units.filter((u) => u.toLowerCase().length === 1)];
    expect(growing.length).toBeGreaterThan(0);
    for (const group of [keeping, growing]) {
      expect(fold(group.map((unit) => `A${unit}b `).join(''))).toBe(group.map((unit) => `a${fold(unit)}b `).join(''));
      expect(fold(group.map((unit) => `AB${unit} `).join(''))).toBe(group.map((unit) => `ab${fold(unit)} `).join(''));
    }
    expect(fold('ΟΔΟΣ οδος')).toBe('οδοσ οδοσ');
    expect(fold('İSTANBUL Ünïcode')).toBe('istanbul unicode');
    // Letters outside the BMP are lower-cased too, with or without an İ in the same text.
    expect(fold('\u{10400}x')).toBe('\u{10428}x');
    expect(fold('İ \u{10400}')).toBe('i \u{10428}');
  });
});

describe('wordTokens', () => {
  it('splits on punctuation, keeps offsets, and makes one token per character in unspaced scripts', () => {
    const folded = fold("J.-P. Agon, d'Acme : 索尼公司");
    const tokens = wordTokens(folded);
    expect(tokens.words).toEqual(['j', 'p', 'agon', 'd', 'acme', '索', '尼', '公', '司']);
    expect(folded.slice(tokens.starts[2], tokens.ends[2])).toBe('agon');
  });

  it('is linear on hostile input and honours maxTokens', () => {
    const started = Date.now();
    expect(wordTokens('a '.repeat(200_000)).count).toBe(200_000);
    expect(wordTokens('a '.repeat(1000), 10).count).toBe(10);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('splitSentences', () => {
  it('splits at sentence ends and line breaks but not after initials', () => {
    const text = 'J.-P. Agon left. Profits rose! Did they?\nYes… « Bien » dit-il.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'J.-P. Agon left.',
      'Profits rose!',
      'Did they?',
      'Yes…',
      '« Bien » dit-il.',
    ]);
  });
});
