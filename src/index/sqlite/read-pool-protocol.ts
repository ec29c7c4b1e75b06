import type { AggregationScope, HistogramRequest, SearchRequest, TermDimension } from '../mention-index.js';

/** What a read thread is started with. */
export interface ReadWorkerData {
  /** The main database file. */
  path: string;
  /** The full-text file, attached for reading. */
  ftsPath: string;
  busyTimeoutMs: number;
}

/** The reads a thread answers, by method name, each with the request the port's method takes. */
export interface PooledReads {
  search: SearchRequest;
  histogram: HistogramRequest;
  topTerms: AggregationScope & { dimension: TermDimension; size: number };
  shareOfVoice: AggregationScope & { brands?: string[] };
  sentimentOverTime: HistogramRequest;
  topStories: AggregationScope & { size: number };
}

export type ReadMethod = keyof PooledReads;

/** To a read thread: one read, or close the connection and exit. */
export type ReadWorkerRequest = { type: 'read'; id: number; method: ReadMethod; request: PooledReads[ReadMethod] } | { type: 'close' };

/** From a read thread: the answer of a read, or why it failed (a user's mistake is told apart). */
export type ReadWorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { userInput: boolean; message: string; reason: string; retryable: boolean; position?: number } };
