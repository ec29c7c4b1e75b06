import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableFtsRank, hasNativeFunctions } from '../../src/index/sqlite/fts-rank.js';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.exec("ATTACH DATABASE ':memory:' AS fts");
  expect(enableFtsRank(db)).toBeNull();
  expect(hasNativeFunctions(db)).toBe(true);
  db.exec('CREATE TABLE rows (key TEXT, n INTEGER)');
});
afterEach(() => db.close());

/** The top list as SQL's GROUP BY gives it, and as `hubwatch_top_sum` gives it. */
function both(k: number): { sql: unknown[]; native: unknown[] } {
  const sql = db.prepare('SELECT key, sum(n) AS count FROM rows WHERE key IS NOT NULL GROUP BY key HAVING count > 0 ORDER BY count DESC, key LIMIT ?').raw().all(k);
  const json = db.prepare('SELECT hubwatch_top_sum(key, n, ?) FROM rows').pluck().get(k) as string;
  return { sql, native: JSON.parse(json) as unknown[] };
}

describe('hubwatch_top_sum (native/hubwatch_fts5.c)', () => {
  it("gives GROUP BY's top list: sums above zero, largest first, ties by key as SQLite orders text", () => {
    const keys = ['a', 'b', 'ab', 'a b', 'A', 'é', 'e\u0301', '"quoted"', 'back\\slash', 'tab\there', 'line\nbreak', '\u0001', '😀', '', 'a\u0000b', 'zz'];
    let seed = 9;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const insert = db.prepare('INSERT INTO rows VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 5_000; i += 1) insert.run(random() < 0.05 ? null : keys[Math.floor(random() * keys.length)], Math.floor(random() * 7) - 2);
      // Many distinct keys, so the table grows several times, and ties on the sum.
      for (let i = 0; i < 3_000; i += 1) insert.run(`source-${i % 1_500}`, 1);
      insert.run('negative', -5);
      insert.run('zero', 0);
    })();
    for (const k of [1, 3, 20, 5_000]) {
      const { sql, native } = both(k);
      expect(native, `k=${k}`).toEqual(sql);
    }
    expect(both(5_000).native).toHaveLength(both(5_000).sql.length);
  });

  it('gives an empty list for no rows, or none above zero', () => {
    expect(both(20)).toEqual({ sql: [], native: [] });
    db.exec("INSERT INTO rows VALUES ('a', 0), ('b', -1), (NULL, 4)");
    expect(both(20)).toEqual({ sql: [], native: [] });
  });
});
