import type Database from 'better-sqlite3';
import { FTS_TABLE_PREFIX, ftsMonth, ftsTableSql, partitionListSql } from './fts-partitions.js';
import type { FtsBatch, FtsWriter } from './fts-writer.js';

/** Applies full-text batches on the main connection, to the `fts` schema attached to it. */
export class InlineFtsWriter implements FtsWriter {
  private readonly months = new Map<string, { deleteOne: Database.Statement; insert: Database.Statement }>();
  private readonly replayChunk: (lo: number, hi: number, limit: number) => number;
  private settled: [number, number][] = [];

  constructor(private readonly db: Database.Database) {
    const texts = db.prepare(
      'SELECT t.seq, m.published, t.title, t.body FROM mention_texts t JOIN mentions m ON m.seq = t.seq WHERE t.seq BETWEEN ? AND ? ORDER BY t.seq LIMIT ?',
    );
    const tables = db.prepare(partitionListSql('fts')).pluck();
    this.replayChunk = db.transaction((lo: number, hi: number, limit: number): number => {
      const rows = texts.all(lo, hi, limit) as { seq: number; published: number; title: string; body: string }[];
      const to = rows.length === limit ? (rows[rows.length - 1] as { seq: number }).seq : hi;
      for (const name of tables.all() as string[]) db.prepare(`DELETE FROM fts.${name} WHERE rowid BETWEEN ? AND ?`).run(lo, to);
      for (const row of rows) this.partition(ftsMonth(row.published)).insert.run(row.seq, row.title, row.body);
      return to;
    });
  }

  private partition(month: string): { deleteOne: Database.Statement; insert: Database.Statement } {
    let statements = this.months.get(month);
    if (!statements) {
      const name = `${FTS_TABLE_PREFIX}${month}`;
      this.db.exec(ftsTableSql(month, 'fts.'));
      statements = {
        deleteOne: this.db.prepare(`DELETE FROM fts.${name} WHERE rowid = ?`),
        insert: this.db.prepare(`INSERT INTO fts.${name} (rowid, title, body) VALUES (?, ?, ?)`),
      };
      this.months.set(month, statements);
    }
    return statements;
  }

  stage(batch: FtsBatch): null {
    this.apply(batch);
    return null;
  }

  private apply(batch: FtsBatch): void {
    for (const month of batch.drops) {
      this.months.delete(month);
      this.db.exec(`DROP TABLE IF EXISTS fts.${FTS_TABLE_PREFIX}${month}`);
    }
    const dropped = new Set(batch.drops);
    for (let i = 0; i < batch.deletes.length; i += 2) {
      const month = batch.deletes[i + 1] as string;
      if (!dropped.has(month)) this.partition(month).deleteOne.run(batch.deletes[i]);
    }
    for (let i = 0; i < batch.inserts.length; i += 4) {
      this.partition(batch.inserts[i + 1] as string).insert.run(batch.inserts[i], batch.inserts[i + 2], batch.inserts[i + 3]);
    }
  }

  submit(): Promise<void> {
    return Promise.reject(new Error('an inline full-text writer applies batches when they are staged'));
  }

  replay(lo: number, hi: number, limit: number, pending: [number, number] | null): Promise<number | null> {
    let to: number;
    try {
      to = this.replayChunk(lo, hi, limit);
    } catch (error) {
      this.months.clear();
      throw error;
    }
    if (to === hi && pending) this.settled.push(pending);
    return Promise.resolve(to);
  }

  idle(): Promise<void> {
    return Promise.resolve();
  }

  takeFailure(): Error | null {
    return null;
  }

  takeSettled(): [number, number][] {
    return this.settled.splice(0);
  }

  reset(): void {
    this.months.clear();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
