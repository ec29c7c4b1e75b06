import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceSchema } from '../../src/config/schema.js';
import type { ConnectorCursor } from '../../src/connectors/connector.js';
import { getManifest, toSourceDefinition } from '../../src/connectors/registry.js';
import { normaliseItem } from '../../src/core/normalise.js';
import { computeReach } from '../../src/enrich/reach.js';
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
      case '/api/v1/timelines/tag/rail':
        return void res.end(fixture('mastodon/fixtures/card-timeline.json'));
      case '/api/v1/search_by_date':
        return void res.end(fixture('hackernews/fixtures/search-shares.json'));
      case '/r/trains/new.json':
        return void res.end(fixture('reddit/fixtures/link-posts.json'));
      case '/xrpc/app.bsky.feed.getAuthorFeed':
        return void res.end(fixture('bluesky/fixtures/link-cards.json'));
      case '/feeds/videos.xml':
        res.setHeader('content-type', 'application/atom+xml; charset=UTF-8');
        return void res.end(fixture('youtube/fixtures/channel.xml'));
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

/** The reach of an item from a source whose own audience is negligible: what the item's figures weigh. */
const reachOf = (item: RawItem): number => computeReach({ audience: 1 }, normalised(item).audience);
const weight = (audience: number): number => Math.round(Math.log10(1 + audience) * 100) / 100;

describe('a share is its own mention, linking to the article it shares', () => {
  it('Hacker News: four submissions of one article stay four, each with its submitter, date and points', async () => {
    const outcome = await poll('hackernews', { query: 'acme', baseUrl: server.origin });
    const stories = outcome.items.filter((item) => typeof item.title === 'string' && !item.title.startsWith('Comment on:'));
    expect(stories.map((item) => [item.link, item.sharedUrl, item.author, item.published])).toEqual([
      ['https://news.ycombinator.com/item?id=41100004', 'https://blog.example/acme-api#pricing', 'dana', '2026-11-26T12:00:00Z'],
      ['https://news.ycombinator.com/item?id=41100003', 'https://blog.example/acme-api#comments', 'carl', '2026-11-26T11:00:00Z'],
      ['https://news.ycombinator.com/item?id=41100002', 'https://blog.example/acme-api?utm_source=hn', 'bea', '2026-11-26T10:00:00Z'],
      ['https://news.ycombinator.com/item?id=41100001', 'https://blog.example/acme-api', 'abe', '2026-11-26T09:00:00Z'],
    ]);
    const mentions = outcome.items.map((item) => normalised(item, 'forum'));
    expect(new Set(mentions.map((m) => m.id)).size).toBe(5);
    expect(mentions[0]).toMatchObject({ url: 'https://news.ycombinator.com/item?id=41100004', sharedUrl: 'https://blog.example/acme-api#pricing' });
    // A comment is not a share: it has no shared URL, even when it links to the article.
    expect(mentions[4]).toMatchObject({ url: 'https://news.ycombinator.com/item?id=41100010', title: 'Comment on: Acme opens its rail API' });
    expect(mentions[4]!.sharedUrl).toBeUndefined();
    // Points and comments are the submission's own, and weigh in its reach.
    expect(stories[3]!.audience).toEqual({ score: 1830, comments: 640 });
    expect(reachOf(stories[3]!)).toBe(weight(1830 + 5 * 640));
    expect(reachOf(stories[1]!)).toBe(weight(2));
  });

  it('Reddit: a link post shares its article; a self post shares nothing; a deleted author is no author', async () => {
    const outcome = await poll('reddit', { subreddit: 'trains', baseUrl: server.origin });
    expect(outcome.items.map((item) => [item.link, item.sharedUrl, item.author])).toEqual([
      [`https://www.reddit.com/r/trains/comments/lnk1/acme_opens_its_rail_api/`, 'https://blog.example/acme-api#pricing', 'u/railnerd'],
      [`https://www.reddit.com/r/france/comments/lnk2/quelquun_a_test%C3%A9_lapi_dacme/`, undefined, 'u/curieux'],
      [`https://www.reddit.com/r/france/comments/lnk3/x/`, undefined, null],
    ]);
    expect(outcome.items[0]!.audience).toEqual({ score: 950, comments: 210, shares: 2, followers: 412_000 });
    // Subscribers sent as a string still count.
    expect(outcome.items[2]!.audience).toMatchObject({ followers: 2_500_000 });
    expect(reachOf(outcome.items[0]!)).toBe(weight(412_000 + 10 * 2 + 5 * 210 + 950));
  });

  it('Bluesky: a link card (alone or with a quote) is shared; a repost is the original post by its author', async () => {
    const outcome = await poll('bluesky', { actor: 'railwatch.bsky.social', appViewUrl: server.origin });
    expect(outcome.items.map((item) => [item.link, item.sharedUrl, item.author])).toEqual([
      ['https://bsky.app/profile/railwatch.bsky.social/post/3lcard0001', 'https://blog.example/acme-api#pricing', 'Rail Watch (@railwatch.bsky.social)'],
      ['https://bsky.app/profile/acme.bsky.social/post/3lorig0002', undefined, 'Acme Rail (@acme.bsky.social)'],
      ['https://bsky.app/profile/railwatch.bsky.social/post/3lmedia0003', 'https://blog.example/acme-api', 'Rail Watch (@railwatch.bsky.social)'],
    ]);
    expect(outcome.items[0]!.audience).toEqual({ shares: 30, comments: 3, score: 140 });
    expect(outcome.items[2]!.audience).toEqual({ shares: 2, comments: 0, score: 4 });
    expect(normalised(outcome.items[0]!).title).toBe('Acme opens its rail API, free for non-commercial use');
    expect(reachOf(outcome.items[0]!)).toBe(weight(10 * 30 + 5 * 3 + 140));
  });

  it('Mastodon: a status with a link card shares its article; an edited status keeps both times', async () => {
    const outcome = await poll('mastodon', { instance: server.origin, hashtag: 'rail' });
    expect(outcome.items[0]).toMatchObject({
      link: 'https://rail.social/@tram/113600000000000021',
      sharedUrl: 'https://blog.example/acme-api#pricing',
      published: '2026-11-26T13:00:00.000Z',
      updated: '2026-11-26T13:05:00.000Z',
      audience: { followers: 2300, shares: 8, comments: 4, score: 30 },
    });
    expect(reachOf(outcome.items[0]!)).toBe(weight(2300 + 10 * 8 + 5 * 4 + 30));
  });

  it('YouTube: views and likes are the video\'s audience', async () => {
    const outcome = await poll('youtube', { channelId: 'UCabcdefghijklmnopqrstuv', baseUrl: server.origin });
    expect(outcome.items[0]!.audience).toEqual({ views: 15234, score: 310 });
    expect(reachOf(outcome.items[0]!)).toBe(weight(15234 + 310));
  });
});
