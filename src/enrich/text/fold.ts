/**
 * Case and diacritic folding that keeps offsets: the folded string has exactly the length of its
 * input, so an offset found in the folded text is the same offset in the original (UTF-16 units).
 */

// 0 = not computed yet. Every code unit maps to exactly one code unit.
const table = new Uint16Array(65536);

const APOSTROPHES = '\u2019\u2018\u02BC\u02BB\u0060\u00B4\u2032\uFF07';
const HYPHENS = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D\u00AD';
const SPACES = '\u00A0\u2007\u202F\u2009\u200A\u2002\u2003\u3000';
const COMBINING = /\p{M}/gu;

function computeFold(code: number): number {
  const ch = String.fromCharCode(code);
  if (APOSTROPHES.includes(ch)) return 0x27;
  if (HYPHENS.includes(ch)) return 0x2d;
  if (SPACES.includes(ch)) return 0x20;
  // Surrogates stay as they are: normalising a lone half is meaningless.
  if (code >= 0xd800 && code <= 0xdfff) return code;
  const base = ch.normalize('NFD').replace(COMBINING, '');
  const lower = (base.length > 0 ? base : ch).toLowerCase();
  // Final sigma folds to sigma (as Unicode case folding does), whatever the word's position.
  if (lower === '\u03c2') return 0x03c3;
  // ß, ligatures or İ can expand; keep the first unit so lengths never change.
  return lower.length > 0 ? lower.charCodeAt(0) : code;
}

/** The folded form of one UTF-16 code unit. */
export function foldCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  let folded = table[code]!;
  if (folded === 0) {
    folded = computeFold(code);
    table[code] = folded;
  }
  return folded;
}

/**
 * Lower-cases, strips diacritics (é→e, ç→c), unifies apostrophes (’ → '), hyphens (– → -) and
 * non-breaking spaces, keeping `fold(s).length === s.length`.
 */
export function fold(input: string): string {
  // The engine's toLowerCase is an order of magnitude faster than a loop over every unit; then
  // only the non-ASCII units left (a few per cent of Western European text) go through the table.
  // İ is the one letter whose lower case is longer (i + combining dot above); it folds to i anyway.
  const lower = (input.includes('\u0130') ? input.replaceAll('\u0130', 'I') : input).toLowerCase();
  if (lower.length !== input.length) return foldEachUnit(input);
  const length = lower.length;
  let out = '';
  let copied = 0;
  for (let i = 0; i < length; i += 1) {
    const code = lower.charCodeAt(i);
    if (code < 128) continue;
    const folded = foldCode(code);
    if (folded === code) continue;
    out += lower.slice(copied, i) + String.fromCharCode(folded);
    copied = i + 1;
  }
  return copied === 0 ? lower : out + lower.slice(copied);
}

/** `fold` one unit at a time: only if a future Unicode gives another letter a longer lower case. */
function foldEachUnit(input: string): string {
  const length = input.length;
  const codes = new Uint16Array(length);
  for (let i = 0; i < length; i += 1) codes[i] = foldCode(input.charCodeAt(i));
  let out = '';
  const chunk = 8192;
  for (let i = 0; i < length; i += chunk) {
    out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + chunk)) as unknown as number[]);
  }
  return out;
}
