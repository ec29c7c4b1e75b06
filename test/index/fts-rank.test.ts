import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/index/cursor.js';
import { parseQuery } from '../../src/index/query/parse.js';
import { FTS_TABLE_PREFIX, FTS_TABLE_SQL, ftsMatchSql } from '../../src/index/sqlite/fts-partitions.js';
import { enableFtsRank, ftsPhrases, phraseCounts, type PhraseCounts } from '../../src/index/sqlite/fts-rank.js';
import { ftsExpression } from '../../src/index/sqlite/sqlite-compile.js';
import { attachFtsForReading, ftsPathFor } from '../../src/index/sqlite/fts-file.js';
import { SqliteMentionIndex } from '../../src/index/sqlite/sqlite-index.js';
import { searchSqlite } from '../../src/index/sqlite/sqlite-search.js';
import { silentLogger } from '../../src/platform/logger.js';
import { brand, mention } from '../contract/fixtures.js';

const MONTH = '202611';
const TABLE = `${FTS_TABLE_PREFIX}${MONTH}`;
const WORDS = ['harbour', 'strike', 'calm', 'grève', 'port', 'acme', 'dockers', 'wages', 'talks', 'ferry', 'Montréal', 'delay'];

function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function text(random: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hubwatch-fts-rank-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A connection to a file with one month's full-text table attached as `fts`, 400 rows of generated text. */
function monthFile(): { db: Database.Database; insert: (seq: number, title: string, body: string) => void } {
  const db = new Database(join(dir, 'main.db'));
  db.prepare('ATTACH DATABASE ? AS fts').run(join(dir, 'fts.db'));
  db.exec(FTS_TABLE_SQL.replaceAll('{schema}', 'fts.').replaceAll('{name}', TABLE));
  const statement = db.prepare(`INSERT INTO fts.${TABLE} (rowid, title, body) VALUES (?, ?, ?)`);
  const insert = (seq: number, title: string, body: string): void => void statement.run(seq, title, body);
  const random = prng(7);
  db.transaction(() => {
    for (let seq = 1; seq <= 400; seq += 1) insert(seq, text(random, 1 + Math.floor(random() * 6)), text(random, 5 + Math.floor(random() * 60)));
  })();
  return { db, insert };
}

/** Each matching row's score by FTS5's bm25 and by hubwatch_bm25 with the counts kept. */
function scores(db: Database.Database, expression: string, counts: PhraseCounts): { bm25: unknown[]; kept: unknown[] } {
  const read = (score: true | PhraseCounts): unknown[] => {
    const { sql, params } = ftsMatchSql([MONTH], expression, null, score);
    return db.prepare(`${sql} ORDER BY seq`).all(...params);
  };
  return { bm25: read(true), kept: read(counts) };
}

const QUERIES = [
  'harbour',
  'harbour strike',
  '"harbour strike"',
  'harb*',
  'title:harbour strike',
  'harbour NEAR/3 strike',
  '(acme OR port) NEAR/5 (strike OR grève)',
  'harbour OR calm',
  'harbour AND NOT strike',
  'greve montreal',
  '"port ferry delay" OR title:"acme wages"',
  'nothinglikethis OR harbour',
];

describe('hubwatch_bm25 (native/hubwatch_fts5.c)', () => {
  it('is built and loads, so relevance does not fall back to FTS5 counting every phrase', () => {
    const db = new Database(':memory:');
    expect(enableFtsRank(db)).toBeNull();
    expect(phraseCounts(db)).toBeDefined();
    db.close();
  });

  it("scores every row as FTS5's bm25 does, to the bit, from the counts kept", () => {
    const { db } = monthFile();
    expect(enableFtsRank(db)).toBeNull();
    const counts = phraseCounts(db)!;
    for (const query of QUERIES) {
      const expression = ftsExpression(parseQuery(query)!);
      const { bm25, kept } = scores(db, expression, counts);
      expect(bm25.length, query).toBeGreaterThan(0);
      expect(kept, query).toEqual(bm25);
    }
    db.close();
  });

  it('scores the rows of a set alone (hubwatch_bm25_among), each as hubwatch_bm25 does, and leaves the others unscored', () => {
    const { db } = monthFile();
    expect(enableFtsRank(db)).toBeNull();
    const counts = phraseCounts(db)!;
    // Every third row, given out of order, twice, with NULLs: the set holds each once, ascending.
    db.exec('CREATE TEMP TABLE picked (seq INTEGER)');
    db.exec('WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 3 FROM n WHERE v < 398) INSERT INTO picked SELECT v FROM n ORDER BY random()');
    db.exec('INSERT INTO picked SELECT seq FROM picked UNION ALL SELECT NULL');
    const set = db.prepare('SELECT hubwatch_seq_set(seq) FROM temp.picked').pluck().get() as Buffer;
    expect([...new BigInt64Array(set.buffer, set.byteOffset, set.length / 8)]).toEqual(Array.from({ length: 134 }, (_, i) => BigInt(1 + 3 * i)));
    expect((db.prepare('SELECT hubwatch_seq_set(seq) FROM temp.picked WHERE 0').pluck().get() as Buffer).length).toBe(0);
    for (const query of QUERIES) {
      const expression = ftsExpression(parseQuery(query)!);
      const { kept } = scores(db, expression, counts);
      const { sql, params } = ftsMatchSql([MONTH], expression, null, { counts, among: set });
      const among = db.prepare(`${sql} ORDER BY seq`).all(...params) as { seq: number; score: number | null }[];
      expect(among.map((row) => row.seq), query).toEqual((kept as { seq: number }[]).map((row) => row.seq));
      expect(among.filter((row) => row.score !== null), query).toEqual((kept as { seq: number }[]).filter((row) => row.seq % 3 === 1));
      expect(among.filter((row) => row.score === null).every((row) => row.seq % 3 !== 1), query).toBe(true);
    }
    db.close();
  });

  it('counts afresh once the table is written, and counts itself when the counts do not fit the phrases', () => {
    const { db, insert } = monthFile();
    enableFtsRank(db);
    const counts = phraseCounts(db)!;
    const expression = ftsExpression(parseQuery('ferry wages')!);
    const before = counts.of(MONTH, expression);
    // Many rows with one of the words: its count and the scores move.
    db.transaction(() => {
      for (let seq = 1000; seq < 1300; seq += 1) insert(seq, 'ferry', 'ferry ferry timetable');
    })();
    const after = counts.of(MONTH, expression)!;
    expect(after).not.toEqual(before);
    expect(Number(after.split(' ')[0])).toBe(Number(before!.split(' ')[0]) + 300);
    const { bm25, kept } = scores(db, expression, counts);
    expect(kept).toEqual(bm25);
    // Counts that do not fit (one too few, not numbers): FTS5's counts, the same scores.
    for (const wrong of ['3', 'x y', null]) {
      const rows = db.prepare(`SELECT rowid AS seq, -hubwatch_bm25(${TABLE}, ?, 4.0, 1.0) AS score FROM fts.${TABLE} WHERE ${TABLE} MATCH ? ORDER BY seq`).all(wrong, expression);
      expect(rows).toEqual(bm25);
    }
    db.close();
  });

  it('reads the phrases of an expression in the order FTS5 numbers them', () => {
    expect(ftsPhrases(ftsExpression(parseQuery('title:"alpha beta" cee* NEAR/2 dee OR eee')!))).toEqual(['title : "alpha beta"', '"cee"*', '"dee"', '"eee"']);
    expect(ftsPhrases('("say ""no""" AND NEAR("x" title : "y"*, 3)) NOT "z"')).toEqual(['"say ""no"""', '"x"', 'title : "y"*', '"z"']);
  });
});

describe('relevance search with and without hubwatch_bm25', () => {
  it('gives the same pages, totals, scores and snippets', async () => {
    const path = join(dir, 'index.db');
    const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
    const random = prng(3);
    const start = Date.parse('2026-10-20T00:00:00Z');
    // Three weeks of mentions, so that a search spans two months' tables; a brand on every other
    // one, a competitor on every third, sentiment and source varied, for the searches driven by
    // one watchlist entry's rows.
    const acme = brand('acme', 'Acme');
    const globex = brand('globex', 'Globex', 'competitor');
    const labels = ['negative', 'neutral', 'positive'] as const;
    await index.upsert(
      Array.from({ length: 300 }, (_, i) =>
        mention(`m${i}`, {
          title: text(random, 4),
          text: text(random, 30),
          publishedAt: new Date(start + i * 6_000_000).toISOString(),
          entities: [...(i % 2 === 0 ? [acme] : []), ...(i % 3 === 0 ? [globex] : [])],
          sentiment: { score: 0, label: labels[i % 3]! },
          ...(i % 5 === 0 ? { sourceId: 'wire', sourceName: 'Wire' } : {}),
        }),
      ),
    );
    await index.close();
    const reader = (rank: boolean): Database.Database => {
      const db = new Database(path, { readonly: true });
      attachFtsForReading(db, ftsPathFor(path));
      if (rank) expect(enableFtsRank(db)).toBeNull();
      return db;
    };
    const ranked = reader(true);
    const plain = reader(false);
    expect(phraseCounts(plain)).toBeUndefined();
    const queries = [
      'harbour strike', 'title:acme OR ferry', '"port ferry"', 'harb* AND NOT calm', 'grève OR source:nowhere',
      // One entry's rows, alone or with a condition they do not hold (the source), or none.
      'brand:acme AND (harbour OR title:ferry)', 'ferry AND brand:globex AND sentiment:negative', 'port AND brand:acme AND source:wire',
      'brand:acme AND nothinglikethis', 'brand:acme AND harbour AND NOT strike',
    ];
    for (const q of queries) {
      let cursor: string | undefined;
      let total = 0;
      for (let page = 0; page < 3; page += 1) {
        const request = { query: parseQuery(q), sort: 'relevance' as const, limit: 20, from: new Date('2026-10-25T00:00:00Z'), ...(cursor ? { cursor } : {}) };
        const withRank = searchSqlite(ranked, request);
        const withBm25 = searchSqlite(plain, request);
        expect(withRank, q).toEqual(withBm25);
        if (page === 0 && !q.includes('nothinglikethis')) expect(withRank.hits.length, q).toBeGreaterThan(0);
        total = withRank.total;
        if (!withRank.nextCursor) break;
        cursor = withRank.nextCursor;
      }
      // A page past the end: no row carries the total, which is counted apart.
      const beyond = { query: parseQuery(q), sort: 'relevance' as const, limit: 20, from: new Date('2026-10-25T00:00:00Z'), cursor: encodeCursor({ sort: 'relevance', offset: 10_000, snapshot: String(1e9) }) };
      const last = searchSqlite(ranked, beyond);
      expect(last, q).toEqual(searchSqlite(plain, beyond));
      expect(last.hits, q).toEqual([]);
      expect(last.total, q).toBe(total);
    }
    ranked.close();
    plain.close();
  });
});
