import { UserInputError } from '../../core/errors.js';
import { CHANNELS, SENTIMENT_LABELS } from '../../core/mention.js';
import { foldText, hasWordCharacter } from '../../core/text/fold.js';
import { QUERY_FIELDS, type QueryField, type QueryNode } from './ast.js';
import { column, tokenize, type Token } from './tokenize.js';

/** Most terms and phrases one query may hold. */
export const MAX_QUERY_TERMS = 64;
/** Most trailing wildcards one query may hold. */
export const MAX_QUERY_WILDCARDS = 8;
/** Characters a wildcard needs before its `*`. */
export const MIN_WILDCARD_STEM = 3;
const MAX_DEPTH = 32;

/**
 * Parses a query of the hubwatch query language (docs/query-language.md) into a syntax tree.
 * Returns null for an empty query (which matches everything). Values are folded (case, accents).
 * Throws `UserInputError` naming what is wrong and where (`unexpected ')' at 17`, columns from 1),
 * and refuses queries too expensive to run (too many terms or wildcards).
 */
export function parseQuery(text: string): QueryNode | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  const parser = new Parser(tokens, text.length);
  const node = parser.parseQuery();
  checkBudget(node);
  return node;
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  parseQuery(): QueryNode {
    const node = this.parseOr(undefined);
    const next = this.peek();
    if (next) throw unexpected(next);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private take(): Token | undefined {
    const token = this.tokens[this.index];
    this.index += 1;
    return token;
  }

  private parseOr(field: QueryField | undefined): QueryNode {
    const children = [this.parseAnd(field)];
    while (this.peek()?.type === 'or') {
      this.take();
      children.push(this.parseAnd(field));
    }
    return children.length === 1 ? (children[0] as QueryNode) : { kind: 'or', children: flatten('or', children) };
  }

  private parseAnd(field: QueryField | undefined): QueryNode {
    const children = [this.parseNot(field)];
    for (;;) {
      const next = this.peek();
      if (!next) break;
      if (next.type === 'and') {
        this.take();
        children.push(this.parseNot(field));
      } else if (next.type === 'word' || next.type === 'phrase' || next.type === 'field' || next.type === 'lparen' || next.type === 'not') {
        children.push(this.parseNot(field)); // implicit AND
      } else {
        break;
      }
    }
    return children.length === 1 ? (children[0] as QueryNode) : { kind: 'and', children: flatten('and', children) };
  }

  private parseNot(field: QueryField | undefined): QueryNode {
    if (this.peek()?.type === 'not') {
      this.take();
      return { kind: 'not', child: this.parseNot(field) };
    }
    return this.parseNear(field);
  }

  private parseNear(field: QueryField | undefined): QueryNode {
    const left = this.parsePrimary(field);
    const next = this.peek();
    if (next?.type !== 'near') return left;
    this.take();
    const right = this.parsePrimary(field);
    for (const [side, at] of [[left, next.position], [right, next.position]] as const) {
      if ((side.kind !== 'term' && side.kind !== 'phrase') || side.field !== undefined) {
        throw new UserInputError(`NEAR/${next.distance} at ${column(at)} joins two plain terms or "phrases"`, 'query-syntax');
      }
    }
    const after = this.peek();
    if (after?.type === 'near') {
      throw new UserInputError(`NEAR at ${column(after.position)}: chain NEAR with AND, as in (a NEAR/3 b) AND (b NEAR/3 c)`, 'query-syntax');
    }
    return { kind: 'near', distance: next.distance, left, right };
  }

  private parsePrimary(field: QueryField | undefined): QueryNode {
    const token = this.take();
    if (!token) throw new UserInputError(`query ends too early at ${column(this.length)}: a term is missing`, 'query-syntax');
    switch (token.type) {
      case 'lparen': {
        if (this.peek()?.type === 'rparen') throw new UserInputError(`empty parentheses at ${column(token.position)}`, 'query-syntax');
        this.depth += 1;
        if (this.depth > MAX_DEPTH) throw new UserInputError(`too deeply nested at ${column(token.position)}`, 'query-too-expensive');
        const inner = this.parseOr(field);
        const close = this.take();
        if (close?.type !== 'rparen') {
          if (close) throw unexpected(close);
          throw new UserInputError(`missing ')' for the '(' at ${column(token.position)}`, 'query-syntax');
        }
        this.depth -= 1;
        return inner;
      }
      case 'field': {
        const name = token.name.toLowerCase();
        if (!(QUERY_FIELDS as readonly string[]).includes(name)) {
          throw new UserInputError(`unknown field '${token.name}:' at ${column(token.position)} (fields: ${QUERY_FIELDS.join(', ')})`, 'query-syntax');
        }
        if (field !== undefined) {
          throw new UserInputError(`field '${name}:' at ${column(token.position)} inside '${field}:(...)'`, 'query-syntax');
        }
        const next = this.peek();
        if (!next || next.position !== token.end || (next.type !== 'word' && next.type !== 'phrase' && next.type !== 'lparen')) {
          throw new UserInputError(`field '${name}:' at ${column(token.position)} needs a value right after the colon`, 'query-syntax');
        }
        return this.parsePrimary(name as QueryField);
      }
      case 'word':
        return wordNode(token.value, token.position, field);
      case 'phrase':
        return phraseNode(token.value, token.position, field);
      case 'rparen':
      case 'and':
      case 'or':
      case 'not':
      case 'near':
        throw unexpected(token);
    }
  }
}

