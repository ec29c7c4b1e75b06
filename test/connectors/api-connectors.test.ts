import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceSchema } from '../../src/config/schema.js';
import type { ConnectorCursor } from '../../src/connectors/connector.js';
import { getManifest, toSourceDefinition } from '../../src/connectors/registry.js';
import { newsSearchUrl } from '../../src/connectors/news-search/manifest.js';
import { FetchError, ParseError } from '../../src/core/errors.js';
import { startLoopbackServer, type LoopbackServer } from './support/loopback-server.js';
import { allowPort, testFetcher } from './support/fetcher.js';
import { fetchContext } from './support/fetch-context.js';

// Recorded-shape answers of each public API, served from loopback; the live web is never touched.
const fixture = (path: string): string => readFileSync(new URL(`../../src/connectors/${path}`, import.meta.url), 'utf8');

let server: LoopbackServer;
const seen: { path: string; auth: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = await startLoopbackServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let body = '';
    for await (const chunk of req) body += String(chunk);
    seen.push({ path: `${url.pathname}${url.search}`, auth: req.headers.authorization, body });
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    switch (url.pathname) {
      case '/xrpc/app.bsky.feed.getAuthorFeed':
        return void res.end(fixture('bluesky/fixtures/author-feed.json'));
      case '/xrpc/com.atproto.server.createSession': {
        const { password } = JSON.parse(body) as { password: string };
        return password === 'app-pass-1234' ? json(200, { accessJwt: 'jwt-abc', did: 'did:plc:me' }) : json(401, { error: 'AuthenticationRequired' });
      }
      case '/xrpc/app.bsky.feed.searchPosts':
        if (req.headers.authorization !== 'Bearer jwt-abc') return json(403, { error: 'Forbidden' });
        return json(200, { posts: [(JSON.parse(fixture('bluesky/fixtures/author-feed.json')) as { feed: { post: unknown }[] }).feed[0]!.post] });
      case '/r/france/new.json':
      case '/search.json':
        return void res.end(fixture('reddit/fixtures/new.json'));
      case '/api/v1/access_token':
        return req.headers.authorization === `Basic ${Buffer.from('cid:csecret').toString('base64')}` ? json(200, { access_token: 'tok-1', expires_in: 3600 }) : json(401, { error: 'invalid_grant' });
      case '/oauth/r/france/new.json':
        return req.headers.authorization === 'Bearer tok-1' ? void res.end(fixture('reddit/fixtures/new.json')) : json(403, {});
      case '/api/v1/search_by_date':
        return void res.end(url.searchParams.has('numericFilters') ? '{"hits":[]}' : fixture('hackernews/fixtures/search-by-date.json'));
      case '/feeds/videos.xml':
        res.writeHead(200, { 'content-type': 'application/atom+xml; charset=UTF-8' });
        return void res.end(fixture('youtube/fixtures/channel.xml'));
      case '/rss/search':
        res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' });
        return void res.end(fixture('news-search/fixtures/google-news.xml'));
      case '/news/search':
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
        return void res.end(fixture('news-search/fixtures/bing-news.xml'));
      case '/blog/':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end(fixture('blog/fixtures/home.html'));
      case '/feed/':
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        return void res.end('<rss version="2.0"><channel><title>Le blog</title><item><title>Billet</title><link>https://blog.example/billet</link></item></channel></rss>');
      case '/bare/':
        res.writeHead(200, { 'content-type': 'text/html' });
        return void res.end('<html><head><title>Bare</title></head></html>');
      default:
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<html><title>404</title></html>');
    }
  });
});
afterAll(async () => server.close());

async function poll(type: string, options: Record<string, unknown>, cursor: ConnectorCursor = {}, url?: string) {
  const fetcher = testFetcher({ allow: [allowPort(server.port)] });
  try {
    const definition = toSourceDefinition(sourceSchema.parse({ id: `t-${type}`, type, options, ...(url ? { url } : {}) }));
    return await getManifest(type)!.create().fetch(definition, cursor, fetchContext(fetcher));
  } finally {
    await fetcher.close();
  }
}

