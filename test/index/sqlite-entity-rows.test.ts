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

it('refuses a file a newer version has migrated, rather than writing rows its schema lacks', async () => {
  const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
  await index.close();
  const db = new Database(path);
  db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)').run(99, 'a future migration', new Date().toISOString());
  db.close();
  expect(() => SqliteMentionIndex.open({ path, logger: silentLogger() })).toThrow(/written by a newer hubwatch \(schema version 99; this one knows up to \d+\)/);
});

describe("searches driven by one entry's rows", () => {
  it('answer what the list of its mentions answers: hits, totals, pages, by date and by relevance', async () => {
    const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
    const channels = ['news', 'social', 'blog'] as const;
    const labels = ['negative', 'neutral', 'positive'] as const;
    await index.upsert(
      Array.from({ length: 240 }, (_, i) =>
        mention(`m${i}`, {
          channel: channels[i % 3]!,
          language: i % 4 === 0 ? 'en' : 'fr',
          sentiment: { label: labels[(i * 7) % 3]!, score: 0 },
          entities: i % 5 === 0 ? [GLOBEX] : i % 2 === 0 ? [ACME, GLOBEX] : [ACME],
          publishedAt: new Date(Date.UTC(2026, 2, 1) + i * 3_600_000 * 7).toISOString(),
          title: `Item ${i} ${i % 3 === 0 ? 'harbour strike' : 'quiet day'}`,
          text: `Body ${i}: ${i % 2 === 0 ? 'the harbour strike goes on' : 'nothing to report'}.`,
        }),
      ),
    );
    // `brand:acm*` (a wildcard) is answered by the list of the entry's mentions: the reference.
    const queries = ['brand:X', 'brand:X AND sentiment:negative', 'brand:X AND channel:news AND sentiment:negative', 'harbour AND brand:X', 'brand:X AND lang:fr', 'strike AND brand:X AND channel:social'];
    for (const q of queries) {
      for (const sort of ['date', 'relevance'] as const) {
        const pages = async (query: string): Promise<unknown[]> => {
          const out: unknown[] = [];
          let cursor: string | undefined;
          do {
            const page = await index.search({ query: parseQuery(query), sort, limit: 7, from: new Date('2026-03-05T00:00:00Z'), to: new Date('2026-04-20T00:00:00Z'), ...(cursor ? { cursor } : {}) });
            out.push({ total: page.total, hits: page.hits.map((hit) => [hit.mention.url, hit.score, hit.snippets]) });
            cursor = page.nextCursor ?? undefined;
          } while (cursor);
          return out;
        };
        const driven = await pages(q.replace('brand:X', 'brand:acme'));
        expect(driven.length, `${q} by ${sort}`).toBeGreaterThan(1);
        expect(driven, `${q} by ${sort}`).toEqual(await pages(q.replace('brand:X', 'brand:acm*')));
      }
    }
    await index.close();
  });
});

