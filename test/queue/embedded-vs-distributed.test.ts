import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import type { HubwatchConfig } from '../../src/config/schema.js';
import { checkSource } from '../../src/connectors/registry.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { createDistributedPipeline } from '../../src/roles/distributed-pipeline.js';
import { createEmbeddedPipeline } from '../../src/roles/embedded-pipeline.js';
import { startSampleServer, type SampleServer } from '../../src/samples/sample-server.js';
import { deletePrefix, freePort, TEST_REDIS_URL, uniquePrefix } from '../support/redis-test.js';
import { writeSampleWorldConfig } from '../support/sample-world-config.js';
import { indexSnapshot } from './index-snapshot.js';

const logger = silentLogger();

/** The same input gives the same index, whether the catalog runs in process or on the queues. */
describe('embedded and distributed runs', () => {
  let dir: string;
  let server: SampleServer;
  let base: HubwatchConfig;
  const now = new Date();
  const prefix = uniquePrefix('same-index');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-same-index-'));
    server = await startSampleServer({ port: 0, now: () => now });
    base = loadConfig(writeSampleWorldConfig(dir, server.url, join(dir, 'unused.db')), { env: {}, checkSource });
  });

  afterAll(async () => {
    await server.close();
    await deletePrefix(TEST_REDIS_URL, prefix);
    rmSync(dir, { recursive: true, force: true });
  });

  async function runOnce(mode: 'embedded' | 'distributed', onDistributed?: (metricsPort: number) => Promise<void>) {
    const config: HubwatchConfig = {
      ...base,
      index: { ...base.index, sqlite: { path: join(dir, `${mode}.db`) } },
      // One poll and one batch at a time in both modes: story assignment follows the order batches
      // arrive in (as between two embedded runs with several polls at once), so both see one order.
      concurrency: 1,
      queue: { ...base.queue, fetchConcurrency: 1, enrichConcurrency: 1, ...(mode === 'distributed' ? { redisUrl: TEST_REDIS_URL, prefix } : {}) },
    };
    const index = await openIndex(config.index, { logger });
    const deps = { index, logger, clock: () => now, alertOutput: () => undefined };
    const pipeline = mode === 'embedded' ? await createEmbeddedPipeline(config, deps) : await createDistributedPipeline(config, { ...deps, roles: ['fetch', 'enrich'], metricsPort: await freePort() });
    try {
      const reports = await pipeline.driver.runOnce();
      if ('metricsPort' in pipeline && pipeline.metricsPort) await onDistributed?.(pipeline.metricsPort);
      return { reports, snapshot: await indexSnapshot(index) };
    } finally {
      await pipeline.close();
      await index.close();
    }
  }

  it('indexes the sample world with the same ids, titles, stories, sentiment and entities', async () => {
    const embedded = await runOnce('embedded');
    let metrics = '';
    const distributed = await runOnce('distributed', async (port) => {
      metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    });
    expect(embedded.snapshot.length).toBeGreaterThan(300);
    expect(distributed.snapshot).toEqual(embedded.snapshot);
    const summary = (r: typeof embedded.reports) => r.map(({ sourceId, outcome, fetched, indexed, created }) => ({ sourceId, outcome, fetched, indexed, created }));
    expect(summary(distributed.reports)).toEqual(summary(embedded.reports));
    // The worker's /metrics saw the same run: polls by outcome, jobs by name, depth, lag.
    const value = (line: string): number => Number(new RegExp(`^${line.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(metrics)?.[1] ?? NaN);
    expect(value('hubwatch_fetch_outcomes_total{outcome="ok"}')).toBe(embedded.reports.filter((r) => r.outcome === 'ok').length);
    expect(value('hubwatch_jobs_completed_total{job="index-batch"}')).toBe(distributed.reports.filter((r) => r.fresh > 0 || r.fetched > 0).length);
    expect(value('hubwatch_index_lag_seconds_count')).toBe(distributed.snapshot.length);
    expect(value('hubwatch_queue_jobs{queue="fetch",state="failed"}')).toBe(0);
    expect(metrics).toMatch(/^hubwatch_job_duration_seconds_count\{job="fetch-source"\} 10$/m);
  });
});
