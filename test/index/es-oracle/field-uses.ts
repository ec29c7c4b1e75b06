import type { estypes } from '@elastic/elasticsearch';
import type { FieldUse } from './mapping.js';

/** One field a request names, and what it does with it. */
export interface FieldUseOf {
  field: string;
  use: FieldUse;
}

function keys(object: object | undefined): string[] {
  return object ? Object.keys(object) : [];
}

/** The fields a query names, with their uses (sub-queries included). */
export function queryFieldUses(query: estypes.QueryDslQueryContainer | undefined, out: FieldUseOf[] = []): FieldUseOf[] {
  if (!query) return out;
  const list = (q: estypes.QueryDslQueryContainer | estypes.QueryDslQueryContainer[] | undefined): estypes.QueryDslQueryContainer[] =>
    q === undefined ? [] : Array.isArray(q) ? q : [q];
  if (query.bool) {
    for (const clause of [query.bool.must, query.bool.filter, query.bool.should, query.bool.must_not]) list(clause).forEach((q) => queryFieldUses(q, out));
  }
  for (const field of keys(query.match)) out.push({ field, use: 'match' });
  for (const field of keys(query.match_phrase)) out.push({ field, use: 'match_phrase' });
  for (const field of keys(query.term)) out.push({ field, use: 'term' });
  for (const field of keys(query.terms)) out.push({ field, use: 'terms' });
  for (const field of keys(query.prefix)) out.push({ field, use: 'prefix' });
  for (const field of keys(query.range)) out.push({ field, use: 'range' });
  if (query.exists) out.push({ field: query.exists.field, use: 'exists' });
  spanFieldUses(query, out);
  return out;
}

function spanFieldUses(span: estypes.QueryDslSpanQuery | estypes.QueryDslQueryContainer, out: FieldUseOf[]): void {
  for (const field of keys(span.span_term)) out.push({ field, use: 'span' });
  for (const field of keys(span.span_multi?.match.prefix)) out.push({ field, use: 'span' });
  for (const clause of [...(span.span_near?.clauses ?? []), ...(span.span_or?.clauses ?? [])]) spanFieldUses(clause, out);
}

/** The fields aggregations name (sub-aggregations, top_hits sorts included). */
export function aggregationFieldUses(aggs: Record<string, estypes.AggregationsAggregationContainer> | undefined, out: FieldUseOf[] = []): FieldUseOf[] {
  for (const agg of Object.values(aggs ?? {})) {
    for (const kind of [agg.terms, agg.date_histogram, agg.min, agg.max, agg.sum] as ({ field?: string } | undefined)[]) {
      if (kind?.field) out.push({ field: kind.field, use: 'aggregate' });
    }
    sortFieldUses(agg.top_hits?.sort as estypes.Sort | undefined, out);
    aggregationFieldUses(agg.aggs ?? agg.aggregations, out);
  }
  return out;
}

/** The fields a sort names (`_score` is not a field). */
export function sortFieldUses(sort: estypes.Sort | undefined, out: FieldUseOf[] = []): FieldUseOf[] {
  for (const item of sort === undefined ? [] : Array.isArray(sort) ? sort : [sort]) {
    const field = typeof item === 'string' ? item : Object.keys(item)[0];
    if (field && field !== '_score' && field !== '_doc') out.push({ field, use: 'sort' });
  }
  return out;
}

/** Every field a search request names: query, sort, aggregations, highlight. */
export function searchFieldUses(request: estypes.SearchRequest): FieldUseOf[] {
  const out = queryFieldUses(request.query);
  sortFieldUses(request.sort, out);
  aggregationFieldUses(request.aggs ?? request.aggregations, out);
  for (const field of keys(request.highlight?.fields)) out.push({ field, use: 'highlight' });
  return out;
}
