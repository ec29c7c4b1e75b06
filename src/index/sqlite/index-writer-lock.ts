import { hostname } from 'node:os';
import Database from 'better-sqlite3';
import { HubwatchError } from '../../core/errors.js';
import { makeParentDirectory } from '../../platform/make-parent-directory.js';

/** Who writes a SQLite index: shown to a second writer that is refused. */
export interface IndexWriterHolder {
  host: string;
  pid: number;
  /** ISO 8601: when it took the lock. */
  since: string;
}

/** The lock held by this process; `release` is idempotent (exiting, even by SIGKILL, releases it too). */
export interface IndexWriterLock {
  readonly path: string;
  readonly holder: IndexWriterHolder;
  release(): void;
}

/** Another process already writes this SQLite index: a start-up refusal, not retried. */
export class IndexWriterBusyError extends HubwatchError {
  readonly holder: IndexWriterHolder | null;
  constructor(indexPath: string, holder: IndexWriterHolder | null) {
    const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.since}` : 'another process (it has not said which yet)';
    super(
      `${indexPath}: the SQLite index is already written by ${who}; one process writes a SQLite index at a time: ` +
        'run the enrich role in that process only, stop it first, or use Elasticsearch to index from several',
      { reason: 'index-writer-busy', retryable: false },
    );
    this.holder = holder;
  }
}

/** The lock file beside an index file. */
export const indexWriterLockPath = (indexPath: string): string => `${indexPath}.writer-lock`;

const SCHEMA = 'CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), host TEXT NOT NULL, pid INTEGER NOT NULL, since TEXT NOT NULL)';

/**
 * Makes this process the one writer of the SQLite index at `indexPath`, for the distributed mode
 * where several worker processes share one machine: SQLite allows one writer per file, and the
 * index's full-text thread and its replay of `fts_pending` at open assume no other process writes
 * the same files meanwhile. Throws `IndexWriterBusyError` naming the holder (host, pid, since) when
 * another process holds it. Readers (search, the API) take no lock and are not held back.
 *
 * The lock is an open write transaction on a small SQLite file beside the index
 * (`<index>.writer-lock`, WAL mode, so the holder's row stays readable): the operating system
 * drops it when the process ends in any way, SIGKILL included, at once and with no lease to
 * expire or renew, and a process paused for a while (GC, SIGSTOP) cannot lose it to a second
 * writer, as it could a Redis lease.
 */
export function acquireIndexWriterLock(indexPath: string, now: Date = new Date()): IndexWriterLock {
  const path = indexWriterLockPath(indexPath);
  makeParentDirectory(path);
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 250');
    db.pragma('journal_mode = WAL');
    db.exec(SCHEMA);
    const holder: IndexWriterHolder = { host: hostname(), pid: process.pid, since: now.toISOString() };
    // Take the write lock, record who holds it, and take it again: the row must be committed for
    // others to read it. A process that slipped in between commit and re-take wins; this one refuses.
    take(db, indexPath);
    db.prepare('INSERT OR REPLACE INTO holder (id, host, pid, since) VALUES (1, ?, ?, ?)').run(holder.host, holder.pid, holder.since);
    db.exec('COMMIT');
    take(db, indexPath);
    let released = false;
    return {
      path,
      holder,
      release() {
        if (released) return;
        released = true;
        db.exec('ROLLBACK');
        db.close();
      },
    };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
    throw error;
  }
}

/** BEGIN IMMEDIATE, or the refusal naming whoever holds it. */
function take(db: Database.Database, indexPath: string): void {
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    const row = db.prepare('SELECT host, pid, since FROM holder WHERE id = 1').get() as IndexWriterHolder | undefined;
    throw new IndexWriterBusyError(indexPath, row ?? null);
  }
}
