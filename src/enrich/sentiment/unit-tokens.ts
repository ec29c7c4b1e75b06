import { fold } from '../../core/text/fold.js';
import { isUpper } from './vader-text.js';

const PUNCTUATION = `!"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~`;
const EMOJI = /(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*)/gu;
const IS_PUNCTUATION = new Uint8Array(128);
for (const ch of PUNCTUATION) IS_PUNCTUATION[ch.charCodeAt(0)] = 1;

function isPunctuation(code: number): boolean {
  return code < 128 && IS_PUNCTUATION[code] === 1;
}

/** Closing quotes and brackets that may follow clause punctuation: ) " ' ” » ’ */
function isCloser(code: number): boolean {
  return code === 41 || code === 34 || code === 39 || code === 0x201d || code === 0xbb || code === 0x2019;
}

function isClausePunctuation(code: number): boolean {
  return code === 44 || code === 59 || code === 58 || code === 46 || code === 33 || code === 63;
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 0xc0 && code < 0x2000 && code !== 0xd7 && code !== 0xf7);
}

/** The token text[start, end) is a word followed by clause punctuation: "bad," "good." "really!" (emoticons are not words). */
function endsClause(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i >= start && isCloser(text.charCodeAt(i))) i -= 1;
  if (i < start || !isClausePunctuation(text.charCodeAt(i))) return false;
  while (i >= start && isClausePunctuation(text.charCodeAt(i))) i -= 1;
  while (i >= start && isCloser(text.charCodeAt(i))) i -= 1;
  return i >= start && isLetter(text.charCodeAt(i));
}

function hasHighChars(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) >= 0x2000) return true;
  return false;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

/** JavaScript's `\s`: the white space the unit is split on. */
function isWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * VADER's tokens: the unit split on white space, punctuation stripped from words (emoticons
 * kept whole), one-character tokens dropped as VADER's original `words_only` does; emoji are
 * split off as tokens of their own. The few HTML entities that survive in social text ("&lt;3")
 * are decoded first. With `clauseEnds`, records for each token whether clause punctuation follows
 * it; with `folded`, also gives each token folded (the unit is folded once, not token by token).
 * The French rules use these tokens; English uses VADER's own (`vader-text.ts`).
 */
export function splitUnit(unit: string, clauseEnds?: boolean[], folded?: string[]): string[] {
  let text = unit.includes('&') ? unit.replace(/&(?:amp|lt|gt|quot|apos|#39);/g, (entity) => ENTITIES[entity] ?? entity) : unit;
  if (hasHighChars(text)) text = text.replace(EMOJI, ' $1 ');
  const foldedText = folded ? fold(text) : '';
  const words: string[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    while (i < length && isWhitespace(text.charCodeAt(i))) i += 1;
    const start = i;
    while (i < length && !isWhitespace(text.charCodeAt(i))) i += 1;
    const size = i - start;
    if (size === 0 || (size === 1 && text.charCodeAt(start) < 0x2000)) continue;
    pushWord(text, foldedText, start, i, words, clauseEnds, folded);
  }
  return words;
}

/** Pushes one token, punctuation stripped from both ends unless that leaves 2 characters or fewer (":)", "ok"). */
function pushWord(text: string, foldedText: string, start: number, end: number, words: string[], clauseEnds?: boolean[], folded?: string[]): void {
  let from = start;
  let to = end;
  while (from < to && isPunctuation(text.charCodeAt(from))) from += 1;
  while (to > from && isPunctuation(text.charCodeAt(to - 1))) to -= 1;
  if (to - from <= 2) {
    from = start;
    to = end;
  }
  words.push(text.slice(from, to));
  folded?.push(foldedText.slice(from, to));
  if (clauseEnds) clauseEnds.push(endsClause(text, start, end));
}

/** Python's `str.isupper()`: at least one cased letter and no lower-case one. */
export const isAllCaps: (word: string) => boolean = isUpper;

/** VADER's amplifier from "!" (0.292 each, up to 4) and "?" (0.18 each from 2, 0.96 past 3). */
export function punctuationEmphasis(unit: string): number {
  let bangs = 0;
  let questions = 0;
  for (let i = 0; i < unit.length; i += 1) {
    const c = unit.charCodeAt(i);
    if (c === 33) bangs += 1;
    else if (c === 63) questions += 1;
  }
  return emphasisOf(bangs, questions);
}

/** The emphasis of a unit holding `bangs` "!" and `questions` "?" (see `punctuationEmphasis`). */
export function emphasisOf(bangs: number, questions: number): number {
  let emphasis = Math.min(bangs, 4) * 0.292;
  if (questions > 1) emphasis += questions <= 3 ? questions * 0.18 : 0.96;
  return emphasis;
}
