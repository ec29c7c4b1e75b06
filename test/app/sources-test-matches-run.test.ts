import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSource } from '../../src/app/source-test-service.js';
import { configSchema } from '../../src/config/schema.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { createEmbeddedPipeline } from '../../src/roles/embedded-pipeline.js';
import { startLoopbackServer, type LoopbackServer } from '../connectors/support/loopback-server.js';

const logger = silentLogger();
const now = new Date('2026-11-27T12:00:00Z');

// Every item here meets a different rule of normalisation: kept as is, repaired, collapsed, dropped.
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Edge News</title><link>https://edge.example/</link>
<item><title>Acme opens a plant</title><link>/plant</link><pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate><description>&lt;p&gt;Acme &lt;b&gt;opens&lt;/b&gt; a plant.&lt;/p&gt;</description></item>
<item><title>Same item twice</title><guid isPermaLink="false">dup-1</guid><pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate><description>first copy</description></item>
<item><title>Same item twice</title><guid isPermaLink="false">dup-1</guid><pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate><description>second copy</description></item>
<item><title>No way to identify it</title><description>no link, no guid</description></item>
<item><link>https://edge.example/empty</link></item>
<item><title>Unreadable date</title><link>https://edge.example/bad-date</link><pubDate>someday soon</pubDate></item>
<item><title>From the future</title><link>https://edge.example/future</link><pubDate>Mon, 01 Jan 2029 00:00:00 GMT</pubDate></item>
<item><title>Not a web link</title><link>javascript:alert(1)</link></item>
<item><link>https://edge.example/untitled</link><description>A body with no title gives the title its first words, cut at a word.</description></item>
<item><title>  Spaces   and &amp;amp; entities  </title><link>https://edge.example/spaces?utm_source=feed</link><pubDate>Wed, 25 Nov 2026 10:00:00 +0100</pubDate></item>
</channel></rss>`;

describe('sources test shows what run indexes', () => {
  let server: LoopbackServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-sources-test-'));
    server = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(FEED);
    });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists exactly the items, titles, links and dates that a poll of the same feed indexes', async () => {
    const url = server.url('/feed.xml');
    const port = Number(new URL(url).port);
    const config = configSchema.parse({
      sources: [{ id: 'edge', type: 'rss', url }],
      index: { sqlite: { path: join(dir, 'edge.db') } },
      fetch: { allow: [{ host: '127.0.0.1', ports: [port] }], perHost: { concurrency: 2, minDelay: 0 } },
    });
    const tested = await testSource({ url, type: 'rss' }, { fetch: config.fetch, logger, now: () => now });

    const index = await openIndex(config.index, { logger });
    const pipeline = await createEmbeddedPipeline(config, { index, logger, clock: () => now });
    try {
      const [report] = await pipeline.driver.runOnce();
      const page = await index.search({ query: null, sort: 'date', limit: 100 });
      const indexed = page.hits.map((hit) => ({ title: hit.mention.title, link: hit.mention.url, published: hit.mention.publishedAt }));
      const shown = tested.items.filter((item) => !item.dropped).map((item) => ({ title: item.title, link: item.link, published: item.published }));
      const byLink = (a: { link: string | null }, b: { link: string | null }): number => String(a.link).localeCompare(String(b.link));
      expect(shown.sort(byLink)).toEqual(indexed.sort(byLink));
      // The rules were all met: two dropped (no id, nothing to read), one collapsed, two repaired.
      expect(tested.delivered).toBe(10);
      expect(tested.kept).toBe(report!.indexed);
      expect(tested.items.map((item) => item.dropped ?? 'kept')).toEqual([
        'kept', 'kept', 'duplicate', 'missing-link-and-guid', 'empty-item', 'kept', 'kept', 'missing-link-and-guid', 'kept', 'kept',
      ]);
      expect(tested.problems.filter((p) => p.outcome === 'dropped').map((p) => p.reason).sort()).toEqual(
        report!.problems.filter((p) => p.outcome === 'dropped').map((p) => p.reason).sort(),
      );
      expect(tested.problems.map((p) => p.reason)).toEqual(expect.arrayContaining(['missing-link-and-guid', 'empty-item', 'invalid-date', 'future-date']));
    } finally {
      await pipeline.close();
      await index.close();
    }
  });
});
