import Database from 'better-sqlite3';

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
    const statement = db.prepare<[string, string], { mention_id: string }>('SELECT mention_id FROM source_seen WHERE source_id = ? AND mention_id = ?');
    return {
      seen(sourceId, ids) {
        const found = new Set<string>();
        for (const id of ids) if (statement.get(sourceId, id)) found.add(id);
        return found;
      },
    };
  } catch {
    db?.close();
    return null;
  }
}
