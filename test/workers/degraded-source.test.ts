import { runInProcess } from '../support/in-process-cli.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourcesListCommand } from '../../src/cli/commands/sources-list.js';
import { parseConfig } from '../../src/config/load-config.js';
import { configSchema } from '../../src/config/schema.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { createEmbeddedPipeline } from '../../src/roles/embedded-pipeline.js';
import { startLoopbackServer, type LoopbackServer } from '../connectors/support/loopback-server.js';

const logger = silentLogger();
const now = new Date('2026-11-27T12:00:00Z');
const item = (n: number): string =>
  `<item><title>Acme : annonce ${n}</title><link>https://wire.example/acme-${n}</link><pubDate>Thu, 26 Nov 2026 0${n}:00:00 GMT</pubDate><description>Acme annonce ${n}.</description></item>`;
const whole = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>${[1, 2, 3, 4].map(item).join('')}</channel></rss>`;

/** The feed is cut off inside its third item on the first request, whole afterwards; it always sends an ETag. */
describe('a source whose document arrives cut off', () => {
  let dir: string;
  let server: LoopbackServer;
  const ifNoneMatch: (string | undefined)[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-degraded-'));
    server = await startLoopbackServer((req, res) => {
      ifNoneMatch.push(req.headers['if-none-match']);
      const first = ifNoneMatch.length === 1;
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: first ? '"cut"' : '"whole"' });
      res.end(first ? whole.slice(0, whole.indexOf('annonce 3.')) : whole);
    });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the complete items, shows the source degraded in `sources list`, and reads it whole next time', async () => {
    const shipped = parseConfig(readFileSync('config/hubwatch.yaml', 'utf8'), 'config/hubwatch.yaml', { env: {} });
    const settings = configSchema.parse({
      watchlist: shipped.watchlist,
      sources: [{ id: 'wire', type: 'rss', url: server.url('/wire.xml'), channel: 'news' }],
      fetch: { allow: [{ host: '127.0.0.1', ports: [server.port] }], perHost: { concurrency: 1, minDelay: 0 } },
      index: { sqlite: { path: join(dir, 'index.db') } },
    });
    const index = await openIndex(settings.index, { logger });
    const pipeline = await createEmbeddedPipeline(settings, { index, logger, clock: () => now });
    try {
      const [first] = await pipeline.driver.runOnce();
      expect(first).toMatchObject({ outcome: 'ok', fetched: 2, indexed: 2 });
      expect(first?.degraded).toMatch(/^document cut off inside <description>: the 2 complete items before the cut were kept/);
      const state = await pipeline.state.get('wire');
      expect(state.status).toBe('degraded');
      expect(state.lastError).toBe(first?.degraded);
      expect(state.cursor.etag ?? null).toBeNull();

      const listed = await sourcesList(settings);
      expect(listed).toMatchObject([{ id: 'wire', status: 'degraded', lastError: first?.degraded }]);

      const [second] = await pipeline.driver.runOnce();
      expect(ifNoneMatch).toEqual([undefined, undefined]);
      expect(second).toMatchObject({ outcome: 'ok', fetched: 4, indexed: 2 });
      expect(second?.degraded).toBeUndefined();
      expect((await pipeline.state.get('wire')).status).toBe('ok');
    } finally {
      await pipeline.close();
      await index.close();
    }
  });
});

/** `hubwatch sources list --json` in process, on the same configuration. */
async function sourcesList(settings: ReturnType<typeof configSchema.parse>): Promise<Record<string, unknown>[]> {
  const lines = await runInProcess(sourcesListCommand, ['sources', 'list', '--json'], {
    config: () => settings,
    configPath: () => 'hubwatch.yaml',
    logger: () => Promise.resolve(logger),
    openIndex: (options) => openIndex(settings.index, { logger, ...options }),
    clock: () => now,
  });
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}
