import type { estypes } from '@elastic/elasticsearch';
import type { AnalysedDoc, OracleIndex } from './documents.js';

interface Wanted {
  terms: Set<string>;
  prefixes: string[];
}

/** Terms and prefixes a query looks for in one field, outside `must_not` (require_field_match). */
function wanted(index: OracleIndex, query: estypes.QueryDslQueryContainer | undefined, field: string, out: Wanted): Wanted {
  if (!query) return out;
  const list = (q: estypes.QueryDslQueryContainer | estypes.QueryDslQueryContainer[] | undefined): estypes.QueryDslQueryContainer[] =>
    q === undefined ? [] : Array.isArray(q) ? q : [q];
  if (query.bool) for (const clause of [query.bool.must, query.bool.should, query.bool.filter]) list(clause).forEach((q) => wanted(index, q, field, out));
  const analyzer = index.fields.get(field)?.analyzer ?? 'standard';
  for (const spec of [query.match_phrase?.[field], query.match?.[field]]) {
    if (spec !== undefined) for (const t of index.analysis.analyze(analyzer, typeof spec === 'object' ? String(spec.query) : String(spec))) out.terms.add(t.term);
  }
  const prefix = query.prefix?.[field];
  if (prefix !== undefined) out.prefixes.push(typeof prefix === 'string' ? prefix : prefix.value);
  const span = (s: estypes.QueryDslSpanQuery): void => {
    const term = s.span_term?.[field];
    if (term !== undefined) out.terms.add(typeof term === 'string' ? term : String(term.value));
    const p = s.span_multi?.match.prefix?.[field];
    if (p !== undefined) out.prefixes.push(typeof p === 'string' ? p : p.value);
    s.span_near?.clauses.forEach(span);
    s.span_or?.clauses.forEach(span);
  };
  span(query as estypes.QueryDslSpanQuery);
  return out;
}

/**
 * The unified highlighter, reduced to what the adapter asks: the query's terms marked with the
 * given tags, the whole field (`number_of_fragments: 0`) or one fragment of about `fragment_size`
 * characters starting near the first mark.
 */
export function highlight(index: OracleIndex, doc: AnalysedDoc, request: estypes.SearchRequest): Record<string, string[]> | undefined {
  const spec = request.highlight;
  if (!spec) return undefined;
  const pre = [spec.pre_tags ?? '<em>'].flat()[0] ?? '<em>';
  const post = [spec.post_tags ?? '</em>'].flat()[0] ?? '</em>';
  const out: Record<string, string[]> = {};
  for (const [field, options] of Object.entries(spec.fields as Record<string, estypes.SearchHighlightField>)) {
    const look = wanted(index, request.query, field, { terms: new Set(), prefixes: [] });
    const text = String(doc.raw(field)[0] ?? '');
    const marks = doc.tokens(field).filter((t) => look.terms.has(t.term) || look.prefixes.some((p) => t.term.startsWith(p)));
    if (marks.length === 0) continue;
    let from = 0;
    let to = text.length;
    if ((options.number_of_fragments ?? 5) !== 0) {
      const size = options.fragment_size ?? 100;
      const first = marks[0] as { start: number };
      from = Math.max(0, text.lastIndexOf(' ', Math.max(0, first.start - size / 4)) + 1);
      if (first.start - from > size / 2) from = first.start;
      to = Math.min(text.length, from + size);
    }
    let result = '';
    let at = from;
    for (const mark of marks) {
      if (mark.start < from || mark.end > to) continue;
      result += `${text.slice(at, mark.start)}${pre}${text.slice(mark.start, mark.end)}${post}`;
      at = mark.end;
    }
    out[field] = [result + text.slice(at, to)];
  }
  return out;
}
