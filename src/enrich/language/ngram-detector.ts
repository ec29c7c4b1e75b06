import type { NgramTable } from './ngram-table.js';
import { slotOf } from './ngram-table.js';

/** What `detectByNgrams` answers: eld's `language` ('' when none) and its `isReliable()`. */
export interface NgramDetection {
  language: string;
  reliable: boolean;
}

/**
 * eld 2.1's `detect` (static "small" database), step for step, on typed arrays: the same
 * separators, the same UTF-8 byte dictionary and cut-offs, the same 4-byte n-grams with a stride
 * of 3, the same scores and the same reliability test (including its comparison of the top score
 * with the second language's index). The answers are eld's own; the n-grams are numbers, not
 * strings, and no object is built per n-gram. test/enrich/ngram-detector.test.ts holds the two
 * equal over the labelled data sets and generated text.
 */
export function createNgramDetector(table: NgramTable): (text: string) => NgramDetection {
  const languageCount = table.languages.length;
  const scores = new Int32Array(languageCount);
  const mask = table.slots.length - 1;
  // One UTF-8 "byte character" per code: eld cuts its input after 380 bytes (+ one 4-byte character).
  const chars = new Uint8Array(1024);
  const wordStart: number[] = [];
  const wordEnd: number[] = [];
  // Distinct n-grams of one text: a small hash set stamped per call.
  const seenSize = 2048;
  const seenStamp = new Int32Array(seenSize);
  const seenLo = new Int32Array(seenSize);
  const seenHi = new Int32Array(seenSize);
  let stamp = 0;
  let distinct = 0;
  let longNgrams = new Set<string>();

  /** Counts n-gram `chars[from, to)` (with an optional leading and trailing space) once and scores it. */
  const addNgram = (leadingSpace: boolean, from: number, to: number): void => {
    const length = to - from + (leadingSpace ? 1 : 0) + 1;
    if (length > 6) {
      // Only a word cut at 70 bytes makes one; no such n-gram is in the table, but it counts.
      let key = leadingSpace ? ' ' : '';
      for (let i = from; i < to; i++) key += String.fromCharCode(chars[i]!);
      if (!longNgrams.has(key)) {
        longNgrams.add(key);
        distinct++;
      }
      return;
    }
    let lo = 0;
    let hi = length << 16;
    let at = 0;
    if (leadingSpace) {
      lo = 32;
      at = 1;
    }
    for (let i = from; i < to; i++, at++) {
      if (at < 4) lo |= chars[i]! << (8 * at);
      else hi |= chars[i]! << (8 * (at - 4));
    }
    // The trailing space.
    if (at < 4) lo |= 32 << (8 * at);
    else hi |= 32 << (8 * (at - 4));
    score(lo, hi);
  };

  const addInnerNgram = (leadingSpace: boolean, from: number): void => {
    // Exactly 4 characters (+ a leading space on a word's first).
    let lo = 0;
    let hi = (leadingSpace ? 5 : 4) << 16;
    if (leadingSpace) {
      lo = 32 | (chars[from]! << 8) | (chars[from + 1]! << 16) | (chars[from + 2]! << 24);
      hi |= chars[from + 3]!;
    } else {
      lo = chars[from]! | (chars[from + 1]! << 8) | (chars[from + 2]! << 16) | (chars[from + 3]! << 24);
    }
    score(lo, hi);
  };

  const score = (lo: number, hi: number): void => {
    let seen = slotOf(lo, hi, seenSize - 1);
    while (seenStamp[seen] === stamp) {
      if (seenLo[seen] === lo && seenHi[seen] === hi) return;
      seen = (seen + 1) & (seenSize - 1);
    }
    seenStamp[seen] = stamp;
    seenLo[seen] = lo;
    seenHi[seen] = hi;
    distinct++;
    let slot = slotOf(lo, hi, mask);
    for (;;) {
      const entry = table.slots[slot]!;
      if (entry === -1) return;
      if (table.lo[entry] === lo && table.hi[entry] === hi) {
        for (let p = table.postingStart[entry]!, end = table.postingStart[entry + 1]!; p < end; p++) {
          // eld stores scores less its minimum, 53.
          scores[table.postingLanguage[p]!]! += table.postingScore[p]! + 53;
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  };

  const separators = new RegExp(table.separators, 'gu');
  return (input: string): NgramDetection => {
    const text = input.substring(0, 1000).replace(separators, ' ').trim().toLowerCase();
    utf8ByteWords(text, table.byteChars, chars, wordStart, wordEnd);
    stamp++;
    if (stamp === 0x7fffffff) {
      seenStamp.fill(0);
      stamp = 1;
    }
    distinct = 0;
    if (longNgrams.size > 0) longNgrams = new Set();
    scores.fill(0);
    for (let w = 0; w < wordStart.length; w++) {
      const start = wordStart[w]!;
      const wordLength = wordEnd[w]! - start;
      const len = wordLength > 70 ? 70 : wordLength;
      let j = 0;
      for (; j + 4 < len; j += 3) addInnerNgram(j === 0, start + j);
      // eld: `word.substring(len !== 3 ? len - 4 : 0)`, to the end of the word.
      const from = len !== 3 ? Math.max(0, len - 4) : 0;
      addNgram(j === 0, start + from, start + wordLength);
    }
    let best = -1;
    let bestScore = 0;
    for (let lang = 0; lang < languageCount; lang++) {
      const value = scores[lang]!;
      if (value > 0 && value > bestScore) {
        bestScore = value;
        best = lang;
      }
    }
    if (best === -1) return { language: '', reliable: false };
    const language = table.languages[best]!;
    return { language, reliable: isReliable(scores, distinct, table.averageScores[best]!) };
  };
}

/** eld's `LanguageResult.isReliable()` with its default threshold ratio of 0.75. */
function isReliable(scores: Int32Array, numNgrams: number, averageScore: number): boolean {
  const ordered: [number, number][] = [];
  for (let lang = 0; lang < scores.length; lang++) {
    if (scores[lang]! > 0) {
      const ngramScore = scores[lang]! / numNgrams;
      ordered.push([lang, ngramScore / (ngramScore + 25)]);
    }
  }
  ordered.sort((a, b) => b[1] - a[1]);
  if (ordered.length === 0 || numNgrams < 3) return false;
  // As eld does: the second entry's language index, not its score.
  const nextScore = ordered.length > 1 ? ordered[1]![0] : 0;
  return !(averageScore * 0.75 > ordered[0]![1] || 0.01 > Math.abs(ordered[0]![1] - nextScore));
}

/**
 * eld's `strToUtf8Bytes`: the words of `text` (split at ASCII spaces) as UTF-8 "byte characters"
 * (ASCII as is, other bytes through eld's dictionary) into `chars`, word by word into
 * `wordStart`/`wordEnd`, cut at the first space after 350 bytes or after any character past 380.
 */
function utf8ByteWords(text: string, byteChars: Uint8Array, chars: Uint8Array, wordStart: number[], wordEnd: number[]): void {
  wordStart.length = 0;
  wordEnd.length = 0;
  let length = 0;
  let start = 0;
  let countBytes = 0;
  const endWord = (): void => {
    if (length > start) {
      wordStart.push(start);
      wordEnd.push(length);
    }
    start = length;
  };
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code === 32) {
        endWord();
        if (countBytes > 350) break;
      } else {
        chars[length++] = code;
      }
      countBytes++;
    } else if (code < 0x800) {
      chars[length++] = byteChars[0xc0 | (code >> 6)]!;
      chars[length++] = byteChars[0x80 | (code & 0x3f)]!;
      countBytes += 2;
    } else if (code < 0xd800 || code >= 0xe000) {
      chars[length++] = byteChars[0xe0 | (code >> 12)]!;
      chars[length++] = byteChars[0x80 | ((code >> 6) & 0x3f)]!;
      chars[length++] = byteChars[0x80 | (code & 0x3f)]!;
      countBytes += 3;
    } else {
      i++;
      code = 0x10000 + (((code & 0x3ff) << 10) | (text.charCodeAt(i) & 0x3ff));
      chars[length++] = byteChars[0xf0 | (code >> 18)]!;
      chars[length++] = byteChars[0x80 | ((code >> 12) & 0x3f)]!;
      chars[length++] = byteChars[0x80 | ((code >> 6) & 0x3f)]!;
      chars[length++] = byteChars[0x80 | (code & 0x3f)]!;
      countBytes += 4;
    }
    if (countBytes > 380) break;
  }
  endWord();
}
