import Database from 'better-sqlite3';
import { IndexError } from '../core/errors.js';
import { emptySourceState, parseSavedState, SEEN_RETENTION_DAYS, type SourceState, type StateStore } from './state-store.js';
import { makeParentDirectory } from '../platform/make-parent-directory.js';
import { prepareSeen, seenAmong } from './sqlite-seen-reader.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS source_state (
  source_id TEXT PRIMARY KEY,
  state TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS source_seen (
  source_id TEXT NOT NULL,
  mention_id TEXT NOT NULL,
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (source_id, mention_id)
) WITHOUT ROWID;
`;

/**
 * Source state in SQLite. It shares the index's file when both use SQLite (one file to back up),
 * through its own connection and its own tables.
 */
export class SqliteStateStore implements StateStore {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement<[string], { state: string }>;
  private readonly putStmt: Database.Statement<[string, string]>;
  private readonly seenStmt: Database.Statement<[string, string], { mention_id: string }>;
  private readonly markStmt: Database.Statement<[string, string, number]>;
  private lastPrune = 0;

  constructor(path: string) {
    if (path !== ':memory:') makeParentDirectory(path);
    this.db = new Database(path);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma('synchronous = NORMAL');
      this.db.exec(SCHEMA);
    } catch (error) {
      this.db.close();
      // Name the file: "file is not a database" alone does not say which one.
      const code = (error as { code?: string }).code ?? 'unknown';
      throw new IndexError(`${path}: cannot open the source state (${code}): ${(error as Error).message}`, {
        reason: code.toLowerCase().replace(/_/g, '-'), retryable: code.startsWith('SQLITE_BUSY'), cause: error,
      });
    }
    this.getStmt = this.db.prepare('SELECT state FROM source_state WHERE source_id = ?');
    this.putStmt = this.db.prepare(
      'INSERT INTO source_state (source_id, state) VALUES (?, ?) ON CONFLICT(source_id) DO UPDATE SET state = excluded.state',
    );
    this.seenStmt = prepareSeen(this.db);
    this.markStmt = this.db.prepare(
      'INSERT INTO source_seen (source_id, mention_id, seen_at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET seen_at = excluded.seen_at',
    );
  }

  async get(sourceId: string): Promise<SourceState> {
    const row = this.getStmt.get(sourceId);
    return row ? parseSavedState(sourceId, row.state) : emptySourceState(sourceId);
  }

  async all(): Promise<SourceState[]> {
    const rows = this.db.prepare('SELECT source_id, state FROM source_state ORDER BY source_id').all() as { source_id: string; state: string }[];
    return rows.map((row) => parseSavedState(row.source_id, row.state));
  }

  async save(state: SourceState): Promise<void> {
    this.putStmt.run(state.sourceId, JSON.stringify(state));
  }

  async seen(sourceId: string, ids: readonly string[]): Promise<Set<string>> {
    return seenAmong(this.seenStmt, sourceId, ids);
  }

  async markSeen(sourceId: string, ids: readonly string[], at: Date): Promise<void> {
    const time = at.getTime();
    this.db.transaction(() => {
      for (const id of ids) this.markStmt.run(sourceId, id, time);
    })();
    if (time - this.lastPrune > 3_600_000) {
      this.lastPrune = time;
      this.db.prepare('DELETE FROM source_seen WHERE seen_at < ?').run(time - SEEN_RETENTION_DAYS * 86_400_000);
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
