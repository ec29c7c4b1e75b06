import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Mention } from '../../src/core/mention.js';
import type { MentionIndex } from '../../src/index/mention-index.js';
import { openIndex } from '../../src/index/open-index.js';
import { parseQuery } from '../../src/index/query/parse.js';
import { createLogger } from '../../src/platform/logger.js';
import { mention } from '../contract/fixtures.js';

const WORDS = ['harbour', 'strike', 'recall', 'merger', 'outage', 'award', 'lawsuit', 'launch'];

/** `count` mentions in one month, two of the words in each, spread over its first 27 days. */
function monthOf(month: string, batch: number, count: number): Mention[] {
  return Array.from({ length: count }, (_, i) => {
    const day = String(1 + ((i * 7 + batch) % 27)).padStart(2, '0');
    const words = `${WORDS[(i + batch) % WORDS.length]} ${WORDS[(i * 3 + batch + 1) % WORDS.length]}`;
    return mention(`${month}-${batch}-${i}`, {
      publishedAt: `${month}-${day}T10:00:00.000Z`,
      fetchedAt: `${month}-${day}T10:05:00.000Z`,
      title: `Batch ${batch}: ${words}`,
      text: `Item ${i} of batch ${batch} reports a ${words} near the ${WORDS[i % WORDS.length]} desk.`,
    });
  });
}

/** Segments of each month's full-text table, read from the file itself. */
function segments(ftsPath: string): Record<string, number> {
  const db = new Database(ftsPath, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB 'mentions_fts_[0-9][0-9][0-9][0-9][0-9][0-9]'").pluck().all() as string[];
    return Object.fromEntries(tables.map((name) => [name.slice('mentions_fts_'.length), (db.prepare(`SELECT count(DISTINCT segid) AS n FROM ${name}_idx`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

/** What a few searches answer: ids in order, totals and scores. */
async function answers(index: MentionIndex): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const text of ['harbour', 'strike AND recall', 'merger OR outage', '"reports a lawsuit"', 'award NOT launch']) {
    for (const sort of ['date', 'relevance'] as const) {
      const page = await index.search({ query: parseQuery(text), sort, limit: 100, from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-05-01T00:00:00Z') });
      out.push({ text, sort, total: page.total, hits: page.hits.map((hit) => [hit.mention.id, hit.score, hit.snippets]) });
    }
  }
  return out;
}

describe('SQLite index: finished months merged', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hubwatch-compact-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('merges each finished month into one segment, leaves the current one, answers the same, and merges again after back-dated items', async () => {
    const path = join(dir, 'hubwatch.db');
    const ftsPath = join(dir, 'hubwatch.fts.db');
    const index = await openIndex({ sqlite: { path } }, { logger: createLogger({ level: 'silent' }) });
    try {
      // Three upserts, each writing every month: three segments a month.
      for (const batch of [0, 1, 2]) await index.upsert(['2026-02', '2026-03', '2026-04'].flatMap((month) => monthOf(month, batch, 40)));
      // A search waits until the full-text file holds every write.
      const before = await answers(index);
      expect(segments(ftsPath)).toEqual({ '202602': 3, '202603': 3, '202604': 3 });
      expect((before[0] as { total: number }).total).toBeGreaterThan(0);

      // On 1 April, March is not finished yet (two days of grace for late items).
      expect(await index.compact(new Date('2026-04-01T12:00:00Z'))).toBe(1);
      expect(segments(ftsPath)).toEqual({ '202602': 1, '202603': 3, '202604': 3 });
      expect(await index.compact(new Date('2026-04-20T12:00:00Z'))).toBe(1);
      expect(segments(ftsPath)).toEqual({ '202602': 1, '202603': 1, '202604': 3 });
      expect(await answers(index)).toEqual(before);
      expect(await index.compact(new Date('2026-04-20T12:00:00Z'))).toBe(0);

      // A back-dated item adds a segment to March; the next upkeep merges it again.
      await index.upsert([mention('late-march', { publishedAt: '2026-03-28T09:00:00.000Z', title: 'Late harbour news', text: 'A harbour item that came late.' })]);
      const late = async (): Promise<string[]> => (await index.search({ query: parseQuery('harbour AND late'), sort: 'date', limit: 10 })).hits.map((hit) => hit.mention.id);
      expect(await late()).toEqual([mention('late-march').id]);
      expect(segments(ftsPath)['202603']).toBe(2);
      expect(await index.compact(new Date('2026-04-20T12:00:00Z'))).toBe(1);
      expect(segments(ftsPath)['202603']).toBe(1);
      expect(await late()).toEqual([mention('late-march').id]);
    } finally {
      await index.close();
    }
  });

  it('merges in an in-memory index too', async () => {
    const index = await openIndex({ sqlite: { path: ':memory:' } }, { logger: createLogger({ level: 'silent' }) });
    try {
      for (const batch of [0, 1]) await index.upsert(monthOf('2026-02', batch, 30));
      const before = await answers(index);
      expect(await index.compact(new Date('2026-04-01T00:00:00Z'))).toBe(1);
      expect(await answers(index)).toEqual(before);
      expect(await index.compact(new Date('2026-04-01T00:00:00Z'))).toBe(0);
    } finally {
      await index.close();
    }
  });
});
