import { afterEach, describe, expect, it } from 'vitest';
import { jobsCommand } from '../../src/cli/commands/jobs.js';
import { workerCommand } from '../../src/cli/commands/worker.js';
import { configSchema } from '../../src/config/schema.js';
import { HubwatchError } from '../../src/core/errors.js';
import { connectQueueRedis } from '../../src/queue/redis-connection.js';
import { RedisUnavailableError } from '../../src/queue/redis-health.js';
import { emptyReport } from '../../src/workers/poll-types.js';
import { runInProcess } from '../support/in-process-cli.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, OwnRedis, TEST_REDIS_URL, uniquePrefix, waitFor } from '../support/redis-test.js';
import { queueHarness, type QueueHarness } from './queue-harness.js';

/** `hubwatch jobs failed|retry|clean` and what Redis being away looks like, on a real Redis. */
describe('jobs command and Redis faults', () => {
  let harness: QueueHarness | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  it('lists failed jobs with queue, name, reason, tries and time; retries them by id or all; cleans old ones', async () => {
    const prefix = uniquePrefix('jobs');
    let healthy = false;
    harness = await queueHarness(prefix, {
      fetchSource: async ({ sourceId }) => {
        if (!healthy) throw new HubwatchError(`source ${sourceId} refused`, { reason: 'forbidden', retryable: false });
        return { kind: 'done', report: { ...emptyReport(sourceId), nextPollAt: new Date().toISOString() } };
      },
    });
    const config = configSchema.parse({ queue: { redisUrl: TEST_REDIS_URL, prefix } });
    const run = (argv: string[]) => runInProcess(jobsCommand, ['jobs', ...argv], { config: () => config });
    const first = await harness.queues.add({ key: 'fetchSource', payload: { sourceId: 'one' } });
    const second = await harness.queues.add({ key: 'fetchSource', payload: { sourceId: 'two' } });
    harness.start(['fetch']);
    await waitFor(async () => (await harness!.queues.byName.fetch.getFailedCount()) === 2, 'two failed jobs');
    const listed = (await run(['failed', '--json'])).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(listed.map((job) => job.sourceId).sort()).toEqual(['one', 'two']);
    for (const job of listed) {
      expect(job).toMatchObject({ queue: 'fetch', name: 'fetch-source', attempts: 1 });
      expect(job.reason).toBe(`forbidden: source ${String(job.sourceId)} refused`);
      expect(Date.parse(String(job.failedAt))).toBeGreaterThan(Date.now() - 60_000);
    }
    expect((await run(['failed'])).at(-1)).toMatch(/^2 failed jobs;/);
    await expect(run(['retry', 'no-such-id'])).rejects.toThrow('no failed job with id "no-such-id"');
    healthy = true;
    expect(await run(['retry', first])).toEqual([`1 job put back to run: ${first}`]);
    await waitFor(async () => (await harness!.queues.byName.fetch.getJobState(first)) === 'completed', 'the retried job to complete');
    expect(await harness.queues.byName.fetch.getJobState(second)).toBe('failed');
    expect(await run(['retry', '--all'])).toEqual([`1 job put back to run: ${second}`]);
    await waitFor(async () => (await harness!.queues.byName.fetch.getCompletedCount()) === 2, 'both jobs to complete');
    expect(await run(['clean', '--older-than', '1h'])).toEqual(['removed 0 completed and 0 failed jobs']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await run(['clean', '--older-than', '0s'])).toEqual(['removed 2 completed and 0 failed jobs']);
    expect(await run(['failed'])).toEqual(['no failed jobs']);
  });

  it('a Redis that does not answer is a clear error within the deadline, at start and for the commands', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const started = Date.now();
    const error = await connectQueueRedis(url, 1_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect((error as Error).message).toMatch(new RegExp(`^Redis at ${url} is unreachable: .*ECONNREFUSED.* \\(gave up after \\d+ ms\\)$`));
    expect(Date.now() - started).toBeLessThan(3_000);
    const config = configSchema.parse({ queue: { redisUrl: url, connectTimeout: 1 } });
    // Loaded first, so that what is timed is the wait for Redis, not module loading on a busy machine.
    await Promise.all([import('../../src/roles/distributed-pipeline.js'), import('../../src/queue/jobs-admin.js'), import('../../src/queue/job-queues.js')]);
    for (const [command, argv] of [[jobsCommand, ['jobs', 'failed']], [workerCommand, ['worker', '--role', 'fetch']]] as const) {
      const at = Date.now();
      await expect(runInProcess(command, [...argv], { config: () => config })).rejects.toThrow(/^Redis at redis:\/\/127\.0\.0\.1:\d+ is unreachable: /);
      expect(Date.now() - at).toBeLessThan(4_000);
    }
  });

  it('adding a job while Redis is gone is a clear error within the deadline, not a hang', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hubwatch-redis-gone-'));
    const own = await OwnRedis.start(dir);
    try {
      harness = await queueHarness(uniquePrefix('gone'), {}, { url: own.url });
      await harness.queues.add({ key: 'applyRetention', payload: {} });
      await own.kill();
      const started = Date.now();
      await expect(harness.queues.add({ key: 'applyRetention', payload: {} })).rejects.toThrow(
        `cannot add a apply-retention job: Redis at ${own.url} did not answer within 5 s`,
      );
      expect(Date.now() - started).toBeLessThan(7_000);
      await own.restart();
      // Back without a restart of this process: the same queues add again.
      const id = await harness.queues.add({ key: 'applyRetention', payload: {} });
      expect((await harness.queues.byName.maintenance.getJob(id))?.name).toBe('apply-retention');
    } finally {
      await harness?.close();
      harness = null;
      await own.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('without a Redis URL, worker and jobs say what to set instead of connecting anywhere', async () => {
    const config = configSchema.parse({});
    expect(config.queue.redisUrl).toBeUndefined();
    await expect(runInProcess(workerCommand, ['worker'], { config: () => config })).rejects.toThrow('"hubwatch worker" needs Redis: set REDIS_URL or queue.redisUrl');
    await expect(runInProcess(jobsCommand, ['jobs', 'failed'], { config: () => config })).rejects.toThrow('"hubwatch jobs" needs Redis');
  });
});
