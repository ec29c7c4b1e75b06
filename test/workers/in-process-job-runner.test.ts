import { describe, expect, it } from 'vitest';
import { FetchError, IndexError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/platform/logger.js';
import { backoffDelay, InProcessJobRunner } from '../../src/workers/in-process-job-runner.js';
import { JOBS } from '../../src/workers/job-catalog.js';
import type { JobHandlers } from '../../src/workers/job-handlers.js';
import { emptyReport, type SourceBatch } from '../../src/workers/poll-types.js';
import { TRANSITIONS } from '../../src/workers/transitions.js';

const batch = (sourceId: string): SourceBatch => ({
  sourceId, startedAt: '2026-11-27T12:00:00.000Z', fetched: 1, items: [], problems: [], itemsPerDay: 0, cursor: { etag: '"x"' },
});

/** Handlers that record their calls and fail as told; the runner under test is real. */
function handlers(behaviour: { fetchFailures?: unknown[]; indexFailures?: unknown[]; slowMs?: number } = {}) {
  const calls: string[] = [];
  const fetchFailures = [...(behaviour.fetchFailures ?? [])];
  const indexFailures = [...(behaviour.indexFailures ?? [])];
  const all: JobHandlers = {
    fetchSource: async ({ sourceId }, { attempt }) => {
      calls.push(`fetch ${sourceId} #${attempt}`);
      if (behaviour.slowMs && attempt === 1) await new Promise((resolve) => setTimeout(resolve, behaviour.slowMs));
      const failure = fetchFailures.shift();
      if (failure) throw failure;
      return sourceId === 'quiet' ? { kind: 'done', report: { ...emptyReport(sourceId), outcome: 'not-modified' } } : { kind: 'batch', batch: batch(sourceId) };
    },
    indexBatch: async ({ batch: b }, { attempt }) => {
      calls.push(`index ${b.sourceId} #${attempt}`);
      const failure = indexFailures.shift();
      if (failure) throw failure;
      return { ...emptyReport(b.sourceId), indexed: 1, indexedIds: ['m1'] };
    },
    evaluateAlerts: async ({ ids }) => {
      calls.push(`alerts ${ids.join(',')}`);
      return { rules: 0, fired: 0, messages: 0 };
    },
    evaluateWindowedAlerts: async () => {
      calls.push('windowed alerts');
      return { rules: 0, fired: 0, messages: 0 };
    },
    applyRetention: async () => ({ deleted: 0 }),
  };
  return { calls, all };
}

const runner = (h: JobHandlers, delays: number[] = []) =>
  new InProcessJobRunner(h, { logger: silentLogger(), random: () => 0.5, sleep: async (ms) => void delays.push(ms) });

describe('the job catalog', () => {
  it('names every job in kebab-case without ":" and gives each a transition', () => {
    for (const [key, spec] of Object.entries(JOBS)) {
      expect(spec.name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(spec.attempts).toBeGreaterThanOrEqual(1);
      expect(TRANSITIONS).toHaveProperty(key);
    }
    expect(new Set(Object.values(JOBS).map((spec) => spec.name)).size).toBe(Object.keys(JOBS).length);
  });

  it('backs off exponentially, spread by its jitter', () => {
    const spec = { backoff: { delayMs: 1000, jitter: 0.3 } };
    expect([1, 2, 3].map((attempt) => backoffDelay(spec, attempt, 0.5))).toEqual([1000, 2000, 4000]);
    expect(backoffDelay(spec, 1, 0)).toBe(700);
    expect(backoffDelay(spec, 1, 0.999)).toBeCloseTo(1300, -1);
  });
});

describe('InProcessJobRunner', () => {
  it('runs a poll as fetch-source, index-batch, then evaluate-alerts on the new ids, as the transitions table says', async () => {
    const h = handlers();
    const outcomes = await runner(h.all).run({ key: 'fetchSource', payload: { sourceId: 'daily' } });
    expect(h.calls).toEqual(['fetch daily #1', 'index daily #1', 'alerts m1']);
    expect(outcomes.map((o) => [o.key, o.ok])).toEqual([['fetchSource', true], ['indexBatch', true], ['evaluateAlerts', true]]);
  });

  it('ends the chain where the fetch stage finished the poll', async () => {
    const h = handlers();
    const outcomes = await runner(h.all).run({ key: 'fetchSource', payload: { sourceId: 'quiet' } });
    expect(h.calls).toEqual(['fetch quiet #1']);
    expect(outcomes).toHaveLength(1);
  });

  it('fails a payload that does not match its schema at once, without calling the handler', async () => {
    const h = handlers();
    const [outcome] = await runner(h.all).run({ key: 'fetchSource', payload: { sourceId: 42 } as never });
    expect(h.calls).toEqual([]);
    expect(outcome).toMatchObject({ ok: false, attempts: 0 });
    expect(String((outcome as { error: Error }).error.message)).toMatch(/fetch-source: payload does not match its schema \(sourceId: /);
  });

  it('retries a transient fault with backoff up to the job\'s attempts, then fails with the last error', async () => {
    const busy = () => new IndexError('database is locked', { reason: 'sqlite-busy', retryable: true });
    const h = handlers({ indexFailures: [busy(), busy(), busy(), busy()] });
    const delays: number[] = [];
    const outcomes = await runner(h.all, delays).run({ key: 'fetchSource', payload: { sourceId: 'daily' } });
    expect(h.calls).toEqual(['fetch daily #1', 'index daily #1', 'index daily #2', 'index daily #3']);
    expect(delays).toEqual([JOBS.indexBatch.backoff.delayMs, JOBS.indexBatch.backoff.delayMs * 2]);
    expect(outcomes.at(-1)).toMatchObject({ key: 'indexBatch', ok: false, attempts: 3 });
  });

  it('succeeds on a later try after a transient fault', async () => {
    const h = handlers({ fetchFailures: [new Error('state store hiccup')] });
    const outcomes = await runner(h.all).run({ key: 'fetchSource', payload: { sourceId: 'daily' } });
    expect(h.calls).toEqual(['fetch daily #1', 'fetch daily #2', 'index daily #1', 'alerts m1']);
    expect(outcomes.every((o) => o.ok)).toBe(true);
  });

  it('does not retry a permanent fault', async () => {
    const h = handlers({ fetchFailures: [new FetchError('gone', { reason: 'http-410', retryable: false, status: 410 })] });
    const outcomes = await runner(h.all).run({ key: 'fetchSource', payload: { sourceId: 'daily' } });
    expect(h.calls).toEqual(['fetch daily #1']);
    expect(outcomes).toEqual([expect.objectContaining({ ok: false, attempts: 1 })]);
  });

  it('fails a job its handler cannot place (a source no longer configured) without retrying', async () => {
    const { createJobHandlers } = await import('../../src/workers/job-handlers.js');
    const real = createJobHandlers({ sources: new Map(), poll: {} as never, applyRetention: async () => 0, alerts: { onIndexed: async () => ({ rules: 0, fired: 0, messages: 0 }), tick: async () => ({ rules: 0, fired: 0, messages: 0 }) } });
    const outcomes = await runner(real).run({ key: 'fetchSource', payload: { sourceId: 'removed' } });
    expect(outcomes).toEqual([expect.objectContaining({ ok: false, attempts: 1 })]);
    expect(String((outcomes[0] as { error: Error }).error.message)).toMatch(/source "removed" is not in the configuration/);
  });
});
