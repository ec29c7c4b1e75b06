import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/core/errors.js';
import { SAMPLE_TIMELINE_PATH, buildSampleFeeds } from '../../src/samples/sample-feeds.js';
import { OFFICIAL_ACCOUNT_ID } from '../../src/samples/sample-outlets.js';
import { startSampleServer, type SampleServer } from '../../src/samples/sample-server.js';

let clock = new Date('2026-11-27T10:00:00Z');
const opened: SampleServer[] = [];

async function start(): Promise<SampleServer> {
  const server = await startSampleServer({ port: 0, now: () => clock });
  opened.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((server) => server.close()));
  clock = new Date('2026-11-27T10:00:00Z');
});

describe('startSampleServer', () => {
  it('serves each feed on loopback with its content type, ETag and Last-Modified', async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const [path, expected] of buildSampleFeeds(clock)) {
      if (path === SAMPLE_TIMELINE_PATH) continue;
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe(expected.contentType);
      expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]+"$/);
      expect(response.headers.get('last-modified')).toBe('Fri, 27 Nov 2026 00:00:00 GMT');
      expect(await response.text()).toBe(expected.body);
    }
  });

  it('answers 304 to a matching If-None-Match or If-Modified-Since, 200 to a stale one', async () => {
    const server = await start();
    const url = `${server.url}/feeds/le-quotidien.xml`;
    const first = await fetch(url);
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    await first.text();
    const byEtag = await fetch(url, { headers: { 'If-None-Match': `"other", W/${etag}` } });
    expect(byEtag.status).toBe(304);
    expect(byEtag.headers.get('etag')).toBe(etag);
    expect(await byEtag.text()).toBe('');
    const byDate = await fetch(url, { headers: { 'If-Modified-Since': lastModified } });
    expect(byDate.status).toBe(304);
    const staleEtag = await fetch(url, { headers: { 'If-None-Match': '"stale"', 'If-Modified-Since': lastModified } });
    expect(staleEtag.status).toBe(200);
    await staleEtag.text();
    const olderDate = await fetch(url, { headers: { 'If-Modified-Since': 'Thu, 26 Nov 2026 00:00:00 GMT' } });
    expect(olderDate.status).toBe(200);
    await olderDate.text();
  });

  it('keeps the ETag all day and changes it the next day', async () => {
    const server = await start();
    const url = `${server.url}/feeds/commuter-notes.atom`;
    const morning = await fetch(url);
    const etag = morning.headers.get('etag') ?? '';
    await morning.text();
    clock = new Date('2026-11-27T23:59:00Z');
    const evening = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(evening.status).toBe(304);
    clock = new Date('2026-11-28T00:01:00Z');
    const tomorrow = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(tomorrow.status).toBe(200);
    expect(tomorrow.headers.get('etag')).not.toBe(etag);
    expect(tomorrow.headers.get('last-modified')).toBe('Sat, 28 Nov 2026 00:00:00 GMT');
    await tomorrow.text();
  });

  it('answers 404 for unknown paths, 405 for other methods, and HEAD without a body', async () => {
    const server = await start();
    const missing = await fetch(`${server.url}/feeds/nope.xml`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('/feeds/nope.xml');
    const post = await fetch(`${server.url}/feeds/daily-courier.xml`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    await post.text();
    const head = await fetch(`${server.url}/feeds/daily-courier.xml`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
    expect(await head.text()).toBe('');
    const index = await fetch(`${server.url}/`);
    expect(await index.text()).toContain(`${server.url}/feeds/daily-courier.xml`);
  });

  it('pages the hashtag timeline like Mastodon: limit, Link next via max_id, min_id to catch up', async () => {
    const server = await start();
    const all = JSON.parse(buildSampleFeeds(clock).get(SAMPLE_TIMELINE_PATH)?.body ?? '[]') as { id: string }[];
    const seen: string[] = [];
    let next: string | null = `${server.url}${SAMPLE_TIMELINE_PATH}?limit=40`;
    while (next) {
      const response: Response = await fetch(next);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { id: string }[];
      expect(page.length).toBeLessThanOrEqual(40);
      seen.push(...page.map((status) => status.id));
      next = /<([^>]+)>; rel="next"/.exec(response.headers.get('link') ?? '')?.[1] ?? null;
      if (page.length === 0) break;
    }
    expect(seen).toEqual(all.map((status) => status.id));

    const defaults = (await (await fetch(`${server.url}${SAMPLE_TIMELINE_PATH}`)).json()) as unknown[];
    expect(defaults.length).toBe(20);
    const newestTen = all.slice(0, 10).map((status) => status.id);
    const since = all[10]?.id ?? '';
    const caughtUp = (await (await fetch(`${server.url}${SAMPLE_TIMELINE_PATH}?min_id=${since}&limit=4`)).json()) as { id: string }[];
    expect(caughtUp.map((status) => status.id)).toEqual(newestTen.slice(-4));
    const first = await fetch(`${server.url}${SAMPLE_TIMELINE_PATH}?limit=5`);
    const etag = first.headers.get('etag') ?? '';
    await first.text();
    expect((await fetch(`${server.url}${SAMPLE_TIMELINE_PATH}?limit=5`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  it('looks up @AcmeRail and serves its statuses, as the account mode of the Mastodon API does', async () => {
    const server = await start();
    const lookup = await fetch(`${server.url}/api/v1/accounts/lookup?acct=AcmeRail`);
    expect(lookup.status).toBe(200);
    const account = (await lookup.json()) as { id: string; acct: string; followers_count: number };
    expect(account).toMatchObject({ id: OFFICIAL_ACCOUNT_ID, acct: 'AcmeRail' });
    const unknown = await fetch(`${server.url}/api/v1/accounts/lookup?acct=nobody`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'Record not found' });
    const statuses = (await (await fetch(`${server.url}/api/v1/accounts/${account.id}/statuses?limit=40`)).json()) as { account: { acct: string }; tags: unknown[] }[];
    expect(statuses.length).toBeGreaterThanOrEqual(12);
    expect(statuses.every((status) => status.account.acct === 'AcmeRail' && status.tags.length === 0)).toBe(true);
  });

  it('rejects with a clear error when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const attempt = startSampleServer({ port, now: () => clock });
      await expect(attempt).rejects.toBeInstanceOf(UserInputError);
      await expect(attempt).rejects.toThrow(/is in use/);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
