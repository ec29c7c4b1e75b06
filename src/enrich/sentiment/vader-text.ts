import { readFileSync } from 'node:fs';
import { HubwatchError } from '../../core/errors.js';
import { lexiconPath } from './load-lexicon.js';

/** Python's `string.punctuation`, stripped from both ends of a token. */
const PUNCTUATION = `!"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~`;
const IS_PUNCTUATION = new Uint8Array(128);
for (const ch of PUNCTUATION) IS_PUNCTUATION[ch.charCodeAt(0)] = 1;

function isPunctuation(code: number): boolean {
  return code < 128 && IS_PUNCTUATION[code] === 1;
}

/** The white space Python's `str.split()` splits on (`str.isspace`), which differs from JavaScript's `\s`. */
function isPythonSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13) || (code >= 28 && code <= 31);
  if (code < 0x85) return false;
  return (
    code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 ||
    code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000
  );
}

/** Length in code points, as Python's `len` counts (a JavaScript string counts UTF-16 units). */
function codePointLength(text: string, from: number, to: number): number {
  let length = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) length += 1;
  }
  return length;
}

/**
 * VADER 3.3's `SentiText._words_and_emoticons`: the text split on white space, each token
 * stripped of leading and trailing ASCII punctuation unless that leaves two characters or fewer
 * (then the token is kept whole: ":)", ":-(", "ok!"). One-character tokens ("I", "a") are kept.
 */
export function vaderTokens(text: string): string[] {
  const tokens: string[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    while (i < length && isPythonSpace(text.charCodeAt(i))) i += 1;
    const start = i;
    while (i < length && !isPythonSpace(text.charCodeAt(i))) i += 1;
    if (i === start) continue;
    let from = start;
    let to = i;
    while (from < to && isPunctuation(text.charCodeAt(from))) from += 1;
    while (to > from && isPunctuation(text.charCodeAt(to - 1))) to -= 1;
    // Past 4 units a token has at least 3 code points: no need to count them.
    if (to - from <= 4 && codePointLength(text, from, to) <= 2) tokens.push(text.slice(start, i));
    else tokens.push(text.slice(from, to));
  }
  return tokens;
}

/** Python's `str.isupper()`: at least one cased character and no lower-case one. */
export function isUpper(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first >= 97 && first <= 122) return false;
  // ASCII words (nearly all) without building their lower and upper case copies.
  let cased = false;
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if (c >= 128) return word !== word.toLowerCase() && word === word.toUpperCase();
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) cased = true;
  }
  return cased;
}

/**
 * VADER 3.3's emoji handling: each emoji of `en/emoji-utf8-lexicon.tsv` is replaced by its
 * description ("😁" → "beaming face with smiling eyes"), preceded by a space unless one comes
 * before it, so the words of the description are scored like any other.
 */
export class EmojiDescriptions {
  private readonly descriptions: Map<number, string>;
  private readonly lowest: number;

  constructor(descriptions: Map<number, string>) {
    this.descriptions = descriptions;
    this.lowest = Math.min(...descriptions.keys());
  }

  /** Reads `resources/lexicons/en/emoji-utf8-lexicon.tsv` (`emoji<TAB>description`). */
  static load(relativePath = 'en/emoji-utf8-lexicon.tsv'): EmojiDescriptions {
    const path = lexiconPath(relativePath);
    const map = new Map<number, string>();
    readFileSync(path, 'utf8').split('\n').forEach((line, index) => {
      if (line === '' || line.startsWith('#')) return;
      const [emoji, description] = line.split('\t');
      const code = emoji?.codePointAt(0);
      if (code === undefined || description === undefined || description === '' || String.fromCodePoint(code) !== emoji) {
        throw new HubwatchError(`${path}:${index + 1}: expected "one emoji<TAB>description", got ${JSON.stringify(line.slice(0, 60))}`, {
          reason: 'bad-lexicon',
          retryable: false,
        });
      }
      map.set(code, description);
    });
    return new EmojiDescriptions(map);
  }

  /** The text with each known emoji replaced by its description, as the reference does it. */
  substitute(text: string): string {
    if (!this.mayHold(text)) return text;
    let out = '';
    let prevSpace = true;
    for (const ch of text) {
      const description = this.descriptions.get(ch.codePointAt(0)!);
      if (description !== undefined) {
        if (!prevSpace) out += ' ';
        out += description;
        prevSpace = false;
      } else {
        out += ch;
        prevSpace = ch === ' ';
      }
    }
    return out;
  }

  /** Whether any character is a known emoji (most texts have none: they are returned as they are). */
  private mayHold(text: string): boolean {
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if (code < this.lowest) continue;
      if (this.descriptions.has(code)) return true;
      if (code >= 0xd800 && code < 0xdc00 && this.descriptions.has(text.codePointAt(i)!)) return true;
    }
    return false;
  }
}

/**
 * Python's `round(x, digits)`: the nearest decimal to the exact binary value, ties (exactly
 * representable halves such as 0.3125 → 3 digits) to even. `toFixed` rounds the exact value too,
 * but ties away from zero.
 */
export function pythonRound(x: number, digits: number): number {
  const scaled = x * 2 ** (digits + 1);
  if (Number.isInteger(scaled) && scaled % 2 !== 0) {
    const y = x * 10 ** digits;
    const floor = Math.floor(y);
    return (floor % 2 === 0 ? floor : floor + 1) / 10 ** digits;
  }
  return Number(x.toFixed(digits));
}
