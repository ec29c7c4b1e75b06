import type { Watchlist } from '../config/watchlist.js';
import type { HistogramBucket, MentionIndex, SentimentBucket, TermBucket } from '../index/mention-index.js';
import type { QueryNode } from '../index/query/ast.js';
import { parseQuery } from '../index/query/parse.js';
import type { StatsReport } from './stats-reports.js';
import type { TimeWindow } from './time-range.js';

export { STATS_REPORTS, type StatsReport } from './stats-reports.js';

/** What every aggregation is scoped by. */
export interface StatsInput {
  report: StatsReport;
  /** Query language text; only matching mentions are counted. */
  query?: string | undefined;
  window: TimeWindow;
  /** Bucket size for volume and sentiment. */
  interval: 'day' | 'week' | 'month';
  /** IANA time zone the buckets are cut in. */
  timeZone: string;
  /** Rows for sources and authors. */
  limit: number;
}

/** A brand's count and its share of all brand mentions (0-1). */
export interface ShareOfVoiceRow extends TermBucket {
  share: number;
}

/** The rows of one report, tagged with its name. */
export type StatsResult =
  | { report: 'volume'; rows: HistogramBucket[] }
  | { report: 'sov'; rows: ShareOfVoiceRow[]; total: number }
  | { report: 'sentiment'; rows: SentimentBucket[] }
  | { report: 'sources' | 'authors'; rows: TermBucket[] };

/** Parses the scope query before any index is opened (a bad one throws `UserInputError`). */
export function planStats(input: StatsInput): { input: StatsInput; query: QueryNode | null } {
  return { input, query: input.query ? parseQuery(input.query) : null };
}

/** Shares of voice from brand counts: each brand's part of the total, 0 when nothing matched. */
export function withShares(rows: readonly TermBucket[]): { rows: ShareOfVoiceRow[]; total: number } {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return { rows: rows.map((row) => ({ ...row, share: total === 0 ? 0 : row.count / total })), total };
}

/** Runs one aggregation over the index. Share of voice is over the watchlist's brands. */
export async function computeStats(
  index: MentionIndex,
  watchlist: Pick<Watchlist, 'brands'>,
  plan: { input: StatsInput; query: QueryNode | null },
): Promise<StatsResult> {
  const { input, query } = plan;
  const scope = { query, from: input.window.from, to: input.window.to };
  switch (input.report) {
    case 'volume':
      return { report: 'volume', rows: await index.histogram({ ...scope, interval: input.interval, timeZone: input.timeZone }) };
    case 'sov': {
      const brands = watchlist.brands.map((b) => b.id);
      return { report: 'sov', ...withShares(await index.shareOfVoice({ ...scope, ...(brands.length > 0 ? { brands } : {}) })) };
    }
    case 'sentiment':
      return { report: 'sentiment', rows: await index.sentimentOverTime({ ...scope, interval: input.interval, timeZone: input.timeZone }) };
    case 'sources':
    case 'authors':
      return { report: input.report, rows: await index.topTerms({ ...scope, dimension: input.report === 'sources' ? 'source' : 'author', size: input.limit }) };
  }
}
