import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { IndexError, UserInputError } from '../../src/core/errors.js';
import { parseQuery } from '../../src/index/query/parse.js';
import { SqliteMentionIndex } from '../../src/index/sqlite/sqlite-index.js';
import { SqliteReadPool } from '../../src/index/sqlite/sqlite-read-pool.js';
import { silentLogger } from '../../src/platform/logger.js';
import { mention } from '../contract/fixtures.js';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hubwatch-read-pool-'));
  path = join(dir, 'index.db');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function openPool(): SqliteReadPool {
  return new SqliteReadPool(SqliteMentionIndex.open({ path, logger: silentLogger() }), { path, threads: 2 });
}

it('answers concurrent reads on both threads, each seeing what the index wrote before it', async () => {
  const pool = openPool();
  await pool.upsert(Array.from({ length: 50 }, (_, i) => mention(`m-${i}`, { text: `Acme item ${i}`, publishedAt: new Date(Date.UTC(2026, 2, 1, i)).toISOString() })));
  const pages = await Promise.all(Array.from({ length: 40 }, () => pool.search({ query: parseQuery('acme'), sort: 'date', limit: 5 })));
  expect(pages.map((page) => page.total)).toEqual(pages.map(() => 50));
  const [first, second] = pool.readsPerThread();
  expect(first! + second!).toBe(40);
  expect(first).toBeGreaterThan(0);
  expect(second).toBeGreaterThan(0);
  await pool.upsert([mention('late', { text: 'Acme late item', publishedAt: '2026-03-05T00:00:00.000Z' })]);
  expect((await pool.search({ query: parseQuery('acme'), sort: 'date', limit: 1 })).hits[0]?.mention.id).toBe(mention('late').id);
  await pool.close();
});

it("passes a user's mistake on as a UserInputError, and other failures as an IndexError", async () => {
  const pool = openPool();
  await pool.upsert([mention('one')]);
  const bad = pool.histogram({ query: null, interval: 'year' as 'day' });
  await expect(bad).rejects.toBeInstanceOf(UserInputError);
  await expect(bad).rejects.toMatchObject({ reason: 'invalid-interval' });
  await pool.close();
  await expect(pool.search({ query: null, sort: 'date', limit: 1 })).rejects.toBeInstanceOf(IndexError);
});

it('closes after the reads in flight are answered, and the file opens again', async () => {
  const pool = openPool();
  await pool.upsert([mention('one'), mention('two', { publishedAt: '2026-03-11T09:00:00.000Z' })]);
  const reads = Array.from({ length: 10 }, () => pool.topTerms({ query: null, dimension: 'source', size: 5 }));
  await pool.close();
  expect(await Promise.all(reads)).toEqual(reads.map(() => [{ key: 'le-monde', count: 2 }]));
  const again = openPool();
  expect((await again.search({ query: null, sort: 'date', limit: 5 })).total).toBe(2);
  await again.close();
});

it('fails reads with an IndexError, without hanging, when its threads cannot open the file', async () => {
  const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
  const pool = new SqliteReadPool(index, { path: join(dir, 'no-such-index.db'), threads: 2 });
  await expect(pool.search({ query: null, sort: 'date', limit: 1 })).rejects.toBeInstanceOf(IndexError);
  await expect(pool.search({ query: null, sort: 'date', limit: 1 })).rejects.toMatchObject({ reason: 'read-thread' });
  await pool.close();
});

it('lets a slow read hold up at most the one read sent to its thread behind it', async () => {
  const pool = openPool();
  const start = Date.UTC(2026, 2, 1);
  await pool.upsert(Array.from({ length: 40_000 }, (_, i) => mention(`m-${i}`, { text: `Acme item ${i}, harbour strike talks ${i % 97}`, publishedAt: new Date(start + i * 60_000).toISOString() })));
  const quick = (): Promise<unknown> => pool.search({ query: parseQuery('nothinghere'), sort: 'date', limit: 5 });
  await Promise.all([quick(), quick(), quick(), quick()]);
  const answered: string[] = [];
  // Scores every one of the 40,000 mentions: tens of milliseconds, where a quick read takes well under one.
  const slow = pool.search({ query: parseQuery('acme OR harbour OR item'), sort: 'relevance', limit: 5 }).then(() => answered.push('slow'));
  const quicks = Array.from({ length: 10 }, () => quick().then(() => answered.push('quick')));
  await Promise.all([slow, ...quicks]);
  // Sent at once to the thread with the fewest in flight, half of them waited for the slow one.
  expect(answered.indexOf('slow')).toBeGreaterThanOrEqual(9);
  await pool.close();
});
