import { runInProcess } from '../support/in-process-cli.js';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOptionAssignments } from '../../src/app/option-assignments.js';
import { sourcesTestCommand } from '../../src/cli/commands/sources-test.js';
import { UserInputError } from '../../src/core/errors.js';
import { startLoopbackServer, type LoopbackServer } from '../connectors/support/loopback-server.js';

const fixture = (path: string): string => readFileSync(new URL(`../../src/connectors/${path}`, import.meta.url), 'utf8');

let server: LoopbackServer;
beforeAll(async () => {
  // A self-hosted stand-in for each API, answering with the recorded shapes.
  server = await startLoopbackServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (type: string, body: string) => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    switch (url.pathname) {
      case '/api/v1/search_by_date':
        return send('application/json', url.searchParams.get('tags') === '(story)' ? fixture('hackernews/fixtures/search-by-date.json') : '{"hits":[]}');
      case '/xrpc/app.bsky.feed.getAuthorFeed':
        return send('application/json', fixture('bluesky/fixtures/author-feed.json'));
      case '/r/france/new.json':
        return send('application/json', fixture('reddit/fixtures/new.json'));
      case '/feeds/videos.xml':
        return send('application/atom+xml', fixture('youtube/fixtures/channel.xml'));
      case '/rss/search':
        return send('application/xml', fixture('news-search/fixtures/google-news.xml'));
      default:
        res.writeHead(404);
        res.end();
    }
  });
});
afterAll(async () => server.close());

/** Runs `hubwatch sources test …` with no configuration file; returns the JSON lines. */
async function run(args: string[]): Promise<Record<string, unknown>[]> {
  const lines = await runInProcess(sourcesTestCommand, ['sources', 'test', ...args, '--json']);
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

const items = (lines: Record<string, unknown>[]) => lines.filter((line) => line['kind'] === 'item');

describe('parseOptionAssignments', () => {
  it('reads JSON values when they parse, text otherwise, nested keys with dots; the last one wins', () => {
    expect(parseOptionAssignments(['query=acme rail', 'hitsPerPage=20', 'kinds=["story"]', 'a.b.c=true', 'a.b.d="42"', 'url=http://x/?q=a=b', 'query=acme'])).toEqual({
      query: 'acme', hitsPerPage: 20, kinds: ['story'], a: { b: { c: true, d: '42' } }, url: 'http://x/?q=a=b',
    });
    expect(parseOptionAssignments(['empty='])).toEqual({ empty: '' });
  });

  it('refuses a malformed assignment, naming it', () => {
    expect(() => parseOptionAssignments(['query'])).toThrow(/--option "query": expected key=value/);
    expect(() => parseOptionAssignments(['a..b=1'])).toThrow(UserInputError);
    expect(() => parseOptionAssignments(['a=1', 'a.b=2'])).toThrow(/--option a\.b: a is already set to 1, not an object/);
    expect(() => parseOptionAssignments(['__proto__.x=1'])).toThrow(/cannot be an option name/);
  });
});

describe('hubwatch sources test --option', () => {
  it('tries Hacker News against a self-hosted endpoint, without a URL', async () => {
    const lines = await run(['--type', 'hackernews', '--option', 'query=acme', '--option', 'kinds=["story"]', '--option', `baseUrl=${server.origin}`, '--allow-private']);
    expect(lines[0]).toMatchObject({ kind: 'source', url: null, type: 'hackernews', detectedType: 'hackernews-algolia' });
    expect(items(lines).map((item) => [item['link'], item['sharedUrl']])).toEqual([
      ['https://news.ycombinator.com/item?id=41000002', undefined],
      ['https://news.ycombinator.com/item?id=41000001', 'https://acme.example/blog/api'],
      ['https://news.ycombinator.com/item?id=41000003', undefined],
    ]);
    expect(server.requests.at(-1)!.url).toContain('tags=%28story%29');
  });

  it('tries Bluesky, Reddit, YouTube and a news search the same way', async () => {
    const bluesky = await run(['--type', 'bluesky', '--option', 'actor=acme.bsky.social', '--option', `appViewUrl=${server.origin}`, '--allow-private']);
    expect(items(bluesky)[0]).toMatchObject({ link: 'https://bsky.app/profile/acme.bsky.social/post/3kabc123xyz', author: 'Acme Rail (@acme.bsky.social)' });
    const reddit = await run(['--type', 'reddit', '--option', 'subreddit=france', '--option', `baseUrl=${server.origin}`, '--allow-private']);
    expect(items(reddit)[0]).toMatchObject({ title: 'Acme Rail strike next week?', audience: { score: 132, comments: 48 } });
    const youtube = await run(['--type', 'youtube', '--option', 'channelId=UCabcdefghijklmnopqrstuv', '--option', `baseUrl=${server.origin}`, '--allow-private']);
    expect(items(youtube)[0]).toMatchObject({ title: 'Inside the new Acme train', audience: { views: 15234 } });
    const news = await run(['--type', 'news-search', '--option', 'query="Acme Rail"', '--option', 'language=fr', '--option', 'country=FR', '--option', `baseUrl=${server.origin}`, '--allow-private']);
    expect(items(news).map((item) => item['author'])).toEqual(['Le Journal Exemple', 'Radio Exemple']);
  });

  it('options complete those a URL implies and override them', async () => {
    const lines = await run(['https://bsky.app/profile/someone.example', '--type', 'bluesky', '--option', 'actor=acme.bsky.social', '--option', `appViewUrl=${server.origin}`, '--allow-private']);
    expect(lines[0]).toMatchObject({ type: 'bluesky' });
    expect(server.requests.at(-1)!.url).toContain('actor=acme.bsky.social');
  });

  it('a bad option is refused before any request, naming the option', async () => {
    const before = server.hits;
    await expect(run(['--type', 'hackernews', '--option', 'query=acme', '--option', 'hitsPerPage=500'])).rejects.toThrow(/type hackernews: --option hitsPerPage: .*100/);
    await expect(run(['--type', 'hackernews', '--option', 'query=acme', '--option', 'colour=blue'])).rejects.toThrow(/--option colour: not an option of this type/);
    await expect(run(['--type', 'hackernews'])).rejects.toThrow(/option query: .*\(set it with --option query=…\)/);
    await expect(run(['--type', 'mastodon', '--option', `instance=${server.origin}`, '--option', 'hashtag=2026'])).rejects.toThrow(/--option hashtag: .*write --option 'hashtag="2026"' to give it as text/);
    await expect(run(['--type', 'rss'])).rejects.toThrow(/type rss reads a URL: give one/);
    await expect(run([])).rejects.toThrow(/give a URL, or a --type with its options/);
    expect(server.hits).toBe(before);
  });

  it('without --allow-private the loopback endpoint given as an option stays closed', async () => {
    await expect(run(['--type', 'hackernews', '--option', 'query=acme', '--option', `baseUrl=${server.origin}`])).rejects.toThrow(/--allow-private/);
  });
});
