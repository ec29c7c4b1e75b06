import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSchema } from '../../config/schema.js';
import { silentLogger } from '../../platform/logger.js';
import { createHttpFetcher } from '../http/create-http-fetcher.js';
import type { HttpFetcher } from '../http/http-fetcher.js';
import { startLoopbackServer, type LoopbackServer } from '../../../test/connectors/support/loopback-server.js';
import { mastodonManifest } from './manifest.js';

const timeline = JSON.parse(readFileSync(new URL('./fixtures/tag-timeline.json', import.meta.url), 'utf8')) as unknown[];
let server: LoopbackServer;
let fetcher: HttpFetcher;
const context = () => ({ fetcher, logger: silentLogger(), now: () => new Date('2026-11-27T00:00:00Z') });

beforeAll(async () => {
  server = await startLoopbackServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json; charset=utf-8');
    if (url.pathname === '/api/v1/timelines/tag/acme') {
      const since = url.searchParams.get('since_id');
      return void res.end(JSON.stringify(since === '113500000000000003' ? [] : timeline));
    }
    if (url.pathname === '/api/v1/timelines/tag/many') {
      // 50 statuses, ids 1000..1049, newest first, paged like Mastodon (limit, max_id, since_id).
      const limit = Number(url.searchParams.get('limit'));
      const maxId = Number(url.searchParams.get('max_id') ?? Infinity);
      const sinceId = Number(url.searchParams.get('since_id') ?? -1);
      const ids = Array.from({ length: 50 }, (_, i) => 1049 - i).filter((id) => id < maxId && id > sinceId).slice(0, limit);
      return void res.end(JSON.stringify(ids.map((id) => ({ id: String(id), uri: `https://m.example/s/${id}`, url: `https://m.example/@a/${id}`, content: '<p>x</p>', created_at: '2026-11-26T00:00:00Z' }))));
    }
    if (url.pathname === '/api/v1/accounts/lookup') {
      if (url.searchParams.get('acct') !== 'claire') {
        res.statusCode = 404;
        return void res.end('{"error":"Record not found"}');
      }
      return void res.end('{"id":"1","acct":"claire","followers_count":1200}');
    }
    if (url.pathname === '/api/v1/accounts/1/statuses') return void res.end(JSON.stringify([{ id: '9', reblog: timeline[0], account: { acct: 'booster' } }]));
    res.statusCode = 404;
    res.end('{}');
  });
  fetcher = createHttpFetcher({ ...fetchSchema.parse(undefined), allow: [{ host: '127.0.0.1', ports: [server.port] }] }, { logger: silentLogger() });
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

const definition = (options: Record<string, unknown>) => ({
  id: 'masto', name: 'masto', type: 'mastodon', url: null, channel: 'social' as const, options: mastodonManifest.optionsSchema.parse(options),
});

describe('mastodon connector', () => {
  it('maps a hashtag timeline with authors and audience figures; a broken status costs only itself', async () => {
    const outcome = await mastodonManifest.create().fetch(definition({ instance: server.origin, hashtag: 'acme' }), {}, context());
    expect(outcome.items).toHaveLength(2);
    expect(outcome.items[0]).toMatchObject({
      guid: 'https://mastodon.example/users/claire/statuses/113500000000000003',
      link: 'https://mastodon.example/@claire/113500000000000003',
      author: 'Claire D. (@claire)',
      published: '2026-11-26T10:00:00.000Z',
      languageHint: 'fr',
      channel: 'social',
      categories: ['acme'],
      audience: { followers: 1200, shares: 5, comments: 2, score: 11 },
    });
    expect(outcome.items[1]).toMatchObject({ author: '@bob@other.example', summaryHtml: 'CW: rant' });
    expect(outcome.problems).toEqual([expect.objectContaining({ index: 2, reason: 'not-a-status', outcome: 'dropped' })]);
    expect(outcome.cursor.position).toBe('113500000000000003');
    const again = await mastodonManifest.create().fetch(definition({ instance: server.origin, hashtag: 'acme' }), outcome.cursor, context());
    expect(again.items).toEqual([]);
    expect(server.requests.at(-1)!.url).toContain('since_id=113500000000000003');
  });

  it('backfills history page by page on the first poll, bounded by maxPages, and closes gaps later', async () => {
    const first = await mastodonManifest.create().fetch(definition({ instance: server.origin, hashtag: 'many', limit: 20 }), {}, context());
    expect(first.items).toHaveLength(50);
    expect(first.cursor.position).toBe('1049');
    const bounded = await mastodonManifest.create().fetch(definition({ instance: server.origin, hashtag: 'many', limit: 20, maxPages: 2 }), {}, context());
    expect(bounded.items).toHaveLength(40);
    const gap = await mastodonManifest.create().fetch(definition({ instance: server.origin, hashtag: 'many', limit: 20 }), { position: '1010' }, context());
    expect(gap.items.map((item) => item.link)).toHaveLength(39);
  });

  it('reads an account through lookup, mapping boosts to the boosted status', async () => {
    const outcome = await mastodonManifest.create().fetch(definition({ instance: server.origin, account: '@claire' }), {}, context());
    expect(outcome.items[0]).toMatchObject({ author: 'Claire D. (@claire)', link: 'https://mastodon.example/@claire/113500000000000003' });
    await expect(mastodonManifest.create().fetch(definition({ instance: server.origin, account: 'nobody' }), {}, context())).rejects.toMatchObject({ status: 404 });
  });

  it('checks options and recognises URLs', () => {
    expect(mastodonManifest.optionsSchema.safeParse({ instance: 'https://m.example' }).success).toBe(false);
    expect(mastodonManifest.optionsSchema.safeParse({ instance: 'https://m.example', hashtag: '#acme' }).success).toBe(false);
    expect(mastodonManifest.matchUrl!(new URL('https://mastodon.social/tags/acme'))).toEqual({ instance: 'https://mastodon.social', hashtag: 'acme' });
    expect(mastodonManifest.matchUrl!(new URL('https://mastodon.social/@someone'))).toEqual({ instance: 'https://mastodon.social', account: 'someone' });
    expect(mastodonManifest.matchUrl!(new URL('https://example.com/feed'))).toBeNull();
  });
});
