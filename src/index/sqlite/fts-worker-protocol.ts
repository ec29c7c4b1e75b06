/** What the full-text writer thread is started with (`workerData`). */
export interface FtsWorkerData {
  /** The full-text database file. */
  path: string;
  /** The main database file, read by replays through a read-only connection. */
  mainPath: string;
  busyTimeoutMs: number;
  walLimitBytes: number;
  maxPageCount: number | null;
}

/**
 * Messages to the thread:
 * - `batch`: drops (months whose table goes), deletes (seq, month pairs), inserts (seq, month,
 *   title, body quads), applied in one transaction of the full-text file;
 * - `replay`: in one transaction of the full-text file, reads up to `limit` stored texts of seqs
 *   lo..hi from the main file, empties that rowid range in every month and indexes them in their
 *   months. The texts are read only once the full-text file's write lock is held, so a newer
 *   version written meanwhile by another process is either read here or indexed after this
 *   transaction by that process's own thread: a replay never leaves an old text;
 * - `merge`: merges each listed month's table into one segment when it has more (one transaction
 *   each); `merged` in the answer lists those merged;
 * - `close`.
 */
export type FtsWorkerRequest =
  | { type: 'batch'; id: number; drops: string[]; deletes: unknown[]; inserts: unknown[] }
  | { type: 'replay'; id: number; lo: number; hi: number; limit: number }
  | { type: 'merge'; id: number; months: string[] }
  | { type: 'close' };

/** Messages from the thread; `to` is the last seq a replay covered. */
export type FtsWorkerMessage =
  | { type: 'ready' | 'closed' }
  | { type: 'done'; id: number; busyMs: number; to?: number; merged?: string[] }
  | { type: 'failed'; id: number; code?: string; message: string };
