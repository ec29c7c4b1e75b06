import { UserInputError } from '../../core/errors.js';
import { FIELD_ALIASES, nearAlternatives, QUERY_FIELDS, type QueryField, type QueryNode } from './ast.js';
import { foreignFieldError } from './foreign.js';
import { MIN_WILDCARD_STEM, phraseNode, wordNode } from './leaves.js';
import { column, tokenize, type Token } from './tokenize.js';

/** Most terms and phrases one query may hold. */
export const MAX_QUERY_TERMS = 64;
/** Most trailing wildcards one query may hold. */
export const MAX_QUERY_WILDCARDS = 8;
/** Most term pairs a NEAR between groups may stand for (`(a OR b) NEAR/5 (c OR d)` is 4). */
export const MAX_NEAR_PAIRS = 64;
export { MIN_WILDCARD_STEM };
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
      } else if (['word', 'phrase', 'field', 'lparen', 'not', 'minus', 'plus'].includes(next.type)) {
        children.push(this.parseNot(field)); // implicit AND
      } else {
        break;
      }
    }
    return children.length === 1 ? (children[0] as QueryNode) : { kind: 'and', children: flatten('and', children) };
  }

  private parseNot(field: QueryField | undefined): QueryNode {
    const next = this.peek();
    if (next?.type === 'not' || next?.type === 'minus') {
      this.take();
      return { kind: 'not', child: this.parseNot(field) };
    }
    if (next?.type === 'plus') {
      // `+word`: required, which every word already is (a space is AND).
      this.take();
      return this.parseNot(field);
    }
    return this.parseNear(field);
  }

  private parseNear(field: QueryField | undefined): QueryNode {
    const left = this.parsePrimary(field);
    const next = this.peek();
    if (next?.type !== 'near') return left;
    this.take();
    const right = this.parsePrimary(field);
    let pairs = 1;
    for (const side of [left, right]) {
      const alternatives = nearSide(side);
      if (!alternatives || alternatives.some((a) => a.field !== undefined)) {
        throw new UserInputError(
          `NEAR/${next.distance} at ${column(next.position)} joins terms, "phrases" or (groups OR of those), not fields, AND or NOT`,
          'query-syntax',
          next.position,
        );
      }
      pairs *= alternatives.length;
    }
    if (pairs > MAX_NEAR_PAIRS) {
      throw new UserInputError(`query too expensive: NEAR/${next.distance} at ${column(next.position)} stands for ${pairs} pairs of terms (at most ${MAX_NEAR_PAIRS})`, 'query-too-expensive', next.position);
    }
    const after = this.peek();
    if (after?.type === 'near') {
      throw new UserInputError(`NEAR at ${column(after.position)}: chain NEAR with AND, as in (a NEAR/3 b) AND (b NEAR/3 c)`, 'query-syntax', after.position);
    }
    return { kind: 'near', distance: next.distance, left, right };
  }

  private parsePrimary(field: QueryField | undefined): QueryNode {
    const token = this.take();
    if (!token) throw new UserInputError(`query ends too early at ${column(this.length)}: a term is missing`, 'query-syntax', this.length);
    switch (token.type) {
      case 'lparen': {
        if (this.peek()?.type === 'rparen') throw new UserInputError(`empty parentheses at ${column(token.position)}`, 'query-syntax', token.position);
        this.depth += 1;
        if (this.depth > MAX_DEPTH) throw new UserInputError(`too deeply nested at ${column(token.position)}`, 'query-too-expensive', token.position);
        const inner = this.parseOr(field);
        const close = this.take();
        if (close?.type !== 'rparen') {
          if (close) throw unexpected(close);
          throw new UserInputError(`missing ')' for the '(' at ${column(token.position)}`, 'query-syntax', token.position);
        }
        this.depth -= 1;
        return inner;
      }
      case 'field': {
        const written = token.name.toLowerCase();
        const name = FIELD_ALIASES[written] ?? written;
        if (!(QUERY_FIELDS as readonly string[]).includes(name)) {
          throw (
            foreignFieldError(written, token.position) ??
            new UserInputError(`unknown field '${token.name}:' at ${column(token.position)} (fields: ${QUERY_FIELDS.join(', ')}, domain)`, 'query-syntax', token.position)
          );
        }
        if (field !== undefined) {
          throw new UserInputError(`field '${name}:' at ${column(token.position)} inside '${field}:(...)'`, 'query-syntax', token.position);
        }
        const next = this.peek();
        if (!next || next.position !== token.end || (next.type !== 'word' && next.type !== 'phrase' && next.type !== 'lparen')) {
          throw new UserInputError(`field '${name}:' at ${column(token.position)} needs a value right after the colon`, 'query-syntax', token.position);
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
      case 'minus':
      case 'plus':
        throw unexpected(token);
    }
  }
}

/** The alternatives of a NEAR side, or null when the side is not a term, phrase or OR of those. */
function nearSide(side: QueryNode): Extract<QueryNode, { kind: 'term' | 'phrase' }>[] | null {
  try {
    return nearAlternatives(side);
  } catch {
    return null;
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
    case 'minus':
      return "'-'";
    case 'plus':
      return "'+'";
    case 'field':
      return `'${token.name}:'`;
    case 'word':
      return `'${token.value}'`;
    case 'phrase':
      return `"${token.value}"`;
  }
}

function unexpected(token: Token): UserInputError {
  return new UserInputError(`unexpected ${describe(token)} at ${column(token.position)}`, 'query-syntax', token.position);
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