function flatten(kind: 'and' | 'or', children: QueryNode[]): QueryNode[] {
  return children.flatMap((child) => (child.kind === kind ? child.children : [child]));
}

function describe(token: Token): string {
  switch (token.type) {
    case 'lparen':
      return "'('";
    case 'rparen':
      return "')'";
    case 'and':
      return 'AND';
    case 'or':
      return 'OR';
    case 'not':
      return 'NOT';
    case 'near':
      return `NEAR/${token.distance}`;
    case 'field':
      return `'${token.name}:'`;
    case 'word':
      return `'${token.value}'`;
    case 'phrase':
      return `"${token.value}"`;
  }
}

function unexpected(token: Token): UserInputError {
  return new UserInputError(`unexpected ${describe(token)} at ${column(token.position)}`, 'query-syntax');
}

function withField<T extends object>(node: T, field: QueryField | undefined): T & { field?: QueryField } {
  return field === undefined ? node : { ...node, field };
}

function wordNode(raw: string, position: number, field: QueryField | undefined): QueryNode {
  const star = raw.indexOf('*');
  const prefix = star !== -1;
  if (prefix && star !== raw.length - 1) {
    throw new UserInputError(`wildcard at ${column(position + star)}: '*' goes only at the end of a term, as in 'acqui*'`, 'query-syntax');
  }
  const stem = prefix ? raw.slice(0, -1) : raw;
  const value = checkValue(foldText(stem), position, field, `'${raw}'`);
  if (prefix && [...value.replace(/[^\p{L}\p{N}]/gu, '')].length < MIN_WILDCARD_STEM) {
    throw new UserInputError(`wildcard '${raw}' at ${column(position)}: write at least ${MIN_WILDCARD_STEM} letters before '*'`, 'query-syntax');
  }
  const node = withField({ kind: 'term' as const, value, position }, field);
  return prefix ? { ...node, prefix: true } : node;
}

function phraseNode(raw: string, position: number, field: QueryField | undefined): QueryNode {
  const value = checkValue(foldText(raw.trim().replace(/\s+/g, ' ')), position, field, `"${raw}"`);
  return withField({ kind: 'phrase' as const, value, position }, field);
}

function checkValue(value: string, position: number, field: QueryField | undefined, shown: string): string {
  if (!hasWordCharacter(value)) {
    throw new UserInputError(`nothing to search for in ${shown} at ${column(position)}: use letters or digits`, 'query-syntax');
  }
  if (field === 'sentiment' && !(SENTIMENT_LABELS as readonly string[]).includes(value)) {
    throw new UserInputError(`sentiment:${value} at ${column(position)}: use one of ${SENTIMENT_LABELS.join(', ')}`, 'query-syntax');
  }
  if (field === 'channel' && !(CHANNELS as readonly string[]).includes(value)) {
    throw new UserInputError(`channel:${value} at ${column(position)}: use one of ${CHANNELS.join(', ')}`, 'query-syntax');
  }
  return value;
}

function checkBudget(root: QueryNode): void {
  let terms = 0;
  let wildcards = 0;
  const visit = (node: QueryNode): void => {
    switch (node.kind) {
      case 'term':
        terms += 1;
        if (node.prefix) wildcards += 1;
        return;
      case 'phrase':
        terms += 1;
        return;
      case 'and':
      case 'or':
        node.children.forEach(visit);
        return;
      case 'not':
        visit(node.child);
        return;
      case 'near':
        visit(node.left);
        visit(node.right);
        return;
    }
  };
  visit(root);
  if (terms > MAX_QUERY_TERMS) {
    throw new UserInputError(`query too expensive: ${terms} terms (at most ${MAX_QUERY_TERMS}); split it or use fields`, 'query-too-expensive');
  }
  if (wildcards > MAX_QUERY_WILDCARDS) {
    throw new UserInputError(`query too expensive: ${wildcards} wildcards (at most ${MAX_QUERY_WILDCARDS})`, 'query-too-expensive');
  }
}
