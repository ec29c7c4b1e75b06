import { afterEach, describe, expect, it } from 'vitest';
import { HubwatchError } from '../../src/core/errors.js';
import { InvalidPayloadError } from '../../src/workers/job-errors.js';
import type { JobHandlers } from '../../src/workers/job-handlers.js';
import { emptyReport, type PollReport } from '../../src/workers/poll-types.js';
import { uniquePrefix, waitFor } from '../support/redis-test.js';
import { queueHarness, sampleBatch, type QueueHarness } from './queue-harness.js';

const report = (sourceId: string, extra: Partial<PollReport> = {}): PollReport => ({ ...emptyReport(sourceId), nextPollAt: new Date(Date.now() + 60_000).toISOString(), ...extra });

/** The BullMQ driver runs the catalog as the in-process runner does: schema, retries, permanent faults, transitions. */
describe('queue job runner (real Redis)', () => {
  let harness: QueueHarness | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  it('checks the payload when a job is added: an invalid one is refused and nothing is queued', async () => {
    harness = await queueHarness(uniquePrefix('add'), {});
    await expect(harness.queues.add({ key: 'fetchSource', payload: { sourceId: '' } })).rejects.toBeInstanceOf(InvalidPayloadError);
    expect(await harness.queues.byName.fetch.getJobCountByTypes('waiting', 'delayed')).toBe(0);
  });

  it('checks it again when the job runs: a bad payload already in Redis fails at once with its reason, not retried', async () => {
    let calls = 0;
    harness = await queueHarness(uniquePrefix('run'), { fetchSource: async () => { calls++; return { kind: 'done', report: report('x') }; } });
    // Added around the catalog, as another version or a hand-made job would.
    const job = await harness.queues.byName.fetch.add('fetch-source', { sourceId: 42 }, { attempts: 3 });
    harness.start(['fetch']);
    await waitFor(async () => (await harness!.queues.byName.fetch.getJobState(job.id!)) === 'failed', 'the job to fail');
    const failed = await harness.queues.byName.fetch.getJob(job.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/^invalid-payload: job fetch-source: payload does not match its schema \(sourceId: /);
    expect(calls).toBe(0);
  });

  it('fails a permanent fault (retryable: false) at once and retries a transient one with backoff until it succeeds', async () => {
    const tries: Record<string, number> = {};
    const handlers: Partial<JobHandlers> = {
      fetchSource: async ({ sourceId }) => {
        tries[sourceId] = (tries[sourceId] ?? 0) + 1;
        if (sourceId === 'gone') throw new HubwatchError('the feed is gone for good', { reason: 'gone', retryable: false });
        if (sourceId === 'flaky' && tries[sourceId] === 1) throw new Error('state store busy');
        return { kind: 'done', report: report(sourceId) };
      },
    };
    harness = await queueHarness(uniquePrefix('faults'), handlers);
    const gone = await harness.queues.add({ key: 'fetchSource', payload: { sourceId: 'gone' } });
    const flaky = await harness.queues.add({ key: 'fetchSource', payload: { sourceId: 'flaky' } });
    harness.start(['fetch']);
    const fetch = harness.queues.byName.fetch;
    await waitFor(async () => (await fetch.getJobState(gone)) === 'failed' && (await fetch.getJobState(flaky)) === 'completed', 'both jobs to end', 20_000);
    const goneJob = await fetch.getJob(gone);
    expect(goneJob?.attemptsMade).toBe(1);
    expect(goneJob?.failedReason).toBe('gone: the feed is gone for good');
    expect(tries).toEqual({ gone: 1, flaky: 2 });
    const flakyJob = await fetch.getJob(flaky);
    // The catalog's backoff: 1 s ± 30 % before the second try.
    expect(flakyJob!.finishedOn! - flakyJob!.timestamp).toBeGreaterThanOrEqual(650);
    expect(harness.failed.filter((f) => f.job?.id === flaky).map((f) => f.final)).toEqual([false]);
  });

  it('follows the transitions table: a poll with fresh items hands one index-batch job on, which runs next', async () => {
    const batch = sampleBatch('feed-a', 3);
    const indexed: string[][] = [];
    harness = await queueHarness(uniquePrefix('next'), {
      fetchSource: async () => ({ kind: 'batch', batch }),
      indexBatch: async ({ batch: got }) => {
        indexed.push(got.items.map((item) => item.id));
        return report(got.sourceId, { indexed: 3, indexedIds: [] });
      },
    });
    harness.start();
    await harness.queues.add({ key: 'fetchSource', payload: { sourceId: 'feed-a' } });
    await waitFor(() => harness!.finished.some((f) => f.key === 'indexBatch'), 'the batch to be indexed');
    expect(indexed).toEqual([batch.items.map((item) => item.id)]);
    expect(harness.finished.map((f) => f.key)).toEqual(['fetchSource', 'indexBatch']);
    // One batch job per poll, named by source and poll time; its Redis return value is counts, not the batch.
    const [job] = await harness.queues.byName.enrich.getCompleted();
    expect(job?.id).toBe(`batch-feed-a-${Date.parse(batch.startedAt)}`);
    expect(JSON.stringify(job?.returnvalue).length).toBeLessThan(200);
  });

  it('fails a poll at once when the batch it hands on fails its schema (never retried into the same refusal)', async () => {
    const bad = { ...sampleBatch('feed-b', 1), startedAt: 'yesterday' };
    harness = await queueHarness(uniquePrefix('badnext'), { fetchSource: async () => ({ kind: 'batch', batch: bad }) });
    harness.start(['fetch']);
    const id = await harness.queues.add({ key: 'fetchSource', payload: { sourceId: 'feed-b' } });
    await waitFor(async () => (await harness!.queues.byName.fetch.getJobState(id)) === 'failed', 'the poll to fail');
    const job = await harness.queues.byName.fetch.getJob(id);
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toMatch(/^invalid-payload: job index-batch: payload does not match its schema \(batch\.startedAt: /);
    expect(await harness.queues.byName.enrich.getJobCountByTypes('waiting', 'active', 'completed')).toBe(0);
  });

  it('drains a job under way when stopped (SIGTERM), and leaves one that outlasts the deadline to be taken over', async () => {
    const started: string[] = [];
    harness = await queueHarness(uniquePrefix('drain'), {
      fetchSource: async ({ sourceId }) => {
        started.push(sourceId);
        await new Promise((resolve) => setTimeout(resolve, sourceId === 'slow' ? 8_000 : 1_000));
        return { kind: 'done', report: report(sourceId) };
      },
    });
    const fetch = harness.queues.byName.fetch;
    const short = await harness.queues.add({ key: 'fetchSource', payload: { sourceId: 'short' } });
    harness.start(['fetch']);
    await waitFor(() => started.includes('short'), 'the short job to start');
    expect(await harness.drain(5_000)).toEqual({ drained: true });
    expect(await fetch.getJobState(short)).toBe('completed');

    harness.start(['fetch']);
    const slow = await harness.queues.add({ key: 'fetchSource', payload: { sourceId: 'slow' } });
    await waitFor(() => started.includes('slow'), 'the slow job to start');
    const at = Date.now();
    expect(await harness.drain(1_000)).toEqual({ drained: false });
    expect(Date.now() - at).toBeLessThan(3_000);
    // Still active, its lock left to lapse: another worker takes it over as stalled.
    expect(await fetch.getJobState(slow)).toBe('active');
  });

  it('keeps completed and failed jobs within the catalog retention', async () => {
    harness = await queueHarness(uniquePrefix('keep'), {});
    const id = await harness.queues.add({ key: 'applyRetention', payload: {} });
    const job = await harness.queues.byName.maintenance.getJob(id);
    expect(job?.opts.removeOnComplete).toEqual({ age: 3_600, count: 1_000 });
    expect(job?.opts.removeOnFail).toEqual({ age: 14 * 86_400, count: 10_000 });
    expect(job?.opts.attempts).toBe(3);
  });
});
