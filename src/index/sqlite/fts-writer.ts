/**
 * Changes to the full-text index (one table per month of `published`, see `fts-partitions.ts`),
 * applied in this order: months dropped, rowids deleted, rows inserted.
 */
export interface FtsBatch {
  /** Months whose whole table goes (retention). */
  drops: string[];
  /** `seq, month` pairs. */
  deletes: unknown[];
  /** `seq, month, title, body` quads. */
  inserts: unknown[];
  /** The `fts_pending` ids (first, last) this batch settles once committed, if any. */
  pending: [number, number] | null;
}

/** An empty batch. */
export function emptyFtsBatch(): FtsBatch {
  return { drops: [], deletes: [], inserts: [], pending: null };
}

/**
 * Writes the full-text index. The inline writer applies a batch on the main connection, inside the
 * caller's transaction (the in-memory index); the threaded writer applies batches in a worker
 * thread on the second file, in order, while the main thread goes on with the next batch.
 */
export interface FtsWriter {
  /**
   * Call inside the caller's transaction. The inline writer applies the batch now and returns null;
   * the threaded writer has `listPending` record the batch in `fts_pending` (same transaction) and
   * returns the batch, to be handed to `submit` once the transaction has committed.
   */
  stage(batch: FtsBatch, listPending: () => [number, number] | null): FtsBatch | null;
  /** Queues a staged batch; resolves once no more than `depth` batches are in flight. */
  submit(batch: FtsBatch): Promise<void>;
  /**
   * Replays part of a `fts_pending` range: empties rowids `lo`.. and indexes the stored texts there,
   * up to `limit` rows. Resolves to the last seq covered (`hi` when the range is done), or null if
   * it failed (see `takeFailure`). `pending` is settled once the last chunk is committed.
   */
  replay(lo: number, hi: number, limit: number, pending: [number, number] | null): Promise<number | null>;
  /**
   * After every batch queued before it: merges each listed month's table into one segment when it
   * has more (see `FtsApplier.merge`). Resolves to the months merged; a failure rejects this call
   * alone (the batches are not concerned).
   */
  merge(months: readonly string[]): Promise<string[]>;
  /** Resolves when every queued batch has been committed or has failed. */
  idle(): Promise<void>;
  /** The first failure since the last call, if any (its batches were not applied). */
  takeFailure(): Error | null;
  /** `fts_pending` id ranges whose batches are committed, since the last call. */
  takeSettled(): [number, number][];
  /** After the caller's transaction rolled back: forgets what it may have undone (month tables created inline). */
  reset(): void;
  close(): Promise<void>;
}

/** Where a threaded writer's time goes, for benchmarks: which of the two threads is the bottleneck. */
export interface FtsWriterStats {
  /** Time the main thread waited in `submit` for the full-text thread. */
  waitedMs: number;
  /** Time the full-text thread spent applying batches. */
  busyMs: number;
}
