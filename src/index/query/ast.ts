/**
 * The syntax tree of a search query. One parser (src/index/query/parse.ts) produces it; each index
 * adapter compiles it. User text never reaches an engine's own query syntax.
 */

/** Fields a query may name (`brand:acme`). `text` is the default: title and body. */
export const QUERY_FIELDS = [
  'brand', 'person', 'topic', 'sentiment', 'channel', 'source', 'author', 'lang', 'title',
] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

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
  | { kind: 'near'; distance: number; left: QueryNode; right: QueryNode };
