/**
 * The figures of a text (its numbers) as a 128-bit set: copies of a story keep its figures, while a
 * templated bulletin (market close, gold price, weather, results) repeats its words every day with
 * new ones. A number is a run of consecutive all-digit words joined, so "7,412.35", "7 412,35" and
 * "7412.35" are one figure; each figure sets one bit chosen by its hash.
 */

/** 32-bit words of the set. */
export const FIGURE_WORDS = 4;

function isDigits(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return word.length > 0;
}

/** The figures of the first `count` folded words, as FIGURE_WORDS 32-bit words. */
export function figureSet(words: readonly string[], count: number): Uint32Array {
  const set = new Uint32Array(FIGURE_WORDS);
  let hash = 0;
  let open = false;
  const close = (): void => {
    if (!open) return;
    const mixed = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
    const bit = (mixed ^ (mixed >>> 12)) & (FIGURE_WORDS * 32 - 1);
    set[bit >>> 5]! |= 1 << (bit & 31);
    open = false;
  };
  for (let w = 0; w < count; w += 1) {
    const word = words[w]!;
    if (!isDigits(word)) {
      close();
      continue;
    }
    if (!open) {
      hash = 0x811c9dc5;
      open = true;
    }
    for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  }
  close();
  return set;
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Figures in each set and figures in both (bits, so two figures may rarely share one). */
export function figureOverlap(a: Uint32Array, aAt: number, b: Uint32Array, bAt: number): { a: number; b: number; both: number } {
  let inA = 0;
  let inB = 0;
  let both = 0;
  for (let i = 0; i < FIGURE_WORDS; i += 1) {
    const x = a[aAt + i]!;
    const y = b[bAt + i]!;
    inA += popcount(x);
    inB += popcount(y);
    both += popcount(x & y);
  }
  return { a: inA, b: inB, both };
}