describe('bluesky', () => {
  it('reads an author feed from the public AppView, with engagement figures', async () => {
    const outcome = await poll('bluesky', { actor: 'acme.bsky.social', appViewUrl: server.origin });
    expect(outcome.items).toHaveLength(2);
    expect(outcome.items[0]).toMatchObject({
      guid: 'at://did:plc:acme123/app.bsky.feed.post/3kabc123xyz',
      link: 'https://bsky.app/profile/acme.bsky.social/post/3kabc123xyz',
      contentText: 'Our new line opens today! #acme',
      author: 'Acme Rail (@acme.bsky.social)',
      published: '2026-11-26T08:00:00.000Z',
      languageHint: 'en',
      channel: 'social',
      audience: { shares: 12, comments: 4, score: 52 },
    });
    expect(outcome.problems).toEqual([expect.objectContaining({ index: 1, reason: 'not-a-post' })]);
  });

  it('signs in with an app password for search, and a refused sign-in never echoes it', async () => {
    const outcome = await poll('bluesky', { search: 'acme', identifier: 'me.bsky.social', appPassword: 'app-pass-1234', serviceUrl: server.origin });
    expect(outcome.items[0]!.link).toBe('https://bsky.app/profile/acme.bsky.social/post/3kabc123xyz');
    const error = await poll('bluesky', { search: 'acme', identifier: 'me.bsky.social', appPassword: 'wrong-secret', serviceUrl: server.origin }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).message).toMatch(/refused the sign-in for me\.bsky\.social/);
    expect((error as FetchError).message).not.toContain('wrong-secret');
  });

  it('refuses search without credentials at config time', () => {
    expect(getManifest('bluesky')!.optionsSchema.safeParse({ search: 'acme' }).success).toBe(false);
  });
});

describe('reddit', () => {
  it('reads a subreddit listing anonymously; posts become forum items with score and comments', async () => {
    const outcome = await poll('reddit', { subreddit: 'france', baseUrl: server.origin });
    expect(outcome.items).toHaveLength(2);
    expect(outcome.items[0]).toMatchObject({
      guid: 'reddit:t3_abc1',
      link: 'https://www.reddit.com/r/france/comments/abc1/acme_rail_strike/',
      title: 'Acme Rail strike next week?',
      author: 'u/trainfan',
      channel: 'forum',
      categories: ['r/france', 'Actualités'],
      audience: { score: 132, comments: 48, followers: 2_500_000 },
    });
    expect(outcome.items[0]!.contentHtml).toContain('<strong>anything</strong>');
    expect((outcome.items[0]!.published as Date).toISOString()).toBe('2025-11-26T09:40:00.000Z');
    expect(outcome.problems).toEqual([expect.objectContaining({ index: 2, reason: 'not-a-post' })]);
  });

  it('uses OAuth client credentials when configured', async () => {
    const outcome = await poll('reddit', { subreddit: 'france', clientId: 'cid', clientSecret: 'csecret', baseUrl: server.origin, oauthBaseUrl: `${server.origin}/oauth` });
    expect(outcome.items).toHaveLength(2);
    const token = seen.find((entry) => entry.path === '/api/v1/access_token')!;
    expect(token.body).toBe('grant_type=client_credentials');
  });

  it('builds a site-wide search', async () => {
    await poll('reddit', { query: 'acme rail', baseUrl: server.origin });
    expect(seen.at(-1)!.path).toBe('/search.json?q=acme%20rail&sort=new&limit=100&raw_json=1');
  });
});

describe('hackernews', () => {
  it('reads stories and comments from Algolia and asks only for newer ones next time', async () => {
    const outcome = await poll('hackernews', { query: 'acme', baseUrl: server.origin });
    expect(outcome.items.map((item) => [item.title, item.link, item.author])).toEqual([
      ['Comment on: Acme launches an open API', 'https://news.ycombinator.com/item?id=41000002', 'pg_fan'],
      // A story is its submission (its HN permalink), sharing the article it links to.
      ['Acme launches an open API', 'https://news.ycombinator.com/item?id=41000001', 'founder'],
      ['Ask HN: Acme alternatives?', 'https://news.ycombinator.com/item?id=41000003', 'asker'],
    ]);
    expect(outcome.items[1]).toMatchObject({ channel: 'forum', sharedUrl: 'https://acme.example/blog/api', audience: { score: 212, comments: 87 } });
    expect(outcome.problems).toEqual([expect.objectContaining({ index: 3, reason: 'not-a-hit' })]);
    expect(outcome.cursor.position).toBe('1764151200');
    const next = await poll('hackernews', { query: 'acme', baseUrl: server.origin }, outcome.cursor);
    expect(next.items).toEqual([]);
    expect(decodeURIComponent(seen.at(-1)!.path)).toContain('numericFilters=created_at_i>1764151200');
  });
});

