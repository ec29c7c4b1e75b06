import { fold } from '../../core/text/fold.js';
import { wordTokens, type WordTokens } from '../text/word-tokens.js';

/** One phrase found: which phrase and the token range it covers (inclusive). */
export interface PhraseHit<T> {
  payload: T;
  first: number;
  last: number;
}

interface Candidate<T> {
  words: string[];
  payload: T;
  plural: boolean;
}

/** Largest gap (in UTF-16 units) allowed between two words of one phrase: "J.-P. Agon". */
const MAX_GAP = 3;

/** Bits of the first-word filter (a power of two). */
const FILTER_BITS = 1 << 16;

/**
 * A slot for a word of `length` units starting with the code units `first` and `second`, read
 * in place: most words of a text start no phrase, and the filter says so without hashing them.
 */
function filterSlot(first: number, second: number, length: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b) ^ Math.imul(length, 0xc2b2ae35)) >>> 16;
}

function wordSlot(word: string, length: number): number {
  return filterSlot(word.charCodeAt(0), length > 1 ? word.charCodeAt(1) : 0, length);
}

/**
 * Finds many phrases in one pass over word tokens: a Map from the phrase's first word to its
 * candidates, then a word-by-word comparison. Cost is linear in the text (times the few
 * candidates sharing a first word); no regular expression is built from user text, so nothing
 * can backtrack. Phrases and texts are folded the same way (case, diacritics, apostrophes).
 */
export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, Candidate<T>[]>();
  /** Set where some phrase's first word could have its slot (never a false "absent"). */
  private readonly firstFilter = new Uint8Array(FILTER_BITS);
  private hasPlurals = false;

  /**
   * Adds a phrase. With `plural`, the last word also matches with a trailing "s" ("Renaults").
   * Returns false when the phrase has no word characters at all (nothing to match).
   */
  add(phrase: string, payload: T, options: { plural?: boolean } = {}): boolean {
    const { words } = wordTokens(fold(phrase));
    if (words.length === 0) return false;
    const last = words[words.length - 1]!;
    const plural = options.plural === true && last.length >= 3 && /^[a-z]+$/.test(last);
    if (plural) this.hasPlurals = true;
    const key = words[0]!;
    this.firstFilter[wordSlot(key, key.length)] = 1;
    const list = this.byFirst.get(key);
    const candidate = { words, payload, plural };
    if (list) list.push(candidate);
    else this.byFirst.set(key, [candidate]);
    return true;
  }

  /** Every phrase occurrence (overlapping ones included), in text order. */
  findAll(tokens: WordTokens, folded: string): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    const { words, count } = tokens;
    const filter = this.firstFilter;
    for (let i = 0; i < count; i += 1) {
      const word = words[i]!;
      const list = filter[wordSlot(word, word.length)] === 1 ? this.byFirst.get(word) : undefined;
      if (list) {
        for (const candidate of list) {
          const last = this.matchAt(candidate, tokens, folded, i);
          if (last >= 0) hits.push({ payload: candidate.payload, first: i, last });
        }
      }
      if (this.hasPlurals && word.length >= 4 && word.charCodeAt(word.length - 1) === 115 && filter[wordSlot(word, word.length - 1)] === 1) {
        const singular = this.byFirst.get(word.slice(0, -1));
        if (singular) {
          for (const candidate of singular) {
            if (candidate.plural && candidate.words.length === 1) hits.push({ payload: candidate.payload, first: i, last: i });
          }
        }
      }
    }
    return hits;
  }

  private matchAt(candidate: Candidate<T>, tokens: WordTokens, folded: string, at: number): number {
    const expected = candidate.words;
    const n = expected.length;
    if (at + n > tokens.count) return -1;
    for (let k = 1; k < n; k += 1) {
      const index = at + k;
      const gapStart = tokens.ends[index - 1]!;
      const gapEnd = tokens.starts[index]!;
      if (gapEnd - gapStart > MAX_GAP || folded.slice(gapStart, gapEnd).includes('\n')) return -1;
      const word = tokens.words[index]!;
      const want = expected[k]!;
      if (word === want) continue;
      if (k === n - 1 && candidate.plural && word.length === want.length + 1 && word.startsWith(want) && word.endsWith('s')) continue;
      return -1;
    }
    return at + n - 1;
  }
}
