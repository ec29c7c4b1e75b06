import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MentionIndex } from '../../src/index/mention-index.js';
import { parseQuery } from '../../src/index/query/parse.js';
import { SqliteMentionIndex } from '../../src/index/sqlite/sqlite-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { brand, mention } from '../contract/fixtures.js';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hubwatch-entity-rows-'));
  path = join(dir, 'index.db');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Each entity row's (entity, mention id, label, channel), read from the file. */
function entityRows(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare("SELECT me.entity_id AS entity, substr(json_extract(t.doc, '$.url'), 22) AS id, me.label AS label, me.channel AS channel FROM mention_entities me JOIN mention_texts t ON t.seq = me.seq ORDER BY 1, 2")
      .all();
  } finally {
    db.close();
  }
}

async function ids(index: MentionIndex, q: string): Promise<string[]> {
  const page = await index.search({ query: parseQuery(q), sort: 'date', limit: 100 });
  return page.hits.map((hit) => hit.mention.url!.replace('https://news.example/', '')).sort();
}

const ACME = brand('acme', 'Acme');
const GLOBEX = brand('globex', 'Globex');

describe('entity rows carry the label and channel of their mention', () => {
  it('as written and rewritten, and searches by entry, sentiment and channel read them', async () => {
    const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
    await index.upsert([
      mention('news-neg', { channel: 'news', entities: [ACME], sentiment: { label: 'negative', score: -0.6 } }),
      mention('social-neg', { channel: 'social', entities: [ACME, GLOBEX], sentiment: { label: 'negative', score: -0.5 } }),
      mention('news-pos', { channel: 'news', entities: [ACME], sentiment: { label: 'positive', score: 0.7 } }),
    ]);
    expect(await ids(index, 'brand:acme AND channel:news')).toEqual(['news-neg', 'news-pos']);
    expect(await ids(index, 'brand:acme AND channel:news AND sentiment:negative')).toEqual(['news-neg']);
    // The same mention delivered again as a news article: its entity rows follow.
    await index.upsert([mention('social-neg', { channel: 'news', entities: [ACME, GLOBEX], sentiment: { label: 'negative', score: -0.5 } })]);
    expect(await ids(index, 'brand:acme AND channel:news AND sentiment:negative')).toEqual(['news-neg', 'social-neg']);
    expect(await ids(index, 'brand:globex AND channel:social')).toEqual([]);
    await index.close();
    expect(entityRows(path)).toEqual([
      { entity: 'acme', id: 'news-neg', label: 'negative', channel: 'news' },
      { entity: 'acme', id: 'news-pos', label: 'positive', channel: 'news' },
      { entity: 'acme', id: 'social-neg', label: 'negative', channel: 'news' },
      { entity: 'globex', id: 'social-neg', label: 'negative', channel: 'news' },
    ]);
  });

  it('backfills the channel of a file written before entity rows had it', async () => {
    const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
    await index.upsert([
      mention('a', { channel: 'news', entities: [ACME] }),
      mention('b', { channel: 'blog', entities: [ACME, GLOBEX] }),
    ]);
    await index.close();
    const kept = entityRows(path);
    // The file as the previous version left it: no channel column, migration 10 not applied.
    const db = new Database(path);
    db.exec('ALTER TABLE mention_entities DROP COLUMN channel');
    db.prepare('DELETE FROM schema_migrations WHERE version = 10').run();
    db.close();
    const reopened = SqliteMentionIndex.open({ path, logger: silentLogger() });
    expect(await ids(reopened, 'brand:acme AND channel:blog')).toEqual(['b']);
    await reopened.close();
    expect(entityRows(path)).toEqual(kept);
  });
});
