import { UserInputError } from '../../core/errors.js';

/** A lexical token of the query language; `position` is the 0-based offset in the query text. */
export type Token =
  | { type: 'lparen'; position: number }
  | { type: 'rparen'; position: number }
  | { type: 'and' | 'or' | 'not'; position: number }
  | { type: 'near'; distance: number; position: number }
  | { type: 'field'; name: string; position: number; end: number }
  | { type: 'word'; value: string; position: number }
  | { type: 'phrase'; value: string; position: number };

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 4000;
/** Largest NEAR/n distance. */
export const MAX_NEAR_DISTANCE = 100;

const SPECIAL = new Set(['(', ')', '"', '\u201c', '\u201d']);

function isSpace(ch: string): boolean {
  return /\s/u.test(ch);
}

/** Column shown to people: 1-based, as editors count. */
export function column(position: number): number {
  return position + 1;
}

/**
 * Splits a query into tokens. Operators are upper-case words (AND, OR, NOT, NEAR/n); `word:` just
 * before a value is a field name; quotes (straight or curly) delimit phrases.
 */
export function tokenize(text: string): Token[] {
  if (text.length > MAX_QUERY_LENGTH) {
    throw new UserInputError(`query too long: ${text.length} characters (at most ${MAX_QUERY_LENGTH})`, 'query-too-expensive');
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (isSpace(ch)) {
      i += 1;
      continue;
    }
    if (ch === '(') {
      tokens.push({ type: 'lparen', position: i });
      i += 1;
      continue;
    }
    if (ch === ')') {
      tokens.push({ type: 'rparen', position: i });
      i += 1;
      continue;
    }
    if (ch === '"' || ch === '\u201c' || ch === '\u201d') {
      const start = i;
      i += 1;
      let value = '';
      while (i < text.length && text[i] !== '"' && text[i] !== '\u201d' && text[i] !== '\u201c') {
        value += text[i];
        i += 1;
      }
      if (i >= text.length) throw new UserInputError(`unclosed quote at ${column(start)}`, 'query-syntax');
      i += 1;
      tokens.push({ type: 'phrase', value, position: start });
      continue;
    }
    const start = i;
    let word = '';
    while (i < text.length && !isSpace(text[i] as string) && !SPECIAL.has(text[i] as string)) {
      const c = text[i] as string;
      if (c === ':' && word.length > 0 && /^[A-Za-z]+$/.test(word)) {
        // `brand:` — a field name; the value follows (a word, a phrase or a group).
        break;
      }
      word += c;
      i += 1;
    }
    if (i < text.length && text[i] === ':' && word.length > 0) {
      i += 1;
      tokens.push({ type: 'field', name: word, position: start, end: i });
      continue;
    }
    tokens.push(operatorOrWord(word, start));
  }
  return tokens;
}

function operatorOrWord(word: string, position: number): Token {
  if (word === 'AND' || word === '&&') return { type: 'and', position };
  if (word === 'OR' || word === '||') return { type: 'or', position };
  if (word === 'NOT') return { type: 'not', position };
  const near = /^NEAR(?:\/(\d+))?$/.exec(word);
  if (near) {
    const distance = near[1] === undefined ? 10 : Number(near[1]);
    if (distance > MAX_NEAR_DISTANCE) {
      throw new UserInputError(`NEAR/${distance} at ${column(position)}: the distance is at most ${MAX_NEAR_DISTANCE}`, 'query-syntax');
    }
    return { type: 'near', distance, position };
  }
  if (/^NEAR\//.test(word)) {
    throw new UserInputError(`NEAR at ${column(position)} needs a number of words, as in NEAR/5`, 'query-syntax');
  }
  return { type: 'word', value: word, position };
}
