import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexError, UserInputError } from '../../src/core/errors.js';
import { parseQuery } from '../../src/index/query/parse.js';
import { ftsPathFor } from '../../src/index/sqlite/fts-file.js';
import { partitionListSql } from '../../src/index/sqlite/fts-partitions.js';
import { SqliteMentionIndex } from '../../src/index/sqlite/sqlite-index.js';
import { MIGRATIONS } from '../../src/index/sqlite/sqlite-schema.js';
import { silentLogger } from '../../src/platform/logger.js';
import type { Mention } from '../../src/core/mention.js';
import { corpus, mention } from '../contract/fixtures.js';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hubwatch-sqlite-'));
  path = join(dir, 'index.db');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function many(count: number, prefix: string): ReturnType<typeof mention>[] {
  return Array.from({ length: count }, (_, i) =>
    mention(`${prefix}-${i}`, { text: `${'lorem ipsum dolor sit amet '.repeat(40)} item ${prefix} ${i}` }),
  );
}

describe('SQLite index', () => {
  it('applies migrations once, in WAL mode, beside other components tables', async () => {
    const other = new Database(path);
    other.pragma('journal_mode = WAL');
    other.exec('CREATE TABLE source_state (source_id TEXT PRIMARY KEY, etag TEXT)');
    other.prepare('INSERT INTO source_state VALUES (?, ?)').run('le-monde', 'W/"1"');
    const first = SqliteMentionIndex.open({ path, logger: silentLogger() });
    await first.upsert([mention('one')]);
    // Another connection writes its own table while the index is open.
    other.prepare('INSERT INTO source_state VALUES (?, ?)').run('tech-wire', 'W/"2"');
    await first.close();
    const second = SqliteMentionIndex.open({ path, logger: silentLogger() });
    expect((await second.search({ query: null, sort: 'date', limit: 10 })).total).toBe(1);
    await second.close();
    expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(other.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    expect(other.prepare('SELECT count(*) AS n FROM source_state').get()).toEqual({ n: 2 });
    other.close();
  });

  it('migrates a version 1 file forward at open, keeping its mentions searchable', async () => {
    const v1 = new Database(path);
    v1.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
    v1.exec(MIGRATIONS[0]?.sql ?? '');
    v1.prepare("INSERT INTO schema_migrations VALUES (1, 'v1', '2026-01-01')").run();
    const old = mention('from-v1', { title: 'Ancienne mention', text: 'Un texte déjà indexé.' });
    const { title, text, ...rest } = old;
    v1.prepare(
      "INSERT INTO mentions (seq, id, published, label, source_id, source_key, channel, language, author, author_key, story_id, content_hash, title, body, doc) VALUES (1, ?, ?, 'neutral', 'le-monde', 'le monde', 'news', 'fr', NULL, NULL, NULL, 'x', ?, ?, ?)",
    ).run(old.id, Date.parse(old.publishedAt), title, text, JSON.stringify(rest));
    v1.prepare('INSERT INTO mentions_fts (rowid, title, body) VALUES (1, ?, ?)').run(title, text);
    // A share of it, indexed before shares were marked: migration 6 marks it an amplifier.
    const share = mention('share-from-v1', { title: 'Lien', text: 'À lire.', storyId: old.id, sharedUrl: old.url!, publishedAt: '2026-03-10T08:00:00.000Z' });
    const { title: shareTitle, text: shareText, ...shareRest } = share;
    v1.prepare(
      "INSERT INTO mentions (seq, id, published, label, source_id, source_key, channel, language, author, author_key, story_id, content_hash, title, body, doc) VALUES (2, ?, ?, 'neutral', 'hn', 'hn', 'forum', 'fr', NULL, NULL, ?, 'x', ?, ?, ?)",
    ).run(share.id, Date.parse(share.publishedAt), old.id, shareTitle, shareText, JSON.stringify(shareRest));
    v1.prepare('INSERT INTO mentions_fts (rowid, title, body) VALUES (2, ?, ?)').run(shareTitle, shareText);
    v1.prepare('INSERT INTO mention_days (day, min_seq, max_seq) VALUES (?, 1, 2)').run(Math.floor(Date.parse(old.publishedAt) / 86_400_000));
    v1.close();
    const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
    expect(index.schemaVersion()).toBe(MIGRATIONS.length);
    expect((await index.search({ query: parseQuery('deja indexe'), sort: 'date', limit: 5 })).hits.map((h) => h.mention.id)).toEqual([old.id]);
    expect(await index.get(old.id)).toEqual(old);
    expect((await index.topStories({ query: null, size: 5 })).map((s) => [s.storyId, s.count, s.amplifiers, s.origin.id])).toEqual([[old.id, 2, 1, old.id]]);
    await index.close();
  });

  it('keeps the daily rollup equal to the mentions it sums, through updates and retention', async () => {
    const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
    await index.upsert(corpus());
    await index.upsert(corpus().map((m) => ({ ...m, sentiment: { score: 0, label: 'neutral' as const } })));
    await index.upsert([{ ...(corpus()[2] as Mention), publishedAt: '2026-03-04T10:00:00.000Z' }]);
    await index.upsert([mention('january', { publishedAt: '2026-01-15T10:00:00.000Z', text: 'winter sale' })]);
    expect((await index.search({ query: parseQuery('winter'), sort: 'date', limit: 5 })).total).toBe(1);
    await index.deleteOlderThan(new Date('2026-03-01T12:00:00Z'));
    expect((await index.search({ query: parseQuery('winter'), sort: 'date', limit: 5 })).total).toBe(0);
    await index.close();
    const db = new Database(path, { readonly: true });
    const rollup = db.prepare('SELECT kind, entity_id, day, label, count FROM entity_days ORDER BY 1, 2, 3, 4').all();
    const truth = db
      .prepare(
        `SELECT * FROM (SELECT kind, entity_id, published / 86400000 AS day, label, count(*) AS count FROM mention_entities GROUP BY 1, 2, 3, 4
           UNION ALL SELECT '*', '*', published / 86400000, label, count(*) FROM mentions GROUP BY 3, 4) ORDER BY 1, 2, 3, 4`,
      )
      .all();
    const mentions = db.prepare('SELECT seq FROM mentions ORDER BY seq').all();
    db.close();
    // Per entity, and all mentions as the entity '*'.
    expect(rollup).toEqual(truth);
    expect(truth.length).toBeGreaterThan(2);
    expect(truth.some((row) => (row as { kind: string }).kind === '*')).toBe(true);
    // The full-text file holds exactly the mentions kept: updates replaced, retention removed.
    const fts = new Database(ftsPathFor(path), { readonly: true });
    const months = fts.prepare(partitionListSql('main')).pluck().all() as string[];
    expect(months.length).toBeGreaterThan(0);
    // One table per month of publication; months wholly before the cutoff were dropped.
    expect(months.every((table) => table >= 'mentions_fts_202603')).toBe(true);
    const rows = months.flatMap((table) => fts.prepare(`SELECT rowid AS seq FROM ${table}`).all() as { seq: number }[]);
    expect(rows.sort((a, b) => a.seq - b.seq)).toEqual(mentions);
    fts.close();
  });

  it('surfaces SQLITE_FULL as a retryable IndexError with nothing half-written', async () => {
    const index = SqliteMentionIndex.open({ path, logger: silentLogger(), maxPageCount: 160 });
    await index.upsert([mention('kept')]);
    const error = await index.upsert(many(400, 'big')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IndexError);
    expect(error).toMatchObject({ retryable: true, reason: 'sqlite-full' });
    const page = await index.search({ query: null, sort: 'date', limit: 100 });
    expect(page.total).toBe(1);
    expect(await index.search({ query: parseQuery('lorem'), sort: 'date', limit: 10 })).toMatchObject({ total: 0 });
    // A smaller batch still fits afterwards: the failed one left no partial rows or FTS entries.
    expect((await index.upsert(many(3, 'small'))).map((o) => o.outcome)).toEqual(['indexed', 'indexed', 'indexed']);
    await index.close();
  });

  it('in memory (full text written inline), SQLITE_FULL leaves nothing half-written either', async () => {
    const index = SqliteMentionIndex.open({ path: ':memory:', logger: silentLogger(), maxPageCount: 160 });
    await expect(index.upsert(many(400, 'big'))).rejects.toMatchObject({ retryable: true, reason: 'sqlite-full' });
    expect((await index.upsert(many(3, 'small'))).map((o) => o.outcome)).toEqual(['indexed', 'indexed', 'indexed']);
    expect((await index.search({ query: parseQuery('small'), sort: 'date', limit: 10 })).total).toBe(3);
    await index.close();
  });

  it('surfaces SQLITE_BUSY as a retryable IndexError when another writer holds the file', async () => {
    const index = SqliteMentionIndex.open({ path, logger: silentLogger(), busyTimeoutMs: 50 });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const error = await index.upsert([mention('blocked')]).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'IndexError', retryable: true, reason: 'sqlite-busy' });
    other.exec('ROLLBACK');
    other.close();
    expect(await index.upsert([mention('blocked')])).toEqual([{ id: mention('blocked').id, outcome: 'indexed', created: true }]);
    await index.close();
  });

  it('keeps the full-text index in its own file, rebuilt from the stored texts when it is missing', async () => {
    expect(ftsPathFor('/data/hubwatch.db')).toBe('/data/hubwatch.fts.db');
    expect(ftsPathFor('/data.d/index')).toBe('/data.d/index.fts');
    const first = SqliteMentionIndex.open({ path, logger: silentLogger() });
    await first.upsert(many(25, 'kept'));
    await first.close();
    expect(existsSync(ftsPathFor(path))).toBe(true);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${ftsPathFor(path)}${suffix}`, { force: true });
    const second = SqliteMentionIndex.open({ path, logger: silentLogger() });
    expect((await second.search({ query: parseQuery('lorem AND kept'), sort: 'date', limit: 5 })).total).toBe(25);
    await second.close();
  });

  it('replays into the full-text file what a crash left out, at the next open', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/upsert-then-crash.ts', path, '60'], { stdio: 'inherit' });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGKILL');
    const main = new Database(path, { readonly: true });
    // The crash came before the last batches were settled: their ranges are still listed.
    expect((main.prepare('SELECT count(*) AS n FROM fts_pending').get() as { n: number }).n).toBeGreaterThan(0);
    main.close();
    const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
    expect((await index.search({ query: parseQuery('survivor'), sort: 'date', limit: 100 })).total).toBe(60);
    expect((await index.search({ query: parseQuery('rewritten'), sort: 'date', limit: 5 })).hits.map((h) => h.mention.id)).toEqual([
      mention('crash-0').id,
    ]);
    expect((await index.search({ query: parseQuery('number0'), sort: 'date', limit: 5 })).total).toBe(0);
    await index.close();
    const after = new Database(path, { readonly: true });
    expect(after.prepare('SELECT count(*) AS n FROM fts_pending').get()).toEqual({ n: 0 });
    after.close();
  });

  it('reports a full-text write that failed, and catches up once the file is free again', async () => {
    const index = SqliteMentionIndex.open({ path, logger: silentLogger(), busyTimeoutMs: 50 });
    await index.upsert([mention('before')]);
    const blocker = new Database(ftsPathFor(path));
    blocker.exec('BEGIN IMMEDIATE');
    // The mentions commit in the main file; the full-text thread cannot write its file.
    expect((await index.upsert([mention('during', { text: 'written while the full-text file was locked' })])).map((o) => o.outcome)).toEqual(['indexed']);
    const error = await index.search({ query: parseQuery('locked'), sort: 'date', limit: 5 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'IndexError', retryable: true, reason: 'sqlite-busy' });
    blocker.exec('ROLLBACK');
    blocker.close();
    expect((await index.search({ query: parseQuery('locked'), sort: 'date', limit: 5 })).hits.map((h) => h.mention.id)).toEqual([mention('during').id]);
    expect(await index.get(mention('during').id)).toEqual(mention('during', { text: 'written while the full-text file was locked' }));
    await index.close();
  });

  it('searches and counts across the months of full text a window spans, and only those', async () => {
    const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
    const at = (id: string, publishedAt: string, text: string): Mention => mention(id, { publishedAt, text });
    await index.upsert([
      at('jan', '2026-01-20T10:00:00.000Z', 'tariff review announced'),
      at('feb', '2026-02-27T23:30:00.000Z', 'tariff tariff review delayed'),
      at('mar', '2026-03-02T08:00:00.000Z', 'tariff review published'),
      at('mar-other', '2026-03-03T08:00:00.000Z', 'unrelated note'),
    ]);
    const ids = async (from?: string, to?: string, sort: 'date' | 'relevance' = 'date'): Promise<string[]> =>
      (
        await index.search({
          query: parseQuery('tariff review'),
          sort,
          limit: 10,
          ...(from ? { from: new Date(from) } : {}),
          ...(to ? { to: new Date(to) } : {}),
        })
      ).hits.map((h) => h.mention.id);
    expect(await ids()).toEqual([mention('mar').id, mention('feb').id, mention('jan').id]);
    expect(await ids('2026-02-01T00:00:00Z', '2026-03-31T00:00:00Z')).toEqual([mention('mar').id, mention('feb').id]);
    expect(await ids('2026-02-27T00:00:00Z', '2026-03-01T00:00:00Z')).toEqual([mention('feb').id]);
    expect((await ids(undefined, undefined, 'relevance')).sort()).toEqual([mention('jan').id, mention('feb').id, mention('mar').id].sort());
    const months = await index.histogram({ query: parseQuery('tariff'), interval: 'month' });
    expect(months.filter((b) => b.count > 0).map((b) => [b.key, b.count])).toEqual([
      ['2026-01-01', 1],
      ['2026-02-01', 1],
      ['2026-03-01', 1],
    ]);
    // A mention moved to another month leaves no full-text row behind in the first.
    await index.upsert([at('jan', '2026-03-05T10:00:00.000Z', 'tariff review announced')]);
    expect(await ids('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')).toEqual([]);
    expect(await ids('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([mention('jan').id, mention('mar').id]);
    await index.close();
  });

  it('refuses a wildcard that stands for too many words, before running it', async () => {
    const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
    const words = Array.from({ length: 2100 }, (_, i) => `zeta${i.toString(36)}`).join(' ');
    await index.upsert([mention('vocab', { text: words })]);
    await expect(index.search({ query: parseQuery('zeta*'), sort: 'date', limit: 10 })).rejects.toThrow(/zeta\*' stands for more than 2000 words/);
    await expect(index.search({ query: parseQuery('zeta1*'), sort: 'date', limit: 10 })).resolves.toMatchObject({ total: 1 });
    // Three letters: the FTS5 prefix index answers it with one doclist, so it is not refused.
    await expect(index.search({ query: parseQuery('zet*'), sort: 'date', limit: 10 })).resolves.toMatchObject({ total: 1 });
    await index.close();
    const fts = new Database(ftsPathFor(path), { readonly: true });
    expect((fts.prepare("SELECT sql FROM sqlite_schema WHERE name GLOB 'mentions_fts_2*'").get() as { sql: string }).sql).toMatch(/prefix = '3'/);
    fts.close();
  });

  it('writes a batch of full text as one FTS5 segment (64 MiB pending hash), not one per MiB', async () => {
    const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
    // ~3,000 texts of ~1 KB plus the prefix index: several MiB of pending data in one transaction.
    await index.upsert(many(3000, 'segment'));
    await index.close();
    const fts = new Database(ftsPathFor(path), { readonly: true });
    const [table] = fts.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB 'mentions_fts_[0-9]*' AND name NOT GLOB '*_*_*_*'").pluck().all() as string[];
    expect(fts.prepare(`SELECT v FROM ${table}_config WHERE k = 'hashsize'`).pluck().get()).toBe(64 * 1024 * 1024);
    expect(fts.prepare(`SELECT count(DISTINCT segid) FROM ${table}_idx`).pluck().get()).toBe(1);
    fts.close();
  });

  it('refuses a bad page size', async () => {
    const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
    await expect(index.search({ query: null, sort: 'date', limit: 0 })).rejects.toBeInstanceOf(UserInputError);
    await index.close();
  });

  it('keeps user text out of FTS5 syntax', async () => {
    const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
    await index.upsert([mention('syntax', { text: 'NEAR OR AND title body column' })]);
    for (const query of ['"NEAR("', 'title', '"body : x"', 'column*', '"a""b"']) {
      await expect(index.search({ query: parseQuery(query), sort: 'relevance', limit: 5 })).resolves.toBeDefined();
    }
    expect((await index.search({ query: parseQuery('title'), sort: 'date', limit: 5 })).total).toBe(1);
    await index.close();
  });
});
