import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { configSchema } from '../../src/config/schema.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { createEmbeddedPipeline } from '../../src/roles/embedded-pipeline.js';
import { startSampleServer, type SampleServer } from '../../src/samples/sample-server.js';

const logger = silentLogger();

/** The embedded role on real parts: sample server on loopback, SQLite index and state in a temp file. */
describe('embedded pipeline', () => {
  let dir: string;
  let server: SampleServer;
  const now = new Date();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-embedded-'));
    server = await startSampleServer({ port: 0, now: () => now });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function config(extra: Record<string, unknown>) {
    const shipped = parseConfig(readFileSync('config/hubwatch.yaml', 'utf8'), 'config/hubwatch.yaml', { env: {} });
    const port = Number(new URL(server.url).port);
    return configSchema.parse({
      watchlist: shipped.watchlist,
      sources: [
        { id: 'daily-courier', type: 'rss', url: `${server.url}/feeds/daily-courier.xml`, channel: 'news', tier: 1 },
        { id: 'broken', type: 'rss', url: `${server.url}/no-such-feed.xml` },
      ],
      fetch: { allow: [{ host: '127.0.0.1', ports: [port] }], perHost: { concurrency: 2, minDelay: 0 } },
      ...extra,
    });
  }

  it('keeps polling the good source when another fails, and records both in the state', async () => {
    const settings = config({ index: { sqlite: { path: join(dir, 'a.db') } } });
    const index = await openIndex(settings.index, { logger });
    const pipeline = await createEmbeddedPipeline(settings, { index, logger, clock: () => now });
    try {
      const [good, broken] = await pipeline.driver.runOnce();
      expect(good?.outcome).toBe('ok');
      expect(good?.indexed).toBeGreaterThan(10);
      expect(broken?.outcome).toBe('error');
      expect(broken?.error).toMatch(/404/);
      const state = await pipeline.state.get('broken');
      expect(state.lastError).toMatch(/404/);
      expect(state.consecutiveFailures).toBe(1);
      expect((await pipeline.state.get('daily-courier')).cursor.etag).toMatch(/^"[0-9a-f]+"$/);
    } finally {
      await pipeline.close();
      await index.close();
    }
  });

  it('applies index.retention: mentions older than it are deleted', async () => {
    const settings = config({ index: { sqlite: { path: join(dir, 'b.db') }, retention: '10d' } });
    const index = await openIndex(settings.index, { logger });
    const pipeline = await createEmbeddedPipeline(settings, { index, logger, clock: () => now });
    try {
      const [report] = await pipeline.driver.runOnce();
      const deleted = await pipeline.applyRetention();
      expect(deleted).toBeGreaterThan(0);
      const page = await index.search({ query: null, sort: 'date', limit: 100 });
      expect(page.total).toBe((report?.indexed ?? 0) - deleted);
      const cutoff = now.getTime() - 10 * 86_400_000;
      for (const hit of page.hits) expect(Date.parse(hit.mention.publishedAt)).toBeGreaterThanOrEqual(cutoff);
    } finally {
      await pipeline.close();
      await index.close();
    }
  });
});
