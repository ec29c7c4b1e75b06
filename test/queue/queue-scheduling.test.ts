import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/platform/logger.js';
import { PollBackpressure } from '../../src/queue/backpressure.js';
import { SourceScheduler } from '../../src/queue/source-scheduler.js';
import type { JobHandlers } from '../../src/workers/job-handlers.js';
import { emptyReport } from '../../src/workers/poll-types.js';
import { TEST_REDIS_URL, uniquePrefix, waitFor } from '../support/redis-test.js';
import { queueHarness, sampleBatch, type QueueHarness } from './queue-harness.js';

const SOURCES = ['alpha', 'beta', 'gamma'];

/** Scheduling and backpressure of the queue driver on a real Redis. */
describe('poll scheduling on queues (real Redis)', () => {
  const open: QueueHarness[] = [];
  afterEach(async () => {
    for (const harness of open.splice(0)) await harness.close();
  });

  function recorder(polls: { sourceId: string; at: number }[], overlaps: string[] = []): Partial<JobHandlers> {
    const running = new Set<string>();
    return {
      fetchSource: async ({ sourceId }) => {
        if (running.has(sourceId)) overlaps.push(sourceId);
        running.add(sourceId);
        polls.push({ sourceId, at: Date.now() });
        await new Promise((resolve) => setTimeout(resolve, 50));
        running.delete(sourceId);
        return { kind: 'done', report: { ...emptyReport(sourceId), nextPollAt: new Date().toISOString() } };
      },
    };
  }

  it('two processes upserting the same sources hold one scheduler each: every source is polled on its interval, never twice at once', async () => {
    const prefix = uniquePrefix('sched');
    const polls: { sourceId: string; at: number }[] = [];
    const overlaps: string[] = [];
    // Both processes record into one place, so a poll of a source running in each at once shows.
    const handlers = recorder(polls, overlaps);
    const a = await queueHarness(prefix, handlers);
    const b = await queueHarness(prefix, handlers);
    open.push(a, b);
    const schedules = SOURCES.map((sourceId) => ({ sourceId, intervalSeconds: 1, nextPollAt: null }));
    const options = { logger: silentLogger(), timeoutMs: 5_000, redisUrl: TEST_REDIS_URL };
    await Promise.all([new SourceScheduler(a.queues.byName.fetch, options).sync(schedules), new SourceScheduler(b.queues.byName.fetch, options).sync(schedules)]);
    expect((await a.queues.byName.fetch.getJobSchedulers()).map((s) => s.key).sort()).toEqual(SOURCES);
    a.start(['fetch']);
    b.start(['fetch']);
    const started = Date.now();
    await waitFor(() => SOURCES.every((id) => polls.filter((p) => p.sourceId === id).length >= 3), 'three polls of every source', 20_000);
    // Over three seconds at least, a second scheduler per source would show as twice the polls.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + 3_000 - Date.now())));
    const elapsed = Date.now() - started;
    expect(overlaps).toEqual([]);
    // One scheduler per source, not one per process: about one poll a second each, not two.
    for (const id of SOURCES) expect(polls.filter((p) => p.sourceId === id).length).toBeLessThanOrEqual(Math.floor(elapsed / 1000) + 2);
  });

  it('removes the schedulers of sources no longer configured and moves a source to the time the poll policy sets', async () => {
    const prefix = uniquePrefix('resched');
    const harness = await queueHarness(prefix, {});
    open.push(harness);
    const scheduler = new SourceScheduler(harness.queues.byName.fetch, { logger: silentLogger(), timeoutMs: 5_000, redisUrl: TEST_REDIS_URL });
    await scheduler.sync(SOURCES.map((sourceId) => ({ sourceId, intervalSeconds: 600, nextPollAt: null })));
    const { removed } = await scheduler.sync([{ sourceId: 'alpha', intervalSeconds: 600, nextPollAt: null }]);
    expect(removed.sort()).toEqual(['beta', 'gamma']);
    expect((await harness.queues.byName.fetch.getJobSchedulers()).map((s) => s.key)).toEqual(['alpha']);
    const next = new Date(Date.now() + 3_600_000).toISOString();
    await scheduler.reschedule('alpha', next);
    const [entry] = await harness.queues.byName.fetch.getJobSchedulers();
    expect(entry?.every).toBeGreaterThan(3_500_000);
    expect(Math.abs((entry?.next ?? 0) - Date.parse(next))).toBeLessThan(2_000);
    // One pending poll for the source, at that time.
    const pending = await harness.queues.byName.fetch.getJobs(['delayed', 'waiting']);
    expect(pending.map((job) => job.data)).toEqual([{ sourceId: 'alpha' }]);
    expect(Math.abs(pending[0]!.timestamp + pending[0]!.delay - Date.parse(next))).toBeLessThan(2_000);
  });

  it('defers polls past the high-water mark of waiting batches (delayed, not dropped) and resumes them once the batches drain', async () => {
    const prefix = uniquePrefix('backpressure');
    const polls: { sourceId: string; at: number }[] = [];
    let batches = 0;
    let pressure: PollBackpressure | null = null;
    const harness = await queueHarness(prefix, {
      ...recorder(polls),
      indexBatch: async ({ batch }) => {
        batches++;
        return { ...emptyReport(batch.sourceId), nextPollAt: new Date().toISOString() };
      },
    }, { deferPoll: () => pressure!.deferBy() });
    open.push(harness);
    pressure = new PollBackpressure(() => harness.queues.byName.enrich.getWaitingCount(), { highWater: 2, deferMs: 300, cacheMs: 0 });
    const start = new Date(Date.now() - 10_000);
    for (let i = 0; i < 4; i++) await harness.queues.add({ key: 'indexBatch', payload: { batch: sampleBatch(`src-${i}`, 0, new Date(start.getTime() + i)) } });
    harness.start(['fetch']);
    const poll = await harness.queues.add({ key: 'fetchSource', payload: { sourceId: 'alpha' } });
    await waitFor(async () => (await harness.queues.byName.fetch.getJobState(poll)) === 'delayed', 'the poll to be deferred');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(polls).toEqual([]);
    expect(['delayed', 'waiting', 'active']).toContain(await harness.queues.byName.fetch.getJobState(poll));
    // An enrich worker drains the batches: the deferred poll runs by itself.
    harness.start(['enrich']);
    await waitFor(async () => (await harness.queues.byName.fetch.getJobState(poll)) === 'completed', 'the deferred poll to run', 20_000);
    expect(batches).toBe(4);
    expect(polls.map((p) => p.sourceId)).toEqual(['alpha']);
  });
});
