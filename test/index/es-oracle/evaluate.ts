import type { estypes } from '@elastic/elasticsearch';
import { OracleError, type AnalysedDoc, type OracleIndex } from './documents.js';

type Query = estypes.QueryDslQueryContainer;
type Span = estypes.QueryDslSpanQuery;
/** A match of a span query: token positions [start, end). */
type Interval = [number, number];

/** The one key of a single-key object (`{ title: {...} }`), as the DSL writes field-scoped queries. */
function only<T>(object: Partial<Record<string, T>>, what: string): [string, T] {
  const entries = Object.entries(object);
  if (entries.length !== 1) throw new OracleError('parsing_exception', `[${what}] query takes exactly one field`);
  return entries[0] as [string, T];
}

function valueOf<T extends object>(spec: T | string | number | boolean, key: keyof T): string {
  return typeof spec === 'object' ? String(spec[key]) : String(spec);
}

/**
 * Evaluates a query on one document: its score, or null when it does not match. Scores are a
 * simplified BM25 (term frequency saturation and inverse document frequency, no length norm): they
 * order documents plausibly, never as a cluster would to the decimal.
 */
export class Evaluator {
  private readonly idfCache = new Map<string, number>();

  constructor(private readonly index: OracleIndex) {}

  private idf(field: string, term: string): number {
    const key = `${field}\u0000${term}`;
    let found = this.idfCache.get(key);
    if (found === undefined) {
      const n = this.index.docs.size;
      const df = this.index.docFrequency(field, term);
      found = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      this.idfCache.set(key, found);
    }
    return found;
  }

  private weight(field: string, term: string, frequency: number, boost = 1): number {
    return boost * this.idf(field, term) * ((frequency * 2.2) / (frequency + 1.2));
  }

  score(query: Query, doc: AnalysedDoc): number | null {
    const kinds = Object.keys(query);
    if (kinds.length !== 1) throw new OracleError('parsing_exception', `a query holds exactly one kind (got ${kinds.join(', ') || 'none'})`);
    if (query.bool) return this.bool(query.bool, doc);
    if (query.match_all) return 1;
    if (query.match) return this.match(query.match, doc);
    if (query.match_phrase) return this.matchPhrase(query.match_phrase, doc);
    if (query.term) {
      const [field, spec] = only(query.term, 'term');
      return this.keyword(doc, field, [valueOf(spec, 'value')]);
    }
    if (query.terms) {
      const [field, values] = only(query.terms as Record<string, unknown>, 'terms');
      if (!Array.isArray(values)) throw new OracleError('parsing_exception', '[terms] takes an array of values');
      return this.keyword(doc, field, values.map(String));
    }
    if (query.prefix) {
      const [field, spec] = only(query.prefix, 'prefix');
      return this.prefix(doc, field, valueOf(spec, 'value'));
    }
    if (query.range) return this.range(query.range, doc);
    if (query.exists) return doc.raw(query.exists.field).length > 0 ? 1 : null;
    if (query.span_near || query.span_term || query.span_multi || query.span_or) {
      spanField(query as Span);
      const spans = this.spans(query as Span, doc);
      return spans.length === 0 ? null : spans.length;
    }
    throw new OracleError('oracle_unsupported_query', `query [${kinds[0]}] is outside the subset the compiler emits`);
  }

  private bool(bool: estypes.QueryDslBoolQuery, doc: AnalysedDoc): number | null {
    const list = (q: Query | Query[] | undefined): Query[] => (q === undefined ? [] : Array.isArray(q) ? q : [q]);
    let score = 0;
    for (const q of list(bool.must)) {
      const s = this.score(q, doc);
      if (s === null) return null;
      score += s;
    }
    for (const q of list(bool.filter)) if (this.score(q, doc) === null) return null;
    for (const q of list(bool.must_not)) if (this.score(q, doc) !== null) return null;
    const should = list(bool.should);
    const scoring = list(bool.must).length + list(bool.filter).length > 0;
    const minimum = bool.minimum_should_match === undefined ? (scoring || should.length === 0 ? 0 : 1) : Number(bool.minimum_should_match);
    if (!Number.isInteger(minimum)) throw new OracleError('oracle_unsupported_query', `minimum_should_match ${String(bool.minimum_should_match)}: only integers`);
    let matched = 0;
    for (const q of should) {
      const s = this.score(q, doc);
      if (s !== null) {
        matched += 1;
        score += s;
      }
    }
    if (matched < minimum) return null;
    return score * (bool.boost ?? 1);
  }

  private match(spec: Partial<Record<string, estypes.QueryDslMatchQuery | string | number | boolean>>, doc: AnalysedDoc): number | null {
    const [field, match] = only(spec, 'match');
    const text = typeof match === 'object' ? String(match.query) : String(match);
    const boost = typeof match === 'object' ? (match.boost ?? 1) : 1;
    if (typeof match === 'object' && match.operator && match.operator.toLowerCase() !== 'or') throw new OracleError('oracle_unsupported_query', 'match: only operator or');
    const terms = this.index.analysis.analyze(this.index.field(field).analyzer ?? 'standard', text).map((t) => t.term);
    const tokens = doc.tokens(field);
    let score = 0;
    let any = false;
    for (const term of new Set(terms)) {
      const frequency = tokens.filter((t) => t.term === term).length;
      if (frequency > 0) {
        any = true;
        score += this.weight(field, term, frequency, boost);
      }
    }
    return any ? score : null;
  }

