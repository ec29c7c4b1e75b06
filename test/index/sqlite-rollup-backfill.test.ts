import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SqliteMentionIndex } from '../../src/index/sqlite/sqlite-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { brand, mention } from '../contract/fixtures.js';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hubwatch-rollup-'));
  path = join(dir, 'index.db');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const ROLLUPS = ['source_days', 'author_days', 'story_days'] as const;

function rows(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(ROLLUPS.map((table) => [table, db.prepare(`SELECT * FROM ${table} WHERE count <> 0 ORDER BY 1, 2`).all()]));
  } finally {
    db.close();
  }
}

it('backfills the source, author and story rollups of a file written before them, as writes would have kept them', async () => {
  const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
  await index.upsert([
    mention('a', { publishedAt: '2026-03-01T23:59:00.000Z', storyId: 's1', sources: [{ id: 'le-monde', name: 'Le Monde' }, { id: 'wire', name: 'Wire' }] }),
    mention('b', { publishedAt: '2026-03-02T00:01:00.000Z', storyId: 's1', sharedUrl: 'https://news.example/a', author: null, entities: [brand('acme', 'Acme')] }),
    mention('c', { publishedAt: '2026-03-02T10:00:00.000Z', sourceId: 'wire', sourceName: 'Wire', author: 'Ann' }),
  ]);
  await index.close();
  const kept = rows(path);
  expect(kept.source_days).toHaveLength(4);
  // The file as the previous version left it: no rollup tables, migration 9 not applied.
  const db = new Database(path);
  for (const table of ROLLUPS) db.exec(`DROP TABLE ${table}`);
  db.prepare('DELETE FROM schema_migrations WHERE version = 9').run();
  db.close();
  const reopened = SqliteMentionIndex.open({ path, logger: silentLogger() });
  expect((await reopened.topTerms({ query: null, dimension: 'source', size: 5 })).map((b) => [b.key, b.count])).toEqual([['le-monde', 2], ['wire', 2]]);
  await reopened.close();
  expect(rows(path)).toEqual(kept);
});
