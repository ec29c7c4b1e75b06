import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceSchema } from '../../src/config/schema.js';
import type { ConnectorCursor } from '../../src/connectors/connector.js';
import { getManifest, toSourceDefinition } from '../../src/connectors/registry.js';
import { normaliseItem } from '../../src/core/normalise.js';
import type { RawItem } from '../../src/core/raw-item.js';
import { startLoopbackServer, type LoopbackServer } from './support/loopback-server.js';
import { allowPort, testFetcher } from './support/fetcher.js';
import { fetchContext } from './support/fetch-context.js';

// Answers shaped after each API's public documentation (older server versions, link cards,
// reposts, edited and deleted posts, paging cursors), served from loopback.
const fixture = (path: string): string => readFileSync(new URL(`../../src/connectors/${path}`, import.meta.url), 'utf8');

let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json; charset=utf-8');
    switch (url.pathname) {
      case '/api/v1/timelines/tag/hoot':
        return void res.end(url.searchParams.has('since_id') ? '[]' : fixture('mastodon/fixtures/tag-timeline-v1.json'));
      case '/api/v1/accounts/lookup':
        return void res.end('{"id":12,"username":"anne","acct":"anne","followers_count":85}');
      case '/api/v1/accounts/12/statuses':
        return void res.end(fixture('mastodon/fixtures/tag-timeline-v1.json'));
      default:
        res.statusCode = 404;
        res.end('{"error":"Record not found"}');
    }
  });
});
afterAll(async () => server.close());

async function poll(type: string, options: Record<string, unknown>, cursor: ConnectorCursor = {}) {
  const fetcher = testFetcher({ allow: [allowPort(server.port)] });
  try {
    const definition = toSourceDefinition(sourceSchema.parse({ id: `t-${type}`, type, options }));
    return await getManifest(type)!.create().fetch(definition, cursor, fetchContext(fetcher));
  } finally {
    await fetcher.close();
  }
}

/** The mention fields a raw item becomes, as the pipeline normalises it. */
function normalised(item: RawItem, channel: 'social' | 'forum' | 'video' | 'news' = 'social') {
  const result = normaliseItem(item, { id: 's', name: 'S', channel, url: null }, { now: new Date('2026-12-01T00:00:00Z') });
  if (!result.ok) throw new Error(result.problem.message);
  return result.item;
}

describe('mastodon before 2.0 (ids and counts as numbers)', () => {
  it('reads numeric ids as ids, keeps the cursor as a string, and refuses an id that lost digits', async () => {
    const outcome = await poll('mastodon', { instance: server.origin, hashtag: 'hoot' });
    expect(outcome.items.map((item) => item.link)).toEqual(['https://oldtoot.example/@anne/10482', 'https://oldtoot.example/@anne/10470']);
    expect(outcome.items[0]).toMatchObject({ author: 'Anne (@anne)', audience: { followers: 85, shares: 3, score: 7 } });
    expect(outcome.problems).toEqual([expect.objectContaining({ index: 2, reason: 'not-a-status', outcome: 'dropped' })]);
    expect(outcome.cursor.position).toBe('10482');
    const next = await poll('mastodon', { instance: server.origin, hashtag: 'hoot' }, outcome.cursor);
    expect(next.items).toEqual([]);
  });

  it('looks an account up by its numeric id', async () => {
    const outcome = await poll('mastodon', { instance: server.origin, account: 'anne' });
    expect(outcome.items).toHaveLength(2);
  });

  it('titles whole short toots, last word included', async () => {
    const outcome = await poll('mastodon', { instance: server.origin, hashtag: 'hoot' });
    expect(outcome.items.map((item) => normalised(item).title)).toEqual(['Toot number 9!', '#hoot (hashtag toot)']);
  });
});