describe('youtube', () => {
  it('reads a channel feed as video items with views', async () => {
    const outcome = await poll('youtube', { channelId: 'UCabcdefghijklmnopqrstuv', baseUrl: server.origin });
    expect(outcome.items[0]).toMatchObject({
      guid: 'yt:video:vid00000001',
      link: 'https://www.youtube.com/watch?v=vid00000001',
      title: 'Inside the new Acme train',
      author: 'Acme Rail TV',
      summaryHtml: 'A tour of the cabin & the cockpit.',
      channel: 'video',
      audience: { views: 15234 },
    });
    expect(seen.at(-1)!.path).toBe('/feeds/videos.xml?channel_id=UCabcdefghijklmnopqrstuv');
  });
});

describe('news-search', () => {
  it('turns a query into a Google News RSS URL with language and country', () => {
    expect(newsSearchUrl({ query: '"Acme Rail"', language: 'fr', country: 'FR', engine: 'google-news' })).toBe(
      'https://news.google.com/rss/search?q=%22Acme%20Rail%22&hl=fr&gl=FR&ceid=FR:fr',
    );
    expect(newsSearchUrl({ query: 'acme', language: 'en', country: 'GB', engine: 'google-news' })).toContain('hl=en-GB&gl=GB&ceid=GB:en');
  });

  it('reads the results; the publisher stands in as author', async () => {
    const outcome = await poll('news-search', { query: '"Acme Rail"', language: 'fr', country: 'FR', baseUrl: server.origin });
    expect(outcome.items.map((item) => [item.title, item.author])).toEqual([
      ['Acme Rail annonce 200 recrutements - Le Journal Exemple', 'Le Journal Exemple'],
      ['Grève chez Acme Rail - Radio Exemple', 'Radio Exemple'],
    ]);
  });

  it('links each result to the publisher’s article when the engine’s redirect holds its URL', async () => {
    const google = await poll('news-search', { query: '"Acme Rail"', language: 'fr', country: 'FR', baseUrl: server.origin });
    expect(google.items.map((item) => item.link)).toEqual([
      // An older article id: the publisher's URL inside it.
      'https://journal.example.fr/economie/acme-rail-recrute',
      // A newer id holds no URL: the engine's link stays.
      expect.stringMatching(/^https:\/\/news\.google\.com\/rss\/articles\/CBMiMkFVX3lx/),
    ]);
    const bing = await poll('news-search', { query: 'Acme Rail', engine: 'bing-news', baseUrl: server.origin });
    expect(bing.items.map((item) => item.link)).toEqual(['https://blog.example/acme-api?utm_source=bing', 'https://radio.example/acme-strike']);
  });
});

describe('blog', () => {
  it('discovers the main feed (not the comments feed) and remembers it', async () => {
    const outcome = await poll('blog', {}, {}, server.url('/blog/'));
    expect(outcome.items.map((item) => item.title)).toEqual(['Billet']);
    expect(outcome.cursor.position).toBe(server.url('/feed/'));
    const before = seen.length;
    await poll('blog', {}, outcome.cursor, server.url('/blog/'));
    expect(seen.slice(before).map((entry) => entry.path)).toEqual(['/feed/']);
  });

  it('falls back to the usual paths, then says clearly that there is no feed', async () => {
    const found = await poll('blog', {}, {}, server.url('/bare/'));
    expect(found.cursor.position).toBe(server.url('/feed/'));
    const error = await poll('blog', { maxProbes: 0 }, {}, server.url('/bare/')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as Error).message).toMatch(/source "t-blog" \(.*\/bare\/\): not a feed \(found an HTML page titled "Bare"\); no feed found/);
  });
});
