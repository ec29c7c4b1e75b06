import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FTS_TABLE_PREFIX, FTS_TABLE_SQL, ftsMatchSql } from '../../src/index/sqlite/fts-partitions.js';

/** An in-memory database with one month's full-text table attached as `fts`, rows 1..200. */
function monthTable(): Database.Database {
  const db = new Database(':memory:');
  db.exec("ATTACH ':memory:' AS fts");
  const name = `${FTS_TABLE_PREFIX}202611`;
  db.exec(FTS_TABLE_SQL.replaceAll('{schema}', 'fts.').replaceAll('{name}', name));
  const insert = db.prepare(`INSERT INTO fts.${name} (rowid, title, body) VALUES (?, ?, ?)`);
  for (let seq = 1; seq <= 200; seq += 1) insert.run(seq, `Item ${seq}`, seq % 2 === 0 ? 'harbour strike' : 'harbour calm');
  return db;
}

describe('ftsMatchSql', () => {
  it('passes the seq range to FTS5 as integers, so it seeks instead of reading the whole list', () => {
    // better-sqlite3 binds a JS number as REAL; FTS5 uses a rowid bound only when it is an
    // integer, and otherwise reads the term's whole list for SQLite to filter afterwards.
    const { sql, params } = ftsMatchSql(['202611'], '"harbour"', [10, 20], false);
    expect(sql).toContain('rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)');
    expect(params).toEqual(['"harbour"', 10, 20]);
  });

  it('answers only the rows of the range, with and without scores', () => {
    const db = monthTable();
    const plain = ftsMatchSql(['202611'], '"harbour" AND "strike"', [10, 20], false);
    expect((db.prepare(plain.sql).all(...plain.params) as { seq: number }[]).map((row) => row.seq)).toEqual([10, 12, 14, 16, 18, 20]);
    const scored = ftsMatchSql(['202611'], '"strike"', [195, 1e6], true);
    const rows = db.prepare(scored.sql).all(...scored.params) as { seq: number; score: number }[];
    expect(rows.map((row) => row.seq)).toEqual([196, 198, 200]);
    for (const row of rows) expect(row.score).toBeGreaterThan(0);
    db.close();
  });
});
