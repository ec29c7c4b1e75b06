import Database from 'better-sqlite3';
import { makeParentDirectory } from '../../platform/make-parent-directory.js';

/** What the connections of the index are opened with. */
export interface ConnectionOptions {
  /** Database file (parent directories are created), or `:memory:`. */
  path: string;
  /** How long a writer waits for another one before SQLITE_BUSY (default 5 s). */
  busyTimeoutMs?: number;
  /** Upper bound on the file size, in 4 KiB pages (writes beyond it fail with SQLITE_FULL). */
  maxPageCount?: number;
}

/**
 * Memory map of the main file on read connections: 2 GiB, SQLite's largest (a bigger value is cut to
 * it). Searches read mention rows spread over the whole file (they sit between the texts); past
 * the map every page is a read() copied into the connection's cache. At 1M mentions (2.4 GB), 200
 * searches in a row: a brand's negative news over 90 days 7.3–8.0 ms of CPU each with 256 MiB
 * mapped, 6.9–7.2 with 2 GiB; a brand's week, 100 a page, 5.7–6.0 → 5.0–5.4 (less system time).
 * Mapped pages are the OS's page cache, not the process's memory.
 */
export const READ_MMAP_BYTES = 2_147_418_112;

/** The WAL is truncated back to this size after checkpoints. */
export const WAL_LIMIT_BYTES = 64 * 1024 * 1024;

export function busyTimeout(options: ConnectionOptions): number {
  return Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000));
}

/** The writing connection to the main file, created with its directories when needed. */
export function openWriter(options: ConnectionOptions): Database.Database {
  if (options.path !== ':memory:') makeParentDirectory(options.path);
  const db = new Database(options.path);
  try {
    db.pragma(`busy_timeout = ${busyTimeout(options)}`);
    db.pragma('journal_mode = WAL');
    // FULL on both files (the full-text thread's too): each commit reaches the disk before the
    // other file acts on it, so after a power loss the full-text file never holds rows the main
    // file lost (their seqs would be reused) and `fts_pending` never lists as done what it lacks.
    db.pragma('synchronous = FULL');
    db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
    // Checkpoint every 10,000 pages (40 MiB): pages rewritten while loading reach the file once
    // per checkpoint, about 15 % faster loads than the default 1,000; journal_size_limit trims after.
    db.pragma('wal_autocheckpoint = 10000');
    db.pragma('cache_size = -262144');
    db.pragma('temp_store = MEMORY');
    db.pragma('mmap_size = 268435456');
    if (options.maxPageCount !== undefined) db.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The connection searches read through: the writer itself in memory, a second one on a file. */
export function openReader(options: ConnectionOptions, writer: Database.Database): Database.Database {
  if (options.path === ':memory:') return writer;
  const reader = new Database(options.path);
  try {
    reader.pragma(`busy_timeout = ${busyTimeout(options)}`);
    reader.pragma('cache_size = -131072');
    reader.pragma('temp_store = MEMORY');
    reader.pragma(`mmap_size = ${READ_MMAP_BYTES}`);
    return reader;
  } catch (error) {
    reader.close();
    throw error;
  }
}

/** At close: fresh planner statistics (cheap: bounded by analysis_limit), then a trimmed WAL. */
export function tidyBeforeClose(db: Database.Database): void {
  db.pragma('analysis_limit = 1000');
  db.pragma('optimize');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
