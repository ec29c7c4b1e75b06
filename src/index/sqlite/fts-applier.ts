import type Database from 'better-sqlite3';
import type { FtsBatch } from './fts-writer.js';

/** What `createFtsApplier` needs: plain data and functions, since the writer thread gets it as source. */
export interface FtsApplierOptions {
  /** The full-text tables' schema as a prefix: '' (their own connection) or 'fts.' (attached). */
  schema: string;
  /** `FTS_TABLE_SQL`: one month's table, `{schema}` and `{name}` to fill in. */
  tableSql: string;
  tablePrefix: string;
  /** `partitionListSql(...)` for that schema: the month tables, unqualified names. */
  listSql: string;
  /** `ftsMonth`. */
  monthOf: (ms: number) => string;
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
  /** Forgets its month tables' statements (after a rollback, which may have removed a table it made). */
  forget(): void;
}

/**
 * The one implementation of full-text writes, used by the in-memory index's inline writer and by
 * the writer thread, which evaluates this function's source text (`FTS_APPLIER_SOURCE`): it uses
 * nothing from outside its body.
 */
export function createFtsApplier(db: Database.Database, options: FtsApplierOptions): FtsApplier {
  const { schema, tableSql, tablePrefix, monthOf } = options;
  const tables = db.prepare(options.listSql).pluck();
  const months = new Map<string, { deleteOne: Database.Statement; insert: Database.Statement }>();
  // An object's method rather than a named function: tsx and vitest compile with esbuild's
  // keepNames, which wraps named functions in a `__name` helper the thread would not have.
  const tablesOf = {
    partition(month: string): { deleteOne: Database.Statement; insert: Database.Statement } {
      let statements = months.get(month);
      if (!statements) {
        const name = schema + tablePrefix + month;
        db.exec(tableSql.replaceAll('{schema}', schema).replaceAll('{name}', tablePrefix + month));
        statements = {
          deleteOne: db.prepare('DELETE FROM ' + name + ' WHERE rowid = ?'),
          insert: db.prepare('INSERT INTO ' + name + ' (rowid, title, body) VALUES (?, ?, ?)'),
        };
        months.set(month, statements);
      }
      return statements;
    },
  };
  return {
    apply(batch) {
      for (const month of batch.drops) {
        months.delete(month);
        db.exec('DROP TABLE IF EXISTS ' + schema + tablePrefix + month);
      }
      const dropped = new Set(batch.drops);
      for (let i = 0; i < batch.deletes.length; i += 2) {
        const month = batch.deletes[i + 1] as string;
        if (!dropped.has(month)) tablesOf.partition(month).deleteOne.run(batch.deletes[i]);
      }
      for (let i = 0; i < batch.inserts.length; i += 4) {
        tablesOf.partition(batch.inserts[i + 1] as string).insert.run(batch.inserts[i], batch.inserts[i + 2], batch.inserts[i + 3]);
      }
    },
    replay(lo, hi, limit) {
      const rows = options.texts().all(lo, hi, limit) as { seq: number; published: number; title: string; body: string }[];
      const to = rows.length === limit ? (rows[rows.length - 1] as { seq: number }).seq : hi;
      for (const name of tables.all() as string[]) db.prepare('DELETE FROM ' + schema + name + ' WHERE rowid BETWEEN ? AND ?').run(lo, to);
      for (const row of rows) tablesOf.partition(monthOf(row.published)).insert.run(row.seq, row.title, row.body);
      return to;
    },
    forget() {
      months.clear();
    },
  };
}

/** `createFtsApplier` as source text, for the writer thread. */
export const FTS_APPLIER_SOURCE = createFtsApplier.toString();

/** The stored texts a replay reads, from the main file's connection. */
export const REPLAY_TEXTS_SQL =
  'SELECT t.seq, m.published, t.title, t.body FROM mention_texts t JOIN mentions m ON m.seq = t.seq WHERE t.seq BETWEEN ? AND ? ORDER BY t.seq LIMIT ?';
