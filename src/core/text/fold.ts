/**
 * The one text fold: lower case, and Latin letters without their diacritics (é → e, ǘ → u,
 * İ → i), which is what both index engines do to what they index: SQLite's
 * `unicode61 remove_diacritics 2` and the Elasticsearch template's `lowercase` + `asciifolding`.
 * Other scripts keep their marks (й is not и, ά stays ά, 한 stays one syllable), as in both engines.
 * So a watchlist entry tags a text (enrichment, `fold`) when a search for it finds that text
 * (the index, `foldText`).
 *
 * - `fold` keeps offsets: its output has exactly the length of its input (UTF-16 units), so an
 *   offset found in the folded text is the same offset in the original. It also unifies
 *   apostrophes, hyphens and spaces, and final sigma, for the phrase matcher.
 * - `foldText` folds whole strings for the index (stored keys and query terms): it composes what
 *   input arrives decomposed and leaves punctuation alone, which both engines split on anyway.
 */

/** A Latin letter followed by combining marks (after NFD): the marks are the diacritics removed. */
const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;

/** Folds a whole string as the index engines fold text: `Société Générale` → `societe generale`. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(LATIN_WITH_MARKS, '$1').normalize('NFC').toLowerCase();
}

/** Whether the text holds at least one letter or digit (something an index can match). */
export function hasWordCharacter(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

// 0 = not computed yet. Every code unit maps to exactly one code unit.
const table = new Uint16Array(65536);

const APOSTROPHES = '\u2019\u2018\u02BC\u02BB\u0060\u00B4\u2032\uFF07';
const HYPHENS = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D\u00AD';
const SPACES = '\u00A0\u2007\u202F\u2009\u200A\u2002\u2003\u3000';

function computeFold(code: number): number {
  const ch = String.fromCharCode(code);
  if (APOSTROPHES.includes(ch)) return 0x27;
  if (HYPHENS.includes(ch)) return 0x2d;
  if (SPACES.includes(ch)) return 0x20;
  // Surrogates stay as they are: normalising a lone half is meaningless.
  if (code >= 0xd800 && code <= 0xdfff) return code;
  // Final sigma folds to sigma (as Unicode case folding does), whatever the word's position.
  if (code === 0x03c2 || code === 0x03a3) return 0x03c3;
  const folded = foldText(ch);
  // ß, ligatures or İ can expand: a unit whose fold is not one unit is only lower-cased, if that
  // keeps it one unit, so lengths never change.
  if (folded.length === 1) return folded.charCodeAt(0);
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
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
 * Lower-cases, strips the diacritics of Latin letters (é→e, ç→c), unifies apostrophes (’ → '),
 * hyphens (– → -), non-breaking spaces and final sigma, keeping `fold(s).length === s.length`.
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
