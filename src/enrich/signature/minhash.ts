/**
 * Story signatures: a MinHash sketch over character 8-grams of the folded text with everything but
 * letters, digits and marks removed, plus the text's figures (figures.ts).
 *
 * Shingles are character n-grams rather than word n-grams because word boundaries are unreliable
 * across outlets and scripts: "e-mail" / "email", "week-end" / "week end", punctuation glued to a
 * word, a dateline written differently, and languages written without spaces all give the same
 * letters. One-permutation hashing (Li, Owen & Zhang 2012): each shingle is hashed once into one of
 * 72 bins, each bin keeps its smallest rank. Ranks keep their high 16 bits, so they stay ordered;
 * an empty bin holds EMPTY, above every rank. Comparing two sketches bin by bin then says, for the
 * shingles of both texts, in which share the smallest belongs to both, to the first only or to the
 * second only: unbiased estimates of |A∩B|, |A∖B| and |B∖A| over |A∪B|, from which containment
 * (how much of one text the other holds) follows for texts of any two lengths.
 */
import { FIGURE_WORDS, figureSet } from './figures.js';

/** Characters per shingle (a power of two): about a word and a half of Latin text, so shared short words do not make texts alike. */
export const SHINGLE_CHARS = 8;
/** Characters looked at (after removing separators): enough for any article, bounded on huge inputs. */
const MAX_CHARS = 20_000;
/** Bins (values); the clusterer reads them as 36 LSH bands of 2. */
export const MINHASH_SIZE = 72;
/** A bin no shingle fell into: above every rank. */
export const EMPTY = 0xffff;
const HEX_PER_VALUE = 4;
/** Marks this format; a signature without it (the earlier 240-hex word-shingle format) is not parsed. */
export const SIGNATURE_PREFIX = 's2';
export const SIGNATURE_LENGTH = SIGNATURE_PREFIX.length + MINHASH_SIZE * HEX_PER_VALUE + FIGURE_WORDS * 8;

