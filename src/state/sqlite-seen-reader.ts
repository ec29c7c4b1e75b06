import Database from 'better-sqlite3';

/** Prepares, on `db`, the lookup `seenAmong` runs: whether a source delivered one mention id (`source_seen`). */
export function prepareSeen(db: Database.Database): Database.Statement<[string, string], { mention_id: string }> {
  return db.prepare('SELECT mention_id FROM source_seen WHERE source_id = ? AND mention_id = ?');
}

/** Of `ids`, those the source delivered, as the prepared lookup reads them. */
export function seenAmong(statement: Database.Statement<[string, string], { mention_id: string }>, sourceId: string, ids: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const id of ids) if (statement.get(sourceId, id)) found.add(id);
  return found;
}

/** Which of a source's mention ids it already delivered, read from the state file on another connection. */
export interface SeenReader {
  seen(sourceId: string, ids: readonly string[]): Set<string>;
}

/**
 * A read-only view of `SqliteStateStore`'s delivered ids (its `source_seen` table), for a thread
 * other than the one that writes them: the store's file is in WAL mode, so this connection reads
 * what was committed while the writer goes on. Null when the file or its table cannot be read
 * (the caller then does without). What it says is advice: the writer's own answer decides.
 */
export function openSeenReader(file: string): SeenReader | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const statement = prepareSeen(db);
    return { seen: (sourceId, ids) => seenAmong(statement, sourceId, ids) };
  } catch {
    db?.close();
    return null;
  }
}
