import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_PAGE_SIZE, exportMentions, planExport } from '../../src/app/export-service.js';
import { UserInputError } from '../../src/core/errors.js';
import type { MentionIndex, SearchRequest } from '../../src/index/mention-index.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { brand, mention } from '../contract/fixtures.js';

const COUNT = 2 * EXPORT_PAGE_SIZE + 37;

describe('exportMentions', () => {
  let dir: string;
  let index: MentionIndex;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-export-'));
    index = await openIndex({ sqlite: { path: join(dir, 'index.db') } }, { logger: silentLogger() });
    const mentions = Array.from({ length: COUNT }, (_, i) =>
      mention(`m${i}`, {
        publishedAt: new Date(Date.UTC(2026, 2, 1) + (i % 50) * 3_600_000).toISOString(),
        entities: i % 3 === 0 ? [brand('acme', 'Acme Cloud')] : [],
      }),
    );
    await index.upsert(mentions);
  });

  afterAll(async () => {
    await index.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages through the index, one page in hand at a time, waiting for the sink', async () => {
    const searches: SearchRequest[] = [];
    const paging: MentionIndex = Object.assign(Object.create(index) as MentionIndex, {
      search: (request: SearchRequest) => (searches.push(request), index.search(request)),
    });
    const chunks: string[] = [];
    let writing = false;
    const summary = await exportMentions(paging, planExport({}, new Date()), async (text) => {
      expect(writing).toBe(false);
      writing = true;
      // A slow reader: the next page must not be read before this one is taken.
      const searchesBefore = searches.length;
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(searches.length).toBe(searchesBefore);
      chunks.push(text);
      writing = false;
      return true;
    });
    expect(summary).toEqual({ exported: COUNT, total: COUNT, complete: true });
    expect(searches).toHaveLength(3);
    expect(searches.every((request) => request.limit === EXPORT_PAGE_SIZE && request.sort === 'date')).toBe(true);
    const lines = chunks.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(COUNT);
    expect(new Set(lines.map((line) => (JSON.parse(line) as { id: string }).id)).size).toBe(COUNT);
    expect(Math.max(...chunks.map((chunk) => chunk.trimEnd().split('\n').length))).toBe(EXPORT_PAGE_SIZE);
  });

  it('walks windows of whole days, newest first, so no page costs the whole index', async () => {
    const searches: SearchRequest[] = [];
    const paging: MentionIndex = Object.assign(Object.create(index) as MentionIndex, {
      search: (request: SearchRequest) => (searches.push(request), index.search(request)),
    });
    const lines: string[] = [];
    const summary = await exportMentions(paging, planExport({}, new Date()), async (text) => (lines.push(...text.trimEnd().split('\n')), true), { windowSize: 60 });
    expect(summary).toEqual({ exported: COUNT, total: COUNT, complete: true });
    const published = lines.map((line) => (JSON.parse(line) as { publishedAt: string }).publishedAt);
    expect(published).toEqual([...published].sort().reverse());
    expect(new Set(lines).size).toBe(COUNT);
    // 2026-03-03 (a few), then 2026-03-02 and 2026-03-01 (each over 60: a window of its own, two pages).
    const windows = [...new Set(searches.map((r) => `${r.from!.toISOString()}/${r.to!.toISOString()}`))];
    expect(windows).toEqual([
      '2026-03-03T00:00:00.000Z/2026-03-04T00:00:00.000Z',
      '2026-03-02T00:00:00.000Z/2026-03-03T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z/2026-03-02T00:00:00.000Z',
    ]);
    expect(searches).toHaveLength(5);
  });

  it('exports what a query and a window select, and stops when the reader goes away', async () => {
    const plan = planExport({ query: 'brand:acme', from: '2026-03-01T10:00:00Z', to: '2026-03-02' }, new Date());
    const ids: string[] = [];
    const summary = await exportMentions(index, plan, async (text) => (ids.push(...text.trimEnd().split('\n')), true), { windowSize: 10 });
    const expected = (await index.search({ query: plan.query, from: plan.from!, to: plan.to!, sort: 'date', limit: 100 })).total;
    expect(summary.exported).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(COUNT / 3);
    const gone = await exportMentions(index, planExport({}, new Date()), async () => false);
    expect(gone).toMatchObject({ exported: 0, complete: false });
  });

  it('refuses a bad query with its position, and a window that ends before it starts', () => {
    expect(() => planExport({ query: 'acme)' }, new Date())).toThrow("unexpected ')' at 5");
    expect(() => planExport({ from: '2026-03-02', to: '2026-03-01' }, new Date())).toThrow(UserInputError);
  });
});
