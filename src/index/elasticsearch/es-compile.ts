import type { estypes } from '@elastic/elasticsearch';
import { nearAlternatives, type QueryNode } from '../query/ast.js';

/** An Elasticsearch query, checked by the compiler against the client's specification types. */
export type EsQuery = estypes.QueryDslQueryContainer;
type SpanQuery = estypes.QueryDslSpanQuery;

/** The full-text fields and their relevance weight (a title match counts four times). */
const TEXT_FIELDS: readonly { field: 'title' | 'text'; boost?: number }[] = [{ field: 'title', boost: 4 }, { field: 'text' }];

/** Splits a folded value the way the `hubwatch_folded` analyser does. */
export function tokens(value: string): string[] {
  return value.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function fieldsFor(node: { field?: string }): readonly { field: 'title' | 'text'; boost?: number }[] {
  return node.field === 'title' ? [{ field: 'title' }] : TEXT_FIELDS;
}

function anyOf(clauses: EsQuery[]): EsQuery {
  return clauses.length === 1 ? (clauses[0] as EsQuery) : { bool: { should: clauses, minimum_should_match: 1 } };
}

function textLeaf(node: Extract<QueryNode, { kind: 'term' | 'phrase' }>): EsQuery {
  const fields = fieldsFor(node);
  if (node.kind === 'term' && node.prefix) {
    const parts = tokens(node.value);
    if (parts.length <= 1) {
      return anyOf(fields.map(({ field, boost }) => ({ prefix: { [field]: { value: parts[0] ?? node.value, ...(boost ? { boost } : {}) } } })));
    }
    // `l'ore*`: the words in order, the last one a prefix (a span query: no expansion limit to guess).
    return anyOf(fields.map(({ field }) => ({ span_near: spanOf(node, field) })));
  }
  return anyOf(fields.map(({ field, boost }) => ({ match_phrase: { [field]: { query: node.value, ...(boost ? { boost } : {}) } } })));
}

function keyLeaf(fields: string[], node: { value: string; prefix?: boolean }): EsQuery {
  return anyOf(fields.map((field) => (node.prefix ? { prefix: { [field]: { value: node.value } } } : { term: { [field]: { value: node.value } } })));
}

/** The span form of a term or phrase: its words in order, next to each other. */
function spanOf(node: QueryNode, field: string): estypes.QueryDslSpanNearQuery {
  if (node.kind !== 'term' && node.kind !== 'phrase') throw new Error('NEAR joins terms or phrases');
  const parts = tokens(node.value);
  const clauses: SpanQuery[] = parts.map((part, i) =>
    node.kind === 'term' && node.prefix && i === parts.length - 1
      ? { span_multi: { match: { prefix: { [field]: { value: part } } } } }
      : { span_term: { [field]: { value: part } } },
  );
  return { clauses, slop: 0, in_order: true };
}

function spanClause(node: QueryNode, field: string): SpanQuery {
  const near = spanOf(node, field);
  return near.clauses.length === 1 ? (near.clauses[0] as SpanQuery) : { span_near: near };
}

/** One side of a NEAR: a span, or `span_or` of spans for a group (`(a OR b) NEAR/5 c`). */
function spanSide(side: QueryNode, field: string): SpanQuery {
  const alternatives = nearAlternatives(side);
  if (alternatives.length === 1) return spanClause(alternatives[0] as QueryNode, field);
  return { span_or: { clauses: alternatives.map((a) => spanClause(a, field)) } };
}

/**
 * Compiles the syntax tree to bool / match_phrase / span / term queries. Values go into structured query
 * fields only; user text never reaches `query_string`.
 */
export function compileEsQuery(node: QueryNode): EsQuery {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      switch (node.field) {
        case undefined:
        case 'title':
          return textLeaf(node);
        case 'brand':
        case 'person':
        case 'topic':
          return keyLeaf([`${node.field}_ids`, `${node.field}_names`], { value: node.value, prefix: node.kind === 'term' && node.prefix === true });
        case 'sentiment':
          return keyLeaf(['sentiment_label'], node);
        case 'channel':
          return keyLeaf(['channel'], node);
        case 'lang':
          return keyLeaf(['language'], node);
        case 'author':
          return keyLeaf(['author_key'], node);
        case 'source':
          // Any source that delivered the mention (source_ids, schema 3), not only the primary; the
          // primary's own fields too, for documents an index not yet migrated still holds.
          return keyLeaf(['source_id', 'source_key', 'source_ids', 'source_keys'], node);
        case 'site':
          return keyLeaf(['domains'], node);
        case 'hashtag':
          return keyLeaf(['tags'], { ...node, value: `#${node.value}` });
        case 'handle': {
          // A mention of the handle, or a post by it.
          const handle = { ...node, value: `@${node.value}` };
          return anyOf([keyLeaf(['tags'], handle), keyLeaf(['author_key'], handle)]);
        }
      }
      break;
    case 'near':
      return {
        bool: {
          should: ['title', 'text'].map((field) => ({
            span_near: { clauses: [spanSide(node.left, field), spanSide(node.right, field)], slop: node.distance, in_order: false },
          })),
          minimum_should_match: 1,
        },
      };
    case 'and': {
      const must = node.children.filter((c) => c.kind !== 'not').map(compileEsQuery);
      const mustNot = node.children.flatMap((c) => (c.kind === 'not' ? [compileEsQuery(c.child)] : []));
      return { bool: { ...(must.length > 0 ? { must } : {}), ...(mustNot.length > 0 ? { must_not: mustNot } : {}) } };
    }
    case 'or':
      return { bool: { should: node.children.map(compileEsQuery), minimum_should_match: 1 } };
    case 'not':
      return { bool: { must_not: [compileEsQuery(node.child)] } };
  }
}

/** Positive text values of the tree (for relevance boosts on the stemmed French/English fields). */
export function positiveText(node: QueryNode | null, out: string[] = []): string[] {
  if (node === null) return out;
  switch (node.kind) {
    case 'term':
    case 'phrase':
      if ((node.field === undefined || node.field === 'title') && !(node.kind === 'term' && node.prefix)) out.push(node.value);
      return out;
    case 'near':
      positiveText(node.left, out);
      positiveText(node.right, out);
      return out;
    case 'and':
    case 'or':
      node.children.forEach((child) => positiveText(child, out));
      return out;
    case 'not':
      return out;
  }
}

/** The whole query of a search or aggregation: the tree plus the published window, as filters. */
export function scopeQuery(node: QueryNode | null, from?: Date, to?: Date, extra: EsQuery[] = []): EsQuery {
  const filter: EsQuery[] = [...extra];
  if (from || to) {
    filter.push({ range: { published_at: { ...(from ? { gte: from.toISOString() } : {}), ...(to ? { lt: to.toISOString() } : {}) } } });
  }
  const must = node === null ? [] : [compileEsQuery(node)];
  if (must.length === 0 && filter.length === 0) return { match_all: {} };
  return { bool: { ...(must.length > 0 ? { must } : {}), ...(filter.length > 0 ? { filter } : {}) } };
}
