import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyTotals, ingestUntilAborted } from '../../src/app/ingest-service.js';
import { configSchema } from '../../src/config/schema.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { createDistributedPipeline } from '../../src/roles/distributed-pipeline.js';
import { startSampleServer, type SampleServer } from '../../src/samples/sample-server.js';
import { JOBS } from '../../src/workers/job-catalog.js';
import type { PollReport } from '../../src/workers/poll-types.js';
import { deskBaseline, deskNegativeConfig, deskNegativeHour } from '../support/desk-mentions.js';
import { deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis-test.js';
import { startSlackReceiver, type SlackReceiver } from '../support/slack-receiver.js';

const logger = silentLogger();

/**
 * Windowed rules in distributed mode: no process keeps a timer; one job scheduler adds an
 * `evaluate-windowed-alerts` job to the alert queue, which an enrich worker takes. Real Redis, a
 * real SQLite index, a Slack-compatible receiver on loopback.
 */
describe('windowed alert rules in distributed mode', () => {
  let dir: string;
  let server: SampleServer;
  let receiver: SlackReceiver;
  const prefix = uniquePrefix('windowed-alerts');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-windowed-'));
    server = await startSampleServer({ port: 0, now: () => new Date() });
    receiver = await startSlackReceiver();
  });

  afterAll(async () => {
    await receiver.close();
    await server.close();
    await deletePrefix(TEST_REDIS_URL, prefix);
    rmSync(dir, { recursive: true, force: true });
  });

  it('fires a negative-share rule from the queue scheduler without any new poll, once per window', { timeout: 60_000 }, async () => {
    const settings = configSchema.parse({ ...deskNegativeConfig(server.url, receiver.url, join(dir, 'hubwatch.db')), queue: { redisUrl: TEST_REDIS_URL, prefix } });
    const index = await openIndex(settings.index, { logger });
    const polls: PollReport[] = [];
    const pipeline = await createDistributedPipeline(settings, {
      roles: ['fetch', 'enrich'], index, logger, clock: () => new Date(), metricsPort: 0, windowedAlertsEveryMs: 200, onReport: (r) => polls.push(r),
    });
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const alertQueue = new Queue('alert', { connection: redis, prefix });
    const stop = new AbortController();
    try {
      await index.upsert(deskBaseline());
      // The long-running loop of `run`: with the scheduler on the queue it keeps no timer of its own.
      const run = ingestUntilAborted(pipeline, stop.signal, { logger, totals: emptyTotals(), alertsEveryMs: 3_600_000 });
      await expect.poll(() => polls.length, { timeout: 20_000 }).toBe(1);
      const schedulers = await alertQueue.getJobSchedulers();
      expect(schedulers.map((s) => s.key)).toContain('alerts-windowed');
      // Ticks run over a calm hour: nothing to say.
      await expect.poll(async () => (await alertQueue.getCompleted()).filter((job) => job.name === JOBS.evaluateWindowedAlerts.name).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      expect(receiver.received).toHaveLength(0);

      // Written straight to the index: no poll brings them and no batch evaluation sees them.
      await index.upsert(deskNegativeHour());
      await receiver.waitFor(1, 10_000);
      expect(JSON.stringify(receiver.received[0]?.body)).toContain('Negative share 75%');
      expect(polls).toHaveLength(1);

      // Later ticks find the same window: its dedup key keeps it to one message.
      const ticks = (await alertQueue.getCompleted()).length;
      await expect.poll(async () => (await alertQueue.getCompleted()).length, { timeout: 10_000 }).toBeGreaterThan(ticks + 1);
      expect(receiver.received).toHaveLength(1);
      stop.abort();
      await run;
    } finally {
      stop.abort();
      await alertQueue.close();
      redis.disconnect();
      await pipeline.close();
      await index.close();
    }
  });
});
