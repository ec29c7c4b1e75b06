import type { Channel, Mention, SentimentLabel } from '../core/mention.js';
import type { QueryNode } from './query/ast.js';

/** What happened to one mention in an upsert. */
export type UpsertOutcome =
  /**
   * Written. `created`: the id was new to the index; false when it replaced a stored mention (an
   * edit, a re-enrichment, or the same URL published by another source), so counts of new
   * mentions do not count it twice.
   */
  | { id: string; outcome: 'indexed'; created: boolean }
  | { id: string; outcome: 'unchanged' }
  | { id: string; outcome: 'failed'; reason: string; retryable: boolean };

export type SortOrder = 'date' | 'relevance';

/** A search: a parsed query (null = everything), a time window, an order and a page. */
export interface SearchRequest {
  query: QueryNode | null;
  /** Inclusive lower bound on `publishedAt`. */
  from?: Date;
  /** Exclusive upper bound on `publishedAt`. */
  to?: Date;
  sort: SortOrder;
  /** Page size, 1..100. */
  limit: number;
  /** Opaque cursor from a previous page; stable under concurrent inserts. */
  cursor?: string;
}

export interface SearchHit {
  mention: Mention;
  /** Relevance score (higher is better) when sorted by relevance. */
  score?: number;
  /** Short extracts of title/text with matches wrapped in `\u0002`...`\u0003` markers. */
  snippets?: string[];
}

export interface SearchPage {
  /** Number of matching mentions (may be a lower bound on very large results, see `totalIsExact`). */
  total: number;
  totalIsExact: boolean;
  hits: SearchHit[];
  /** Cursor for the next page, or null on the last one. */
  nextCursor: string | null;
}

/** Dimensions the top-terms aggregation can count over. */
export const TERM_DIMENSIONS = ['brand', 'person', 'topic', 'source', 'author', 'channel', 'language', 'sentiment'] as const;
export type TermDimension = (typeof TERM_DIMENSIONS)[number];

export interface AggregationScope {
  query: QueryNode | null;
  from?: Date;
  to?: Date;
}

export interface HistogramRequest extends AggregationScope {
  interval: 'day' | 'week' | 'month';
  /** IANA time zone the calendar buckets are cut in (default UTC). */
  timeZone?: string;
}

export interface HistogramBucket {
  /** Bucket start as a local calendar date, `YYYY-MM-DD`. */
  key: string;
  count: number;
}

export interface TermBucket {
  key: string;
  count: number;
}

export interface SentimentBucket {
  key: string;
  positive: number;
  neutral: number;
  negative: number;
  unscored: number;
}

export interface StoryBucket {
  storyId: string;
  /** The story's origin: its first-published copy of the text, or the first share when no copy is in scope. */
  origin: Mention;
  /** How many mentions the story holds: the origin, its copies and its amplifiers. */
  count: number;
  /** How many of them are amplifiers: posts sharing the article (they carry `sharedUrl`); the rest are copies. */
  amplifiers: number;
}

/** One story's mentions: how many, the first published copy, and the newest ones. */
export interface StoryMembers {
  /** Mentions that carry the story id. */
  size: number;
  /** The first published copy (ties: the first indexed), or null when no mention carries the id. */
  origin: Mention | null;
  /** The newest mentions of the story (the origin among them when it is one of the newest), newest first. */
  latest: Mention[];
}

/** A mention's near-duplicate signature, to rebuild the story clusterer's memory at start. */
export interface SignatureRecord {
  id: string;
  storyId: string | null;
  signature: string;
  publishedAt: string;
  /** The article the mention shares, when it is a share (an amplifier joins that article's story). */
  sharedUrl?: string;
}

/**
 * The search index port. Adapters: SQLite FTS5 (embedded, src/index/sqlite/) and Elasticsearch
 * (src/index/elasticsearch/). Both are held to one contract suite (test/contract/).
 * Adapters throw `IndexError` (retryable or not) for whole-call failures; per-item failures are
 * reported in `upsert`'s results, never thrown.
 */
export interface MentionIndex {
  /** Idempotent by id: a mention upserted twice is `unchanged` the second time. */
  upsert(mentions: readonly Mention[]): Promise<UpsertOutcome[]>;
  get(id: string): Promise<Mention | null>;
  search(request: SearchRequest): Promise<SearchPage>;
  histogram(request: HistogramRequest): Promise<HistogramBucket[]>;
  topTerms(request: AggregationScope & { dimension: TermDimension; size: number }): Promise<TermBucket[]>;
  /** Mentions per watched brand (share of voice), in the scope. */
  shareOfVoice(request: AggregationScope & { brands?: string[] }): Promise<TermBucket[]>;
  /** Sentiment counts per time bucket. */
  sentimentOverTime(request: HistogramRequest): Promise<SentimentBucket[]>;
  topStories(request: AggregationScope & { size: number }): Promise<StoryBucket[]>;
  /** The mentions of one story (`storyId`): its size, its origin and its `limit` newest mentions (1..100). */
  story(storyId: string, limit: number): Promise<StoryMembers>;
  /**
   * Every mention in the scope, oldest first (by `publishedAt`, ties in a stable order), in
   * batches of at most `batchSize` (default 1000). For readers such as reports that need what no
   * aggregation gives (reach, entity-level tone, words); keyset paging, so cost is linear.
   */
  scan(request: AggregationScope & { batchSize?: number }): AsyncIterable<Mention[]>;
  /** Signatures of mentions published since `since`, oldest first. */
  signaturesSince(since: Date): AsyncIterable<SignatureRecord>;
  /** Deletes mentions published before `before`; returns how many. */
  deleteOlderThan(before: Date): Promise<number>;
  /**
   * Upkeep for searches over finished periods, as of `now`: the SQLite adapter merges each finished
   * month's full-text table into one segment (searches over it then read each word's list once,
   * not once per segment); Elasticsearch merges its segments itself. Returns how many periods
   * were merged. Run by the hourly maintenance beside retention.
   */
  compact(now: Date): Promise<number>;
  close(): Promise<void>;
}

/** Re-exported for adapters' convenience. */
export type { Channel, SentimentLabel };
