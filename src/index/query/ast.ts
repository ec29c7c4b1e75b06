/**
 * The syntax tree of a search query. One parser (src/index/query/parse.ts) produces it; each index
 * adapter compiles it. User text never reaches an engine's own query syntax.
 */

/**
 * Fields a query may name (`brand:acme`). `text` is the default: title and body. `site:` (also
 * written `domain:`) is the publication's domain, subdomains included; `hashtag:` and `handle:`
 * are what `#tag` and `@handle` stand for.
 */
export const QUERY_FIELDS = [
  'brand', 'person', 'topic', 'sentiment', 'channel', 'source', 'author', 'lang', 'title', 'site', 'hashtag', 'handle',
] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

/** Other names accepted for a field. */
export const FIELD_ALIASES: Readonly<Record<string, QueryField>> = { domain: 'site' };

/**
 * A node of the tree. Values are folded (lower case, no accents). `position` is the 0-based offset of
 * the term in the query text (error messages show it as a 1-based column).
 */
export type QueryNode =
  | { kind: 'term'; value: string; field?: QueryField; prefix?: boolean; position: number }
  | { kind: 'phrase'; value: string; field?: QueryField; position: number }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode }
  /**
   * Within `distance` words of each other, either order. Each side is a term, a phrase, or an OR of
   * those (`(a OR b) NEAR/5 (c OR d)`), all on the text.
   */
  | { kind: 'near'; distance: number; left: QueryNode; right: QueryNode };

/** The terms and phrases of one side of a NEAR (one for a term or phrase, several for an OR). */
export function nearAlternatives(side: QueryNode): Extract<QueryNode, { kind: 'term' | 'phrase' }>[] {
  if (side.kind === 'term' || side.kind === 'phrase') return [side];
  if (side.kind === 'or') return side.children.flatMap(nearAlternatives);
  throw new Error(`a NEAR side is a term, a phrase or an OR of those (got ${side.kind})`);
}
