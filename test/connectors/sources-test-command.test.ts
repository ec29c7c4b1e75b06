import { runInProcess } from '../support/in-process-cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourcesTestCommand } from '../../src/cli/commands/sources-test.js';
import { FetchError, ParseError } from '../../src/core/errors.js';
import { startLoopbackServer, type LoopbackServer } from './support/loopback-server.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return void res.end(`<rss version="2.0"><channel><title>Loop News</title>
        <item><title>Acme wins</title><link>/a</link><pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Ann</dc:creator></item>
        <item><title>Bad date</title><link>/b</link><pubDate>someday</pubDate></item>
        <item><title>Nothing to identify it by</title></item></channel></rss>`);
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><head><title>Welcome</title></head><body>no feed here</body></html>');
  });
});
afterAll(async () => server.close());

/** Runs `hubwatch sources test …` with no configuration file, capturing stdout lines. */
async function run(args: string[]): Promise<string[]> {
  return runInProcess(sourcesTestCommand, ['sources', 'test', ...args]);
}

describe('hubwatch sources test', () => {
  it('refuses a loopback URL unless --allow-private, without a config file', async () => {
    const error = await run([server.url('/feed.xml')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).message).toContain(server.url('/feed.xml'));
    expect((error as FetchError).message).toMatch(/--allow-private.*fetch\.allow/);
    expect(server.hits).toBe(0);
  });

  it('prints the detected type, every item and every item-level problem as JSON lines', async () => {
    const lines = (await run([server.url('/feed.xml'), '--allow-private', '--json'])).map((line) => JSON.parse(line) as Record<string, unknown>);
    // A URL that is itself a feed is an rss source (the page-discovering blog type was only the guess).
    expect(lines[0]).toMatchObject({ kind: 'source', type: 'rss', title: 'Loop News', items: 3, problems: 2 });
    expect(lines[0]!['detectedType']).toBe('rss-2.0');
    expect(lines[1]).toEqual({ kind: 'item', index: 0, title: 'Acme wins', link: server.url('/a'), published: '2026-11-24T08:00:00.000Z', publishedRaw: 'Tue, 24 Nov 2026 08:00:00 GMT', author: 'Ann', guid: null, channel: 'blog' });
    expect(lines.filter((line) => line['kind'] === 'problem').map((line) => [line['index'], line['reason']])).toEqual([
      [1, 'invalid-date'],
      [2, 'missing-link-and-guid'],
    ]);
  });

  it('prints a readable summary by default', async () => {
    const lines = await run([server.url('/feed.xml'), '--allow-private', '--type', 'rss']);
    expect(lines[0]).toBe(`${server.url('/feed.xml')}: type rss, detected rss-2.0, "Loop News": 3 items, 2 problems`);
    expect(lines).toContain(`       ${server.url('/a')}  by Ann`);
  });

  it('a page that is not a feed and has none is a ParseError naming the URL, not an internal source id', async () => {
    const error = await run([server.url('/page'), '--allow-private', '--type', 'rss']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as Error).message).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/page: not a feed \(found an HTML page titled "Welcome"\)$/);
  });

  it('an unknown --type lists the known ones', async () => {
    await expect(run([server.url('/feed.xml'), '--type', 'gopher'])).rejects.toThrow(/unknown source type "gopher" \(known types: rss, jsonfeed, blog, mastodon, bluesky, reddit, hackernews, youtube, news-search\)/);
  });
});
