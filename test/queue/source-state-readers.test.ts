import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourcesListCommand } from '../../src/cli/commands/sources-list.js';
import { configSchema } from '../../src/config/schema.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { RedisStateStore } from '../../src/state/redis-state-store.js';
import { emptySourceState } from '../../src/state/state-store.js';
import { json, startTestApi, VIEWER_TOKEN } from '../api/api-fixture.js';
import { runInProcess } from '../support/in-process-cli.js';
import { deletePrefix, freePort, TEST_REDIS_URL, uniquePrefix } from '../support/redis-test.js';

const logger = silentLogger();
const now = new Date('2026-03-20T12:00:00Z');
const source = { id: 'le-monde', name: 'Le Monde', type: 'rss', url: 'https://www.lemonde.fr/rss/une.xml' };

/**
 * In distributed mode the source state lives in Redis: `sources list` and the API's source health
 * read it there (a worker on another machine polled the source; this machine may have no index).
 */
describe('source state readers in distributed mode', () => {
  let dir: string;
  let redis: Redis;
  const prefix = uniquePrefix('state-readers');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-state-readers-'));
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const store = new RedisStateStore(redis, prefix);
    await store.save({
      ...emptySourceState('le-monde'), status: 'failing', lastPollAt: '2026-03-20T11:58:00.000Z', lastSuccessAt: '2026-03-20T11:00:00.000Z',
      lastErrorAt: '2026-03-20T11:58:00.000Z', lastError: 'network: connection refused', consecutiveFailures: 2, intervalSeconds: 900, nextPollAt: '2026-03-20T12:13:00.000Z',
    });
  });

  afterAll(async () => {
    await deletePrefix(TEST_REDIS_URL, prefix);
    redis.disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  const settings = (queue: Record<string, unknown>) =>
    configSchema.parse({ sources: [source], index: { sqlite: { path: join(dir, 'no-index-here.db') } }, queue: { prefix, ...queue } });

  const sourcesList = async (config: ReturnType<typeof settings>): Promise<Record<string, unknown>[]> => {
    const lines = await runInProcess(sourcesListCommand, ['sources', 'list', '--json'], {
      config: () => config,
      logger: () => Promise.resolve(logger),
      openIndex: (options) => openIndex(config.index, { logger, ...options }),
      clock: () => now,
    });
    return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  };

  it('sources list shows the state kept in Redis, with no index file on this machine', async () => {
    const [view] = await sourcesList(settings({ redisUrl: TEST_REDIS_URL }));
    expect(view).toMatchObject({ id: 'le-monde', status: 'failing', lastSuccessAt: '2026-03-20T11:00:00.000Z', lastError: 'network: connection refused', intervalSeconds: 900 });
  });

  it('sources list says which Redis it cannot reach, within the connect deadline', async () => {
    const unreachable = `redis://127.0.0.1:${await freePort()}`;
    const started = Date.now();
    await expect(sourcesList(settings({ redisUrl: unreachable, connectTimeout: 1 }))).rejects.toThrow(/127\.0\.0\.1/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('the API gives the source health kept in Redis', async () => {
    const api = await startTestApi({ sources: [source], queue: { redisUrl: TEST_REDIS_URL, prefix }, now });
    try {
      const body = await json<{ sources: Record<string, unknown>[] }>(await api.get('/api/sources', { token: VIEWER_TOKEN }));
      expect(body.sources[0]).toMatchObject({ id: 'le-monde', status: 'failing', lastError: 'network: connection refused' });
    } finally {
      await api.close();
    }
  });
});