function fmix(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Polynomial rolling hash base and its SHINGLE_CHARS-th power (mod 2³²), to drop the oldest character. */
const BASE = 0x01000193;
let basePower = 1;
for (let i = 0; i < SHINGLE_CHARS; i += 1) basePower = Math.imul(basePower, BASE);
const DROP = basePower;

const minimum = new Uint16Array(MINHASH_SIZE);
/** The signature's characters, rewritten by each call (decoding copies them into the string). */
const signatureChars = new Uint8Array(SIGNATURE_LENGTH);
const window = new Uint16Array(SHINGLE_CHARS);

/** One 32-bit mix per shingle: its high half picks the bin (multiply-shift), its low half is the rank. */
function addShingle(rolling: number): void {
  const hash = fmix(rolling);
  const bin = ((hash >>> 16) * MINHASH_SIZE) >>> 16;
  const rank = Math.min(EMPTY - 1, hash & 0xffff);
  if (rank < minimum[bin]!) minimum[bin] = rank;
}

/**
 * The story signature of folded words (title then text), or null when they hold no character.
 * `SIGNATURE_LENGTH` characters: the prefix, 72 four-digit hex ranks, then the figure set.
 */
export function minhash(words: readonly string[]): string | null {
  minimum.fill(EMPTY);
  let rolling = 0;
  let seen = 0;
  let wordsUsed = 0;
  for (; wordsUsed < words.length && seen < MAX_CHARS; wordsUsed += 1) {
    const word = words[wordsUsed]!;
    for (let i = 0; i < word.length && seen < MAX_CHARS; i += 1) {
      const code = word.charCodeAt(i);
      const slot = seen & (SHINGLE_CHARS - 1);
      rolling = (Math.imul(rolling, BASE) + code - Math.imul(window[slot]!, DROP)) | 0;
      window[slot] = code;
      seen += 1;
      if (seen >= SHINGLE_CHARS) addShingle(rolling);
    }
  }
  if (seen === 0) return null;
  if (seen < SHINGLE_CHARS) addShingle(rolling); // a text shorter than one shingle is one shingle
  window.fill(0);
  const figures = figureSet(words, wordsUsed);
  // Written as character codes into one flat string (pieces appended one by one leave a rope).
  const chars = signatureChars;
  chars[0] = SIGNATURE_PREFIX.charCodeAt(0);
  chars[1] = SIGNATURE_PREFIX.charCodeAt(1);
  let at = SIGNATURE_PREFIX.length;
  const put = (value: number, digits: number): void => {
    for (let d = digits - 1; d >= 0; d -= 1) chars[at++] = HEX_DIGITS[(value >>> (d * 4)) & 0xf]!;
  };
  for (let i = 0; i < MINHASH_SIZE; i += 1) put(minimum[i]!, HEX_PER_VALUE);
  for (let i = 0; i < FIGURE_WORDS; i += 1) put(figures[i]!, 8);
  return LATIN1.decode(chars);
}

const HEX_DIGITS = Uint8Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
const LATIN1 = new TextDecoder('latin1');
const HEX = new Int8Array(128).fill(-1);
for (let d = 0; d < 16; d += 1) HEX[HEX_DIGITS[d]!] = d;

function hexAt(signature: string, from: number, digits: number): number {
  let value = 0;
  for (let i = from; i < from + digits; i += 1) {
    const code = signature.charCodeAt(i);
    const digit = code < 128 ? HEX[code]! : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/**
 * Reads a signature into `values` (72 ranks from `valuesAt`) and `figures` (from `figuresAt`).
 * False, writing nothing meaningful, when it is not a signature of this format: signatures stored
 * by earlier versions (240 hex characters of word-shingle values) are refused, not misread.
 */
export function readSignature(signature: string, values: Uint16Array, valuesAt: number, figures: Uint32Array, figuresAt: number): boolean {
  if (signature.length !== SIGNATURE_LENGTH || !signature.startsWith(SIGNATURE_PREFIX)) return false;
  let at = SIGNATURE_PREFIX.length;
  for (let i = 0; i < MINHASH_SIZE; i += 1, at += HEX_PER_VALUE) {
    const value = hexAt(signature, at, HEX_PER_VALUE);
    if (value < 0) return false;
    values[valuesAt + i] = value;
  }
  for (let i = 0; i < FIGURE_WORDS; i += 1, at += 8) {
    const value = hexAt(signature, at, 8);
    if (value < 0) return false;
    figures[figuresAt + i] = value;
  }
  return true;
}

/** A parsed signature, or null when it is not one of this format. */
export function parseSignature(signature: string): { values: Uint16Array; figures: Uint32Array } | null {
  const values = new Uint16Array(MINHASH_SIZE);
  const figures = new Uint32Array(FIGURE_WORDS);
  return readSignature(signature, values, 0, figures, 0) ? { values, figures } : null;
}

/** Bins whose smallest shingle is in both texts, in the first only, in the second only. */
export interface BinCounts {
  shared: number;
  onlyA: number;
  onlyB: number;
}

/** Compares two sketches bin by bin (bins empty in both say nothing and are skipped). */
export function compareSketches(a: Uint16Array, aAt: number, b: Uint16Array, bAt: number, out: BinCounts): BinCounts {
  let shared = 0;
  let onlyA = 0;
  let onlyB = 0;
  // Without branches: which of three outcomes a bin has is a coin toss, and mispredicted branches
  // cost more than the arithmetic (this loop is most of a story lookup).
  for (let i = 0; i < MINHASH_SIZE; i += 1) {
    const x = a[aAt + i]!;
    const y = b[bAt + i]!;
    shared += +(x === y) & +(x !== EMPTY);
    onlyA += +(x < y);
    onlyB += +(x > y);
  }
  out.shared = shared;
  out.onlyA = onlyA;
  out.onlyB = onlyB;
  return out;
}

/** Bins compared between two checks of `compareSketchesAtLeast`'s bound (72 = 9 blocks). */
const BLOCK = 8;

/**
 * `compareSketches` for a caller that only wants pairs whose containment can reach `minContainment`:
 * after each block of bins it stops, returning false, once even every remaining bin shared would
 * leave the containment below `minContainment` (unrelated texts are given up about halfway). When
 * it returns true, `out` holds the full counts, as `compareSketches` gives them.
 */
export function compareSketchesAtLeast(a: Uint16Array, aAt: number, b: Uint16Array, bAt: number, minContainment: number, out: BinCounts): boolean {
  let shared = 0;
  let onlyA = 0;
  let onlyB = 0;
  const keep = 1 - minContainment;
  for (let block = 0; block < MINHASH_SIZE; block += BLOCK) {
    const end = Math.min(MINHASH_SIZE, block + BLOCK);
    for (let i = block; i < end; i += 1) {
      const x = a[aAt + i]!;
      const y = b[bAt + i]!;
      shared += +(x === y) & +(x !== EMPTY);
      onlyA += +(x < y);
      onlyB += +(x > y);
    }
    // The best the rest can do is all shared: containment (shared + rest) / (shared + rest + min(onlyA, onlyB)).
    const best = shared + MINHASH_SIZE - end;
    if (keep * best < minContainment * Math.min(onlyA, onlyB) - 1e-9) return false;
  }
  out.shared = shared;
  out.onlyA = onlyA;
  out.onlyB = onlyB;
  return true;
}

/** Estimated Jaccard similarity of the two shingle sets. */
export function similarity(counts: BinCounts): number {
  const all = counts.shared + counts.onlyA + counts.onlyB;
  return all === 0 ? 0 : counts.shared / all;
}

/** Estimated share of the smaller text's shingles that the other text holds (containment). */
export function containment(counts: BinCounts): number {
  const ofA = counts.shared + counts.onlyA;
  const ofB = counts.shared + counts.onlyB;
  const smaller = Math.min(ofA, ofB);
  return smaller === 0 ? 0 : counts.shared / smaller;
}

/** Estimated Jaccard similarity and containment of two signatures, or null when one is not of this format. */
export function compareSignatures(a: string, b: string): { similarity: number; containment: number } | null {
  const first = parseSignature(a);
  const second = parseSignature(b);
  if (!first || !second) return null;
  const counts = compareSketches(first.values, 0, second.values, 0, { shared: 0, onlyA: 0, onlyB: 0 });
  return { similarity: similarity(counts), containment: containment(counts) };
}
