import type { estypes } from '@elastic/elasticsearch';
import { OracleError, type AnalysedDoc, type OracleIndex } from './documents.js';
import { compareBySort, hitSource, sortValues } from './sort.js';

type Aggs = Record<string, estypes.AggregationsAggregationContainer>;
interface Bucket {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
  [sub: string]: unknown;
}

const DAY_MS = 86_400_000;

/** The calendar date of an instant in a time zone, as days since the epoch. */
function localDay(instant: number, timeZone: string): number {
  const text = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
  return Date.parse(`${text}T00:00:00Z`) / DAY_MS;
}

function truncate(day: number, interval: string): number {
  if (interval === 'day') return day;
  if (interval === 'week') return day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7);
  if (interval === 'month') {
    const d = new Date(day * DAY_MS);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
  }
  throw new OracleError('oracle_unsupported_aggregation', `calendar_interval ${interval}`);
}

function next(day: number, interval: string): number {
  if (interval === 'day') return day + 1;
  if (interval === 'week') return day + 7;
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS;
}

const iso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

function dateHistogram(index: OracleIndex, spec: estypes.AggregationsDateHistogramAggregation, docs: AnalysedDoc[], sub: Aggs | undefined): Bucket[] {
  const interval = String(spec.calendar_interval);
  const timeZone = spec.time_zone ?? 'UTC';
  if (spec.format !== undefined && spec.format !== 'yyyy-MM-dd') throw new OracleError('oracle_unsupported_aggregation', `format ${spec.format}`);
  const groups = new Map<number, AnalysedDoc[]>();
  for (const doc of docs) {
    for (const value of doc.raw(String(spec.field))) {
      const key = truncate(localDay(Date.parse(String(value)), timeZone), interval);
      groups.set(key, [...(groups.get(key) ?? []), doc]);
    }
  }
  const keys = [...groups.keys()];
  const bounds = spec.extended_bounds as { min?: string; max?: string } | undefined;
  if (bounds?.min) keys.push(truncate(Date.parse(`${bounds.min}T00:00:00Z`) / DAY_MS, interval));
  if (bounds?.max) keys.push(truncate(Date.parse(`${bounds.max}T00:00:00Z`) / DAY_MS, interval));
  if (keys.length === 0) return [];
  const buckets: Bucket[] = [];
  const last = Math.max(...keys);
  for (let day = Math.min(...keys); day <= last; day = next(day, interval)) {
    const inside = groups.get(day) ?? [];
    if (inside.length < (spec.min_doc_count ?? 1) && !(spec.min_doc_count === 0)) continue;
    // The key is the bucket's UTC midnight, not its local midnight: the adapter reads key_as_string.
    buckets.push({ key: day * DAY_MS, key_as_string: iso(day), doc_count: inside.length, ...aggregate(index, sub, inside) });
  }
  return buckets;
}

function terms(index: OracleIndex, spec: estypes.AggregationsTermsAggregation, docs: AnalysedDoc[], sub: Aggs | undefined): Bucket[] {
  const field = String(spec.field);
  const include = Array.isArray(spec.include) ? new Set(spec.include) : null;
  const groups = new Map<string, AnalysedDoc[]>();
  for (const doc of docs) {
    for (const value of new Set(doc.values(field))) {
      if (include && !include.has(value)) continue;
      groups.set(value, [...(groups.get(value) ?? []), doc]);
    }
  }
  const buckets: Bucket[] = [...groups.entries()].map(([key, inside]) => ({ key, doc_count: inside.length, ...aggregate(index, sub, inside) }));
  const order = [spec.order ?? [{ _count: 'desc' }, { _key: 'asc' }]].flat() as Record<string, 'asc' | 'desc'>[];
  const valueOf = (bucket: Bucket, key: string): number | string =>
    key === '_count' ? bucket.doc_count : key === '_key' ? String(bucket.key) : ((bucket[key] as { value: number | null }).value ?? Infinity);
  buckets.sort((a, b) => {
    for (const item of order) {
      const [key, direction] = Object.entries(item)[0] as [string, 'asc' | 'desc'];
      const x = valueOf(a, key);
      const y = valueOf(b, key);
      if (x !== y) return (x < y ? -1 : 1) * (direction === 'asc' ? 1 : -1);
    }
    return String(a.key) < String(b.key) ? -1 : 1;
  });
  return buckets.slice(0, spec.size ?? 10);
}

/** Runs the aggregations the adapter asks for (date_histogram, terms, min, sum, top_hits) over the matching documents. */
export function aggregate(index: OracleIndex, aggs: Aggs | undefined, docs: AnalysedDoc[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, agg] of Object.entries(aggs ?? {})) {
    const sub = agg.aggs ?? agg.aggregations;
    if (agg.date_histogram) out[name] = { buckets: dateHistogram(index, agg.date_histogram, docs, sub) };
    else if (agg.terms) out[name] = { buckets: terms(index, agg.terms, docs, sub) };
    else if (agg.min) {
      const values = docs.flatMap((doc) => doc.raw(String(agg.min?.field)).map((v) => Date.parse(String(v))));
      out[name] = values.length === 0 ? { value: null } : { value: Math.min(...values) };
    } else if (agg.sum) {
      // A number field summed over the bucket's documents (missing values count as nothing).
      const field = String(agg.sum.field);
      if (!['integer', 'long', 'float', 'double'].includes(index.field(field).type)) throw new OracleError('oracle_unsupported_aggregation', `sum on [${field}] needs a number field`);
      out[name] = { value: docs.flatMap((doc) => doc.raw(field).map(Number)).reduce((a, b) => a + b, 0) };
    } else if (agg.top_hits) {
      const sort = agg.top_hits.sort as estypes.Sort;
      const hits = docs
        .map((doc) => ({ doc, sort: sortValues(doc, sort, 0) }))
        .sort((a, b) => compareBySort(a.sort, b.sort, sort))
        .slice(0, agg.top_hits.size ?? 3)
        .map(({ doc, sort: values }) => ({ _id: doc.id, _source: hitSource(doc, agg.top_hits?._source), sort: values }));
      out[name] = { hits: { total: { value: docs.length, relation: 'eq' }, hits } };
    } else throw new OracleError('oracle_unsupported_aggregation', `aggregation [${Object.keys(agg)[0]}] is outside the subset`);
  }
  return out;
}
