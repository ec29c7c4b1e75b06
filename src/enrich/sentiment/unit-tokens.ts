const PUNCTUATION = `!"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~`;
const EMOJI = /(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*)/gu;

function isPunctuation(code: number): boolean {
  return code < 128 && PUNCTUATION.includes(String.fromCharCode(code));
}

/** Strips ASCII punctuation around a token unless that leaves 2 characters or fewer (":)", "ok"). */
function stripIfWord(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && isPunctuation(token.charCodeAt(start))) start += 1;
  while (end > start && isPunctuation(token.charCodeAt(end - 1))) end -= 1;
  if (end - start <= 2) return token;
  return start === 0 && end === token.length ? token : token.slice(start, end);
}

function hasHighChars(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) >= 0x2000) return true;
  return false;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

/** A word followed by clause punctuation: "bad," "good." "really!" (emoticons are not words). */
const CLAUSE_END = /\p{L}[)"'”»]*[,;:.!?]+[)"'”»]*$/u;

/**
 * VADER's tokens: the unit split on white space, punctuation stripped from words (emoticons
 * kept whole), one-character tokens dropped as VADER's original `words_only` does; emoji are
 * split off as tokens of their own. The few HTML entities that survive in social text ("&lt;3")
 * are decoded first. With `clauseEnds`, records for each token whether clause punctuation follows it.
 */
export function splitUnit(unit: string, clauseEnds?: boolean[]): string[] {
  let text = unit.includes('&') ? unit.replace(/&(?:amp|lt|gt|quot|apos|#39);/g, (entity) => ENTITIES[entity] ?? entity) : unit;
  if (hasHighChars(text)) text = text.replace(EMOJI, ' $1 ');
  const raw = text.split(/\s+/);
  const words: string[] = [];
  for (const token of raw) {
    if (token.length > 1 || (token.length === 1 && token.charCodeAt(0) >= 0x2000)) {
      words.push(stripIfWord(token));
      clauseEnds?.push(CLAUSE_END.test(token));
    }
  }
  return words;
}

/**
 * "goooood" → "good", "soooo" → "so", "lolll" → "lol": letters repeated 3+ times collapse to
 * two, then to one; laughter ("hahahaha", "hehehe") to its lexicon form "haha"/"hehe".
 */
export function elongationVariants(word: string): string[] {
  const variants: string[] = [];
  if (/(\p{L})\1\1/u.test(word)) {
    variants.push(word.replace(/(\p{L})\1{2,}/gu, '$1$1'), word.replace(/(\p{L})\1{2,}/gu, '$1'));
  }
  const laugh = /^(?:a?h[aeiu])(?:h[aeiu]){2,}h?$/.exec(word);
  if (laugh) variants.push(word.slice(0, 4).replace(/^a/, ''));
  return variants;
}

/** Python's `str.isupper()`: at least one cased letter and no lower-case one. */
export function isAllCaps(word: string): boolean {
  return word !== word.toLowerCase() && word === word.toUpperCase();
}

/** VADER's amplifier from "!" (0.292 each, up to 4) and "?" (0.18 each from 2, 0.96 past 3). */
export function punctuationEmphasis(unit: string): number {
  let bangs = 0;
  let questions = 0;
  for (let i = 0; i < unit.length; i += 1) {
    const c = unit.charCodeAt(i);
    if (c === 33) bangs += 1;
    else if (c === 63) questions += 1;
  }
  let emphasis = Math.min(bangs, 4) * 0.292;
  if (questions > 1) emphasis += questions <= 3 ? questions * 0.18 : 0.96;
  return emphasis;
}
