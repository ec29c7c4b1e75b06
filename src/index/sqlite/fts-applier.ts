import type Database from 'better-sqlite3';
import { FTS_TABLE_PREFIX, FTS_TABLE_SQL, ftsMonth, partitionListSql } from './fts-partitions.js';
import type { FtsBatch } from './fts-writer.js';

/** Where `createFtsApplier` writes and how it reads stored texts back. */
export interface FtsApplierOptions {
  /** The schema holding the month tables: 'main' (the writer thread's own connection) or 'fts' (attached). */
  schema: 'main' | 'fts';
  /** Stored texts of seqs lo..hi, at most `limit`, in seq order (from the main file). */
  texts: () => Database.Statement;
}

/** Writes full-text changes on one connection; each call belongs inside the caller's transaction. */
export interface FtsApplier {
  /** Months dropped, then rowids deleted, then rows inserted. */
  apply(batch: Pick<FtsBatch, 'drops' | 'deletes' | 'inserts'>): void;
  /**
   * Empties rowids `lo`.. in every month and indexes the stored texts there, up to `limit` rows.
   * Returns the last seq covered (`hi` when the range is done).
   */
  replay(lo: number, hi: number, limit: number): number;
  /**
   * Merges each of these months' tables that holds more than one segment into one (FTS5's
   * `optimize`), in its own transaction each; returns the months merged. Months without a table are
   * skipped.
   */
  merge(months: readonly string[]): string[];
  /** Forgets its month tables' statements (after a rollback, which may have removed a table it made). */
  forget(): void;
}

/** The one implementation of full-text writes, used by the in-memory index's inline writer and by the writer thread. */
export function createFtsApplier(db: Database.Database, options: FtsApplierOptions): FtsApplier {
  const schema = `${options.schema}.`;
  const tables = db.prepare(partitionListSql(options.schema)).pluck();
  const months = new Map<string, { deleteOne: Database.Statement; insert: Database.Statement }>();
  const partition = (month: string): { deleteOne: Database.Statement; insert: Database.Statement } => {
    let statements = months.get(month);
    if (!statements) {
      const name = schema + FTS_TABLE_PREFIX + month;
      db.exec(FTS_TABLE_SQL.replaceAll('{schema}', schema).replaceAll('{name}', FTS_TABLE_PREFIX + month));
      statements = {
        deleteOne: db.prepare(`DELETE FROM ${name} WHERE rowid = ?`),
        insert: db.prepare(`INSERT INTO ${name} (rowid, title, body) VALUES (?, ?, ?)`),
      };
      months.set(month, statements);
    }
    return statements;
  };
  return {
    apply(batch) {
      for (const month of batch.drops) {
        months.delete(month);
        db.exec(`DROP TABLE IF EXISTS ${schema}${FTS_TABLE_PREFIX}${month}`);
      }
      const dropped = new Set(batch.drops);
      for (let i = 0; i < batch.deletes.length; i += 2) {
        const month = batch.deletes[i + 1] as string;
        if (!dropped.has(month)) partition(month).deleteOne.run(batch.deletes[i]);
      }
      for (let i = 0; i < batch.inserts.length; i += 4) {
        partition(batch.inserts[i + 1] as string).insert.run(batch.inserts[i], batch.inserts[i + 2], batch.inserts[i + 3]);
      }
    },
    replay(lo, hi, limit) {
      const rows = options.texts().all(lo, hi, limit) as { seq: number; published: number; title: string; body: string }[];
      const to = rows.length === limit ? (rows[rows.length - 1] as { seq: number }).seq : hi;
      for (const name of tables.all() as string[]) db.prepare(`DELETE FROM ${schema}${name} WHERE rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)`).run(lo, to);
      for (const row of rows) partition(ftsMonth(row.published)).insert.run(row.seq, row.title, row.body);
      return to;
    },
    merge(wanted) {
      const existing = new Set((tables.all() as string[]).map((name) => name.slice(FTS_TABLE_PREFIX.length)));
      const merged: string[] = [];
      for (const month of wanted) {
        if (!existing.has(month)) continue;
        const name = `${schema}${FTS_TABLE_PREFIX}${month}`;
        // Every segment has its first leaf in %_idx: a count of distinct ids is the segment count.
        const { segments } = db.prepare(`SELECT count(DISTINCT segid) AS segments FROM ${name}_idx`).get() as { segments: number };
        if (segments <= 1) continue;
        db.transaction(() => db.prepare(`INSERT INTO ${name} (${FTS_TABLE_PREFIX}${month}) VALUES ('optimize')`).run()).immediate();
        merged.push(month);
      }
      return merged;
    },
    forget() {
      months.clear();
    },
  };
}

/** The stored texts a replay reads, from the main file's connection. */
export const REPLAY_TEXTS_SQL =
  'SELECT t.seq, m.published, t.title, t.body FROM mention_texts t JOIN mentions m ON m.seq = t.seq WHERE t.seq BETWEEN ? AND ? ORDER BY t.seq LIMIT ?';
