import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { createEmbeddedPipeline } from '../../src/roles/embedded-pipeline.js';
import { startLoopbackServer, type LoopbackServer } from '../connectors/support/loopback-server.js';

const logger = silentLogger();
const now = new Date('2026-11-27T12:00:00Z');
const shares = readFileSync(new URL('../../src/connectors/hackernews/fixtures/search-shares.json', import.meta.url), 'utf8');

// The article itself, as its outlet's feed publishes it.
const OUTLET_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Blog Example</title><link>https://blog.example/</link>
<item><title>Acme opens its rail API</title><link>https://blog.example/acme-api</link><pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate>
<description>Timetables and live positions, free for non-commercial use.</description></item></channel></rss>`;

describe('shares and the article they share, through a poll into the SQLite index', () => {
  let server: LoopbackServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-shares-'));
    server = await startLoopbackServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/api/v1/search_by_date') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(shares);
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(OUTLET_FEED);
    });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every submission as its own mention with its sharedUrl and reach, and the article apart', async () => {
    const config = configSchema.parse({
      sources: [
        { id: 'hn', type: 'hackernews', options: { query: 'acme', baseUrl: server.origin } },
        { id: 'outlet', type: 'rss', url: server.url('/feed.xml'), tier: 2 },
      ],
      index: { sqlite: { path: join(dir, 'shares.db') } },
      fetch: { allow: [{ host: '127.0.0.1', ports: [server.port] }], perHost: { concurrency: 2, minDelay: 0 } },
    });
    const index = await openIndex(config.index, { logger });
    const pipeline = await createEmbeddedPipeline(config, { index, logger, clock: () => now });
    try {
      await pipeline.driver.runOnce();
      const page = await index.search({ query: null, sort: 'date', limit: 100 });
      const byUrl = new Map(page.hits.map((hit) => [hit.mention.url, hit.mention]));
      expect(page.hits).toHaveLength(6);
      const submissions = ['41100004', '41100003', '41100002', '41100001'].map((id) => byUrl.get(`https://news.ycombinator.com/item?id=${id}`)!);
      expect(submissions.map((m) => [m.author, m.publishedAt, m.sharedUrl])).toEqual([
        ['dana', '2026-11-26T12:00:00.000Z', 'https://blog.example/acme-api#pricing'],
        ['carl', '2026-11-26T11:00:00.000Z', 'https://blog.example/acme-api#comments'],
        ['bea', '2026-11-26T10:00:00.000Z', 'https://blog.example/acme-api?utm_source=hn'],
        ['abe', '2026-11-26T09:00:00.000Z', 'https://blog.example/acme-api'],
      ]);
      // The front-page submission's points and comments outweigh an unrated source's nominal audience.
      expect(submissions[3]!.reach).toBe(Math.round(Math.log10(1 + 1830 + 5 * 640) * 100) / 100);
      expect(submissions[1]!.reach).toBe(3);
      const article = byUrl.get('https://blog.example/acme-api')!;
      expect(article).toMatchObject({ sourceId: 'outlet', author: null, reach: 5 });
      expect(article.sharedUrl).toBeUndefined();
      // Every submission, whatever its fragment or tag, is in the article's story.
      expect(submissions.map((m) => m.storyId)).toEqual(submissions.map(() => article.id));
    } finally {
      await pipeline.close();
      await index.close();
    }
  });
});
