import type { QueryNode } from '../query/ast.js';

/** An Elasticsearch query DSL object. */
export type EsQuery = Record<string, unknown>;

const TEXT_FIELDS = ['title^4', 'text'];
/** Highest number of words a multi-word wildcard (`l'ore*`) may expand to. */
export const MAX_PHRASE_PREFIX_EXPANSIONS = 2000;

/** Splits a folded value the way the `hubwatch_folded` analyser does. */
export function tokens(value: string): string[] {
  return value.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function fieldsFor(node: { field?: string }): string[] {
  return node.field === 'title' ? ['title'] : TEXT_FIELDS;
}

function textLeaf(node: Extract<QueryNode, { kind: 'term' | 'phrase' }>): EsQuery {
  const fields = fieldsFor(node);
  if (node.kind === 'term' && node.prefix) {
    const parts = tokens(node.value);
    if (parts.length <= 1) {
      return { bool: { should: fields.map((f) => ({ prefix: { [f.replace(/\^.*/, '')]: { value: parts[0] ?? node.value } } })), minimum_should_match: 1 } };
    }
    return { multi_match: { query: node.value, fields, type: 'phrase_prefix', max_expansions: MAX_PHRASE_PREFIX_EXPANSIONS } };
  }
  return { multi_match: { query: node.value, fields, type: 'phrase' } };
}

function keyLeaf(fields: string[], node: { value: string; prefix?: boolean }): EsQuery {
  const clauses = fields.map((field) => (node.prefix ? { prefix: { [field]: { value: node.value } } } : { term: { [field]: { value: node.value } } }));
  return clauses.length === 1 ? (clauses[0] as EsQuery) : { bool: { should: clauses, minimum_should_match: 1 } };
}

function spanOf(node: QueryNode, field: string): EsQuery {
  if (node.kind !== 'term' && node.kind !== 'phrase') throw new Error('NEAR joins terms or phrases');
  const parts = tokens(node.value);
  const clauses = parts.map((part, i) =>
    node.kind === 'term' && node.prefix && i === parts.length - 1
      ? { span_multi: { match: { prefix: { [field]: { value: part } } } } }
      : { span_term: { [field]: part } },
  );
  if (clauses.length === 1) return clauses[0] as EsQuery;
  return { span_near: { clauses, slop: 0, in_order: true } };
}

/**
 * Compiles the syntax tree to bool / multi_match / span queries. Values go into structured query
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
          return keyLeaf(['source_id', 'source_key'], node);
      }
      break;
    case 'near':
      return {
        bool: {
          should: ['title', 'text'].map((field) => ({
            span_near: { clauses: [spanOf(node.left, field), spanOf(node.right, field)], slop: node.distance, in_order: false },
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
