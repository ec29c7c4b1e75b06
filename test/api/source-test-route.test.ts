import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApi, VIEWER_TOKEN, type TestApi } from './api-fixture.js';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback news</title>
<item><title>Acme Cloud opens in Lyon</title><link>https://news.example/lyon</link><pubDate>Tue, 10 Mar 2026 09:00:00 GMT</pubDate></item>
<item><title>Second item</title><link>https://news.example/two</link><pubDate>Wed, 11 Mar 2026 09:00:00 GMT</pubDate></item>
</channel></rss>`;

describe('POST /api/sources/:id/test', () => {
  let feed: Server;
  let api: TestApi;
  beforeAll(async () => {
    feed = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED));
    await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
    const port = (feed.address() as AddressInfo).port;
    api = await startTestApi({
      sources: [{ id: 'loopback', type: 'rss', url: `http://127.0.0.1:${port}/feed.xml` }],
      fetch: { allow: [{ host: '127.0.0.1', ports: [port] }] },
    });
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await new Promise((resolve) => feed.close(resolve));
  });

  it('polls a configured source once for an admin and shows what would be indexed', async () => {
    const response = await api.get('/api/sources/loopback/test', { method: 'POST' });
    expect(response.status, await response.clone().text()).toBe(200);
    const result = await json<{ type: string; title: string; delivered: number; kept: number; items: { title: string; link: string }[] }>(response);
    expect(result).toMatchObject({ type: 'rss', title: 'Loopback news', delivered: 2, kept: 2 });
    expect(result.items.map((i) => i.title)).toEqual(['Acme Cloud opens in Lyon', 'Second item']);
  });

  it('refuses viewers and unknown sources', async () => {
    expect((await api.get('/api/sources/loopback/test', { method: 'POST', token: VIEWER_TOKEN })).status).toBe(403);
    expect((await api.get('/api/sources/nope/test', { method: 'POST' })).status).toBe(404);
  });
});