  private matchPhrase(spec: Partial<Record<string, estypes.QueryDslMatchPhraseQuery | string>>, doc: AnalysedDoc): number | null {
    const [field, phrase] = only(spec, 'match_phrase');
    const text = typeof phrase === 'string' ? phrase : phrase.query;
    const boost = typeof phrase === 'string' ? 1 : (phrase.boost ?? 1);
    if (typeof phrase !== 'string' && (phrase.slop ?? 0) !== 0) throw new OracleError('oracle_unsupported_query', 'match_phrase: only slop 0');
    const terms = this.index.analysis.analyze(this.index.field(field).analyzer ?? 'standard', text);
    if (terms.length === 0) return null;
    const clauses: Span[] = terms.map((t) => ({ span_term: { [field]: { value: t.term } } }));
    const hits = this.spans({ span_near: { clauses, slop: 0, in_order: true } }, doc).length;
    if (hits === 0) return null;
    return terms.reduce((sum, t) => sum + this.weight(field, t.term, hits, boost), 0);
  }

  private keyword(doc: AnalysedDoc, field: string, values: string[]): number | null {
    const mapping = this.index.field(field);
    const wanted = new Set(values.map((v) => (mapping.type === 'date' ? String(Date.parse(v)) : this.index.analysis.normalize(mapping.normalizer, v))));
    return doc.values(field).some((v) => wanted.has(v)) ? 1 : null;
  }

  private prefix(doc: AnalysedDoc, field: string, value: string): number | null {
    const mapping = this.index.field(field);
    if (mapping.type === 'text') return doc.tokens(field).some((t) => t.term.startsWith(value)) ? 1 : null;
    const stem = this.index.analysis.normalize(mapping.normalizer, value);
    return doc.values(field).some((v) => v.startsWith(stem)) ? 1 : null;
  }

  private range(spec: Partial<Record<string, estypes.QueryDslRangeQuery>>, doc: AnalysedDoc): number | null {
    const [field, range] = only(spec, 'range');
    const r = range as { gt?: unknown; gte?: unknown; lt?: unknown; lte?: unknown };
    const mapping = this.index.field(field);
    const num = (v: unknown): number => (mapping.type === 'date' ? Date.parse(String(v)) : Number(v));
    const ok = doc.raw(field).some((raw) => {
      const v = num(raw);
      return (r.gt === undefined || v > num(r.gt)) && (r.gte === undefined || v >= num(r.gte)) && (r.lt === undefined || v < num(r.lt)) && (r.lte === undefined || v <= num(r.lte));
    });
    return ok ? 1 : null;
  }

  /** Every match of a span query in the document, as Lucene's span queries define them. */
  spans(span: Span, doc: AnalysedDoc): Interval[] {
    if (span.span_term) {
      const [field, spec] = only(span.span_term, 'span_term');
      const term = valueOf(spec, 'value');
      return doc.tokens(field).filter((t) => t.term === term).map((t) => [t.position, t.position + 1]);
    }
    if (span.span_multi) {
      const inner = span.span_multi.match;
      if (!inner.prefix) throw new OracleError('oracle_unsupported_query', 'span_multi: only prefix');
      const [field, spec] = only(inner.prefix, 'prefix');
      const stem = valueOf(spec, 'value');
      return doc.tokens(field).filter((t) => t.term.startsWith(stem)).map((t) => [t.position, t.position + 1]);
    }
    if (span.span_near) return this.near(span.span_near, doc);
    if (span.span_or) {
      const fields = new Set(span.span_or.clauses.map(spanField));
      if (fields.size !== 1) throw new OracleError('illegal_argument_exception', `Clauses must have same field (got ${[...fields].join(', ')})`);
      return span.span_or.clauses.flatMap((c) => this.spans(c, doc));
    }
    throw new OracleError('oracle_unsupported_query', `span query [${Object.keys(span)[0]}] is outside the subset`);
  }

  private near(near: estypes.QueryDslSpanNearQuery, doc: AnalysedDoc): Interval[] {
    const fields = new Set(near.clauses.map(spanField));
    if (fields.size !== 1) throw new OracleError('illegal_argument_exception', `Clauses must have same field (got ${[...fields].join(', ')})`);
    const slop = near.slop ?? 0;
    const lists = near.clauses.map((c) => this.spans(c, doc));
    const out: Interval[] = [];
    const pick = (i: number, chosen: Interval[]): void => {
      if (i === lists.length) {
        const start = Math.min(...chosen.map((c) => c[0]));
        const end = Math.max(...chosen.map((c) => c[1]));
        const width = chosen.reduce((sum, c) => sum + (c[1] - c[0]), 0);
        if (end - start - width <= slop) out.push([start, end]);
        return;
      }
      for (const interval of lists[i] as Interval[]) {
        const previous = chosen[chosen.length - 1];
        // In order: each clause starts where the previous one ended or later. Unordered: no overlap.
        if (near.in_order !== false && previous && interval[0] < previous[1]) continue;
        if (near.in_order === false && chosen.some((c) => interval[0] < c[1] && c[0] < interval[1])) continue;
        pick(i + 1, [...chosen, interval]);
      }
    };
    pick(0, []);
    const seen = new Set<string>();
    return out.filter(([s, e]) => !seen.has(`${s}:${e}`) && Boolean(seen.add(`${s}:${e}`)));
  }
}

/** The field a span query runs on. */
export function spanField(span: Span): string {
  if (span.span_term) return only(span.span_term, 'span_term')[0];
  if (span.span_multi?.match.prefix) return only(span.span_multi.match.prefix, 'prefix')[0];
  if (span.span_near) return spanField(span.span_near.clauses[0] as Span);
  if (span.span_or) return spanField(span.span_or.clauses[0] as Span);
  throw new OracleError('oracle_unsupported_query', `span query [${Object.keys(span)[0]}] is outside the subset`);
}
