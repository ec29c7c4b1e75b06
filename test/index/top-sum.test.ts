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

describe('hubwatch_story_sizes (native/hubwatch_fts5.c)', () => {
  /** The candidates as the SQL of `topStoriesFromRollup` selects them, and as the aggregate does, in one order. */
  function candidates(k: number): { sql: unknown[]; native: unknown[] } {
    const sql = db
      .prepare(
        `WITH sizes AS MATERIALIZED (SELECT story_id AS story, sum(count) AS n, sum(amplifiers) AS amplifiers FROM stories GROUP BY story_id)
         SELECT story, n, amplifiers FROM sizes WHERE n > 0 AND n >= coalesce((SELECT n FROM sizes WHERE n > 1 ORDER BY n DESC LIMIT 1 OFFSET ?), 2) - 1 ORDER BY n DESC, story`,
      )
      .raw()
      .all(k - 1);
    const json = db.prepare('SELECT hubwatch_story_sizes(story_id, count, amplifiers, ?) FROM stories').pluck().get(k) as string;
    return { sql, native: JSON.parse(json) as unknown[] };
  }

  beforeEach(() => db.exec('CREATE TABLE stories (story_id TEXT, count INTEGER, amplifiers INTEGER)'));

  it('keeps the stories within one of the k-th largest (2 when fewer hold several), with both sums', () => {
    const insert = db.prepare('INSERT INTO stories VALUES (?, ?, ?)');
    let seed = 4;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    // A few hundred stories over several days: most of one mention, some of many, ties everywhere.
    const fill = (stories: number, big: number): void =>
      db.transaction(() => {
        for (let i = 0; i < stories * 3; i += 1) {
          const story = Math.floor(random() * stories);
          const count = story < big ? 1 + Math.floor(random() * 4) : random() < 0.3 ? 1 : 0;
          insert.run(`story-${story}`, count, Math.floor(random() * 2));
        }
      })();
    expect(candidates(20)).toEqual({ sql: [], native: [] });
    fill(400, 60);
    for (const k of [1, 5, 20, 59, 60, 61, 100, 500]) {
      const { sql, native } = candidates(k);
      expect(native, `k=${k}`).toEqual(sql);
    }
    // Fewer than k stories holding several: every story with a mention.
    db.exec('DELETE FROM stories');
    db.transaction(() => {
      for (let i = 0; i < 5; i += 1) insert.run(`several-${i}`, 3, 1);
      for (let i = 0; i < 100; i += 1) insert.run(`single-${i}`, 1, 0);
      insert.run('none', 0, 0);
    })();
    const { sql, native } = candidates(20);
    expect(native).toEqual(sql);
    expect(native).toHaveLength(105);
  });
});
