/**
 * Word tokens of a folded text with their offsets. Letters, digits and combining marks make
 * words; everything else separates them (so "l'oreal" is `l`, `oreal` and "j.-p." is `j`, `p`).
 * Scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) give one token per
 * character, so an alias in those scripts matches inside a longer run of text.
 */
export interface WordTokens {
  readonly count: number;
  readonly words: string[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

const SEPARATOR = 1;
const WORD = 2;
const SINGLE = 3;
const classes = new Uint8Array(65536);
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const SINGLE_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function classify(code: number): number {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)
      ? WORD
      : SEPARATOR;
  }
  let kind = classes[code]!;
  if (kind === 0) {
    const ch = String.fromCharCode(code);
    // Lone surrogate halves (emoji, rare ideographs) separate words.
    kind = code >= 0xd800 && code <= 0xdfff ? SEPARATOR : SINGLE_RE.test(ch) ? SINGLE : WORD_RE.test(ch) ? WORD : SEPARATOR;
    classes[code] = kind;
  }
  return kind;
}

/** Splits folded text into word tokens. `maxTokens` bounds the work on huge inputs. */
export function wordTokens(folded: string, maxTokens = 1_000_000): WordTokens {
  const words: string[] = [];
  const length = folded.length;
  // Offsets go straight into typed arrays (grown by doubling): building number arrays and
  // converting them cost as much as the scan itself.
  let starts: Int32Array = new Int32Array(Math.min(length, 256) + 1);
  let ends: Int32Array = new Int32Array(starts.length);
  let count = 0;
  let i = 0;
  while (i < length && count < maxTokens) {
    const kind = classify(folded.charCodeAt(i));
    if (kind === SEPARATOR) {
      i += 1;
      continue;
    }
    const start = i;
    if (kind === SINGLE) {
      i += 1;
    } else {
      i += 1;
      while (i < length && classify(folded.charCodeAt(i)) === WORD) i += 1;
    }
    if (count === starts.length) {
      starts = grown(starts);
      ends = grown(ends);
    }
    words.push(folded.slice(start, i));
    starts[count] = start;
    ends[count] = i;
    count += 1;
  }
  return { count, words, starts: starts.slice(0, count), ends: ends.slice(0, count) };
}

function grown(offsets: Int32Array): Int32Array {
  const larger = new Int32Array(offsets.length * 2);
  larger.set(offsets);
  return larger;
}
