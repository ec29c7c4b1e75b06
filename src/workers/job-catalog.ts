import { z } from 'zod';
import { sourceBatchSchema } from './payload-schemas.js';

/**
 * Every job hubwatch runs, in one place: its queue, payload schema, attempts, backoff and timeout.
 * The in-process driver (src/workers/in-process-job-runner.ts) runs this catalog; a queue driver
 * runs the same one, so the two modes cannot drift. No job name as a loose string anywhere else.
 */
export interface JobSpec<Payload extends z.ZodType = z.ZodType> {
  /** Kebab-case, never `:` (queue drivers put it in keys). */
  name: string;
  /** The role that takes it: `fetch` is I/O-bound, `enrich` CPU-bound, `alert` evaluates and delivers alerts, `maintenance` rare. */
  queue: 'fetch' | 'enrich' | 'alert' | 'maintenance';
  /** Checked when a job is added and again when it runs. */
  payload: Payload;
  /** Tries in all, the first included. Only transient faults are retried (see `isPermanent`). */
  attempts: number;
  /** Exponential backoff between tries: `delayMs · 2^(try-1)`, each spread by ± `jitter` (0-1). */
  backoff: { delayMs: number; jitter: number };
  /** A try that runs longer is abandoned (its signal aborts) and counts as a transient fault. */
  timeoutMs: number;
  /**
   * What a queue driver keeps of finished jobs: completed ones by age (s) and count, failed ones
   * long enough to inspect (`hubwatch jobs failed`) and retry. Bounds Redis memory.
   */
  retention: { completed: { age: number; count: number }; failed: { age: number; count: number } };
}

/** The catalog's queues: which role takes each, and how a queue driver watches for stalled jobs. */
export interface QueueSpec {
  /** Kebab-case under `queue.prefix` (never `:`). */
  name: JobSpec['queue'];
  /** `fetch` polls sources (I/O-bound, many at once); `enrich` enriches, indexes, evaluates alerts and runs maintenance (CPU-bound). */
  role: WorkerRole;
  /**
   * Times a job may be found stalled (its worker died or blocked) before it fails for good. Above
   * 1 so that two crashes in a row do not lose a poll or a batch.
   */
  maxStalledCount: number;
}

/** The roles a worker process can take (`hubwatch worker --role fetch,enrich`). */
export const WORKER_ROLES = ['fetch', 'enrich'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];

const KEEP_COMPLETED = { age: 3_600, count: 1_000 };
const KEEP_FAILED = { age: 14 * 86_400, count: 10_000 };
const RETENTION = { completed: KEEP_COMPLETED, failed: KEEP_FAILED };

const job = <Payload extends z.ZodType>(spec: JobSpec<Payload>): JobSpec<Payload> => spec;

export const JOBS = {
  /** Poll one source: fetch, normalise, skip ids already delivered; hands fresh items to `index-batch`. */
  fetchSource: job({
    name: 'fetch-source',
    queue: 'fetch',
    payload: z.object({ sourceId: z.string().min(1) }),
    // Source faults are recorded by the stage itself and never thrown; what is retried here is a
    // state-store fault.
    attempts: 3,
    backoff: { delayMs: 1_000, jitter: 0.3 },
    timeoutMs: 5 * 60_000,
    retention: RETENTION,
  }),
  /** Enrich and index one source's fresh items, then commit its cursor and the ids delivered. */
  indexBatch: job({
    name: 'index-batch',
    queue: 'enrich',
    payload: z.object({ batch: sourceBatchSchema }),
    attempts: 3,
    backoff: { delayMs: 2_000, jitter: 0.3 },
    timeoutMs: 10 * 60_000,
    retention: RETENTION,
  }),
  /**
   * Evaluate the per-mention alert rules on the mentions a batch newly indexed (never `unchanged`
   * ones); firings are stored by dedup key, so a retry never fires twice. Delivery follows apart.
   */
  evaluateAlerts: job({
    name: 'evaluate-alerts',
    queue: 'alert',
    payload: z.object({ ids: z.array(z.string().min(1)).min(1) }),
    attempts: 3,
    backoff: { delayMs: 1_000, jitter: 0.3 },
    timeoutMs: 60_000,
    retention: RETENTION,
  }),
  /**
   * Evaluate the windowed rules (spikes, negative share, silence) over the index as it is now. In
   * distributed mode one job scheduler adds it every 30 s, so one process evaluates each tick
   * whatever the number of enrich workers; a tick that fails is not retried (the next one comes).
   */
  evaluateWindowedAlerts: job({
    name: 'evaluate-windowed-alerts',
    queue: 'alert',
    payload: z.object({}),
    attempts: 1,
    backoff: { delayMs: 1_000, jitter: 0.3 },
    timeoutMs: 60_000,
    retention: RETENTION,
  }),
  /** Delete mentions older than `index.retention`, then merge the index's finished periods (`MentionIndex.compact`). */
  applyRetention: job({
    name: 'apply-retention',
    queue: 'maintenance',
    payload: z.object({}),
    attempts: 3,
    backoff: { delayMs: 60_000, jitter: 0.3 },
    timeoutMs: 30 * 60_000,
    retention: RETENTION,
  }),
} as const;

export type JobKey = keyof typeof JOBS;
export type JobPayload<K extends JobKey> = z.infer<(typeof JOBS)[K]['payload']>;

/** Every queue of the catalog. */
export const QUEUES: { [Q in JobSpec['queue']]: QueueSpec & { name: Q } } = {
  fetch: { name: 'fetch', role: 'fetch', maxStalledCount: 3 },
  enrich: { name: 'enrich', role: 'enrich', maxStalledCount: 3 },
  alert: { name: 'alert', role: 'enrich', maxStalledCount: 3 },
  maintenance: { name: 'maintenance', role: 'enrich', maxStalledCount: 3 },
};

export type QueueName = keyof typeof QUEUES;

/** The catalog key of the job named `name` (as a queue driver stores it), or undefined. */
export function jobKeyOf(name: string): JobKey | undefined {
  return (Object.keys(JOBS) as JobKey[]).find((key) => JOBS[key].name === name);
}
