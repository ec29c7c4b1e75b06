import { describe, expect, it } from 'vitest';
import { fold, foldText, hasWordCharacter } from './fold.js';

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

describe('fold and foldText: one folding', () => {
  it('removes the diacritics of Latin letters only, as both index engines do', () => {
    expect(foldText('Société Générale')).toBe('societe generale');
    expect(foldText('Cafe\u0301 ǗṨỆ İstanbul')).toBe('cafe use istanbul');
    // Other scripts keep their marks (SQLite's unicode61 and asciifolding keep them too).
    expect(foldText('Йога ЁЛКА')).toBe('йога ёлка');
    expect(foldText('Ωμέγα ΆΛΦΑ')).toBe('ωμέγα άλφα');
    // Hangul syllables stay syllables: their canonical decomposition is letters, not marks.
    expect(foldText('한국')).toBe('한국');
    expect(foldText('한국')).toHaveLength(2);
    // Punctuation is left to the engines' tokenisers.
    expect(foldText('L’Oréal – Ouest‑France')).toBe('l’oreal – ouest‑france');
  });

  it('folds letters in enrichment as the index does, unit by unit', () => {
    expect(fold('한국 경제')).toBe('한국 경제');
    expect(fold('Йога ΆΛΦΑ Crème')).toBe('йога άλφα creme');
    for (let code = 0x80; code < 0x10000; code += 1) {
      const unit = String.fromCharCode(code);
      // Final sigma and the modifier letters used as apostrophes are the matcher's own unifications.
      if (!/\p{L}/u.test(unit) || unit === 'ς' || fold(unit) === "'") continue;
      const index = foldText(unit);
      if (index.length === 1) expect(fold(unit), `U+${code.toString(16)}`).toBe(index);
    }
  });

  it('tells whether a text has something an index can match', () => {
    expect(hasWordCharacter('— ! ?')).toBe(false);
    expect(hasWordCharacter('«한»')).toBe(true);
    expect(hasWordCharacter('42')).toBe(true);
  });
});
