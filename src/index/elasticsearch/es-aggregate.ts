import type { estypes } from '@elastic/elasticsearch';
import { UserInputError } from '../../core/errors.js';
import { bucketKey, checkTimeZone, localDate } from '../calendar.js';
import type {
  AggregationScope,
  HistogramBucket,
  HistogramRequest,
  SentimentBucket,
  StoryBucket,
  TermBucket,
  TermDimension,
} from '../mention-index.js';
import type { EsHttp } from './es-client.js';
import { scopeQuery } from './es-compile.js';
import { fromEsSource, type EsDocument } from './es-document.js';
import { runSearch } from './es-search.js';

const FIELDS: Record<TermDimension, string> = {
  brand: 'brand_ids',
  person: 'person_ids',
  topic: 'topic_ids',
  // A mention counts under each source that delivered it.
  source: 'source_ids',
  author: 'author',
  channel: 'channel',
  language: 'language',
  sentiment: 'sentiment_label',
};

/** A bucket as the adapter reads it (keys of terms and date histograms; named sub-aggregations). */
interface Bucket {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
  [sub: string]: unknown;
}

type Aggregations = Record<string, estypes.AggregationsAggregationContainer>;

async function aggregate(http: EsHttp, alias: string, scope: AggregationScope, aggs: Aggregations): Promise<Record<string, { buckets: Bucket[] }>> {
  const answer = await runSearch<unknown, Record<string, { buckets: Bucket[] }>>(http, alias, {
    size: 0,
    track_total_hits: false,
    query: scopeQuery(scope.query, scope.from, scope.to),
    aggs,
  });
  return answer.aggregations ?? {};
}

function dateHistogram(request: HistogramRequest, sub?: Aggregations): estypes.AggregationsAggregationContainer {
  const timeZone = request.timeZone ?? 'UTC';
  checkTimeZone(timeZone);
  if (!['day', 'week', 'month'].includes(request.interval)) {
    throw new UserInputError(`interval must be day, week or month (got ${String(request.interval)})`, 'invalid-interval');
  }
  const bounds =
    request.from && request.to
      ? {
          extended_bounds: {
            min: bucketKey(localDate(timeZone, request.from.getTime()), request.interval),
            max: bucketKey(localDate(timeZone, request.to.getTime() - 1), request.interval),
          },
        }
      : {};
  return {
    date_histogram: {
      field: 'published_at',
      calendar_interval: request.interval,
      time_zone: timeZone,
      format: 'yyyy-MM-dd',
      min_doc_count: 0,
      ...bounds,
    },
    ...(sub ? { aggs: sub } : {}),
  };
}

export async function histogramEs(http: EsHttp, alias: string, request: HistogramRequest): Promise<HistogramBucket[]> {
  const result = await aggregate(http, alias, request, { h: dateHistogram(request) });
  return (result.h?.buckets ?? []).map((b) => ({ key: b.key_as_string ?? String(b.key), count: b.doc_count }));
}

export async function sentimentOverTimeEs(http: EsHttp, alias: string, request: HistogramRequest): Promise<SentimentBucket[]> {
  const result = await aggregate(http, alias, request, {
    h: dateHistogram(request, { labels: { terms: { field: 'sentiment_label', size: 10 } } }),
  });
  return (result.h?.buckets ?? []).map((b) => {
    const bucket: SentimentBucket = { key: b.key_as_string ?? String(b.key), positive: 0, neutral: 0, negative: 0, unscored: 0 };
    for (const label of (b.labels as { buckets: Bucket[] } | undefined)?.buckets ?? []) {
      if (label.key === 'positive' || label.key === 'neutral' || label.key === 'negative' || label.key === 'unscored') bucket[label.key] += label.doc_count;
    }
    return bucket;
  });
}

export async function topTermsEs(
  http: EsHttp,
  alias: string,
  request: AggregationScope & { dimension: TermDimension; size: number },
): Promise<TermBucket[]> {
  const field = FIELDS[request.dimension];
  if (!field) throw new UserInputError(`unknown dimension '${String(request.dimension)}'`, 'invalid-dimension');
  const size = Math.max(1, Math.min(1000, Math.floor(request.size)));
  const result = await aggregate(http, alias, request, { t: { terms: { field, size, order: [{ _count: 'desc' }, { _key: 'asc' }] } } });
  return (result.t?.buckets ?? []).map((b) => ({ key: String(b.key), count: b.doc_count }));
}

export async function shareOfVoiceEs(http: EsHttp, alias: string, request: AggregationScope & { brands?: string[] }): Promise<TermBucket[]> {
  const brands = request.brands;
  const terms: estypes.AggregationsTermsAggregation = { field: 'brand_ids', size: brands && brands.length > 0 ? brands.length : 1000 };
  if (brands && brands.length > 0) terms.include = brands;
  const result = await aggregate(http, alias, request, { t: { terms } });
  const found = new Map((result.t?.buckets ?? []).map((b) => [String(b.key), { key: String(b.key), count: b.doc_count }]));
  for (const brand of brands ?? []) if (!found.has(brand)) found.set(brand, { key: brand, count: 0 });
  return [...found.values()].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export async function topStoriesEs(http: EsHttp, alias: string, request: AggregationScope & { size: number }): Promise<StoryBucket[]> {
  const size = Math.max(1, Math.min(100, Math.floor(request.size)));
  const result = await aggregate(http, alias, request, {
    s: {
      terms: { field: 'story_key', size, order: [{ _count: 'desc' }, { first: 'asc' }, { _key: 'asc' }] },
      aggs: {
        first: { min: { field: 'published_at' } },
        amplifiers: { sum: { field: 'amplifier' } },
        // The first copy of the text; a share only when no copy is in scope.
        origin: { top_hits: { size: 1, sort: [{ amplifier: 'asc' }, { published_at: 'asc' }, { id: 'asc' }], _source: ['title', 'text', 'doc'] } },
      },
    },
  });
  return (result.s?.buckets ?? []).flatMap((b) => {
    const hit = (b.origin as { hits: { hits: { _source: Pick<EsDocument, 'title' | 'text' | 'doc'> }[] } }).hits.hits[0];
    const amplifiers = Math.round((b.amplifiers as { value: number | null }).value ?? 0);
    return hit ? [{ storyId: String(b.key), origin: fromEsSource(hit._source), count: b.doc_count, amplifiers }] : [];
  });
}
