import { UserInputError } from '../../core/errors.js';

/** A lexical token of the query language; `position` is the 0-based offset in the query text. */
export type Token =
  | { type: 'lparen'; position: number }
  | { type: 'rparen'; position: number }
  | { type: 'and' | 'or' | 'not'; position: number }
  | { type: 'near'; distance: number; position: number }
  /** `-` (exclude) or `+` (require) written right before a term, phrase, field or group. */
  | { type: 'minus' | 'plus'; position: number }
  | { type: 'field'; name: string; position: number; end: number }
  | { type: 'word'; value: string; position: number }
  | { type: 'phrase'; value: string; position: number };

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 4000;
/** Largest NEAR/n distance. */
export const MAX_NEAR_DISTANCE = 100;

const SPECIAL = new Set(['(', ')', '"', '\u201c', '\u201d']);
const QUOTES = new Set(['"', '\u201c', '\u201d']);

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
    const following = text[i + 1];
    if ((ch === '-' || ch === '+') && following !== undefined && !isSpace(following) && following !== ch && (i === 0 || isSpace(text[i - 1] as string) || text[i - 1] === '(')) {
      // Google, Lucene, Talkwalker: `-word` excludes, `+word` requires. Only at the start of a
      // token: `e-commerce` stays one value.
      tokens.push({ type: ch === '-' ? 'minus' : 'plus', position: i });
      i += 1;
      continue;
    }
    if (ch === '{') throw refusedBraces(text, i);
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
      if (i >= text.length) throw new UserInputError(`unclosed quote at ${column(start)}`, 'query-syntax', start);
      i += 1;
      if (text[i] === '~') throw refusedProximity(text, value, start, i);
      tokens.push({ type: 'phrase', value, position: start });
      continue;
    }
    const start = i;
    let word = '';
    while (i < text.length && !isSpace(text[i] as string) && !SPECIAL.has(text[i] as string) && !(QUOTES.has(text[i] as string))) {
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
      if (/^(site|domain)$/i.test(word) && i < text.length && !SPECIAL.has(text[i] as string) && !isSpace(text[i] as string)) {
        // A domain may be pasted as a URL (`site:https://www.lemonde.fr/x`): its colons are not fields.
        const from = i;
        while (i < text.length && !isSpace(text[i] as string) && !SPECIAL.has(text[i] as string)) i += 1;
        tokens.push({ type: 'word', value: text.slice(from, i), position: from });
      }
      continue;
    }
    tokens.push(operatorOrWord(word, start));
  }
  return tokens;
}

/** `"a b"~3`: Lucene, Talkwalker and Brandwatch proximity. Refused with its NEAR equivalent. */
function refusedProximity(text: string, phrase: string, start: number, tilde: number): UserInputError {
  const digits = /^~(\d*)/.exec(text.slice(tilde))?.[1] ?? '';
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  const n = digits === '' ? 10 : Number(digits);
  const equivalent =
    words.length === 2
      ? `${words[0]} NEAR/${n} ${words[1]}`
      : words.length > 2
        ? words.slice(1).map((w, k) => `(${words[k]} NEAR/${n} ${w})`).join(' AND ')
        : phrase;
  return new UserInputError(
    `proximity "${phrase}"~${digits} at ${column(start)} is written with NEAR here: ${equivalent} (NEAR/n: at most n words between, either order)`,
    'query-syntax',
    start,
  );
}

/** `{Acme}`: Brandwatch's case-sensitive match. Case always folds here, so it is refused. */
function refusedBraces(text: string, at: number): UserInputError {
  const inner = /^\{([^}]*)\}/.exec(text.slice(at))?.[1];
  return new UserInputError(
    `case-sensitive match {${inner ?? '…'}} at ${column(at)} is not supported: case always folds; write ${inner ? `"${inner}"` : 'the word'} without braces`,
    'query-syntax',
    at,
  );
}

function operatorOrWord(word: string, position: number): Token {
  if (word === 'AND' || word === '&&') return { type: 'and', position };
  if (word === 'OR' || word === '||') return { type: 'or', position };
  if (word === 'NOT') return { type: 'not', position };
  const near = /^NEAR(?:\/(\d+))?$/.exec(word);
  if (near) {
    const distance = near[1] === undefined ? 10 : Number(near[1]);
    if (distance > MAX_NEAR_DISTANCE) {
      throw new UserInputError(`NEAR/${distance} at ${column(position)}: the distance is at most ${MAX_NEAR_DISTANCE}`, 'query-syntax', position);
    }
    return { type: 'near', distance, position };
  }
  if (/^NEAR\/\d+f$/i.test(word) || /^ONEAR(\/\d+)?$/i.test(word)) {
    throw new UserInputError(`${word} at ${column(position)}: ordered NEAR is not supported; NEAR/n matches either order (write ${word.replace(/^O/i, '').replace(/f$/i, '').toUpperCase()})`, 'query-syntax', position);
  }
  if (/^NEAR\//.test(word)) {
    throw new UserInputError(`NEAR at ${column(position)} needs a number of words, as in NEAR/5`, 'query-syntax', position);
  }
  if (/^near\/\d+$/i.test(word)) {
    throw new UserInputError(`'${word}' at ${column(position)}: operators are upper case, write ${word.toUpperCase()}`, 'query-syntax', position);
  }
  if (/^AROUND\(\d+\)$/.test(word) || word === 'AROUND') {
    throw new UserInputError(`AROUND at ${column(position)}: write NEAR/n`, 'query-syntax', position);
  }
  const tilde = word.indexOf('~');
  if (tilde !== -1) {
    throw new UserInputError(`fuzzy match '${word}' at ${column(position + tilde)} is not supported: write the word, or its variants with OR or a trailing *`, 'query-syntax', position + tilde);
  }
  const question = word.indexOf('?');
  if (question !== -1 && question !== word.length - 1) {
    throw new UserInputError(`single-letter wildcard '?' at ${column(position + question)} is not supported: use a trailing * or list the variants with OR`, 'query-syntax', position + question);
  }
  if (/^<<<|>>>$/.test(word)) {
    throw new UserInputError(`comment at ${column(position)}: <<<…>>> comments are not supported; remove them`, 'query-syntax', position);
  }
  return { type: 'word', value: word, position };
}
