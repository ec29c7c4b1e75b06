import { createHash } from 'node:crypto';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { silentLogger } from '../../src/platform/logger.js';
import { JobQueues } from '../../src/queue/job-queues.js';
import { createJobProcessor, type FinishedJob } from '../../src/queue/job-processor.js';
import { JobWorkers } from '../../src/queue/job-workers.js';
import { connectQueueRedis } from '../../src/queue/redis-connection.js';
import type { WorkerRole } from '../../src/workers/job-catalog.js';
import type { JobHandlers } from '../../src/workers/job-handlers.js';
import type { SourceBatch } from '../../src/workers/poll-types.js';
import { deletePrefix, TEST_REDIS_URL } from '../support/redis-test.js';

/** The real queue driver (queues, processor, workers) on a test prefix, with the handlers a test gives. */
export interface QueueHarness {
  redis: Redis;
  queues: JobQueues;
  finished: FinishedJob[];
  failed: { job: Job | undefined; error: Error; final: boolean }[];
  start(roles?: WorkerRole[]): void;
  /** Stops the workers as SIGTERM does: drains jobs under way for at most `deadlineMs`. */
  drain(deadlineMs: number): Promise<{ drained: boolean }>;
  close(): Promise<void>;
}

export async function queueHarness(
  prefix: string,
  handlers: Partial<JobHandlers>,
  options: { deferPoll?: () => Promise<number>; url?: string } = {},
): Promise<QueueHarness> {
  const url = options.url ?? TEST_REDIS_URL;
  const redis = await connectQueueRedis(url, 5_000);
  const queues = new JobQueues({ connection: redis, prefix, timeoutMs: 5_000, redisUrl: url });
  const finished: FinishedJob[] = [];
  const failed: QueueHarness['failed'] = [];
  const stopping = new AbortController();
  const processor = createJobProcessor({
    handlers,
    enqueue: (requests) => queues.addAll(requests),
    onFinished: async (job) => void finished.push(job),
    ...(options.deferPoll ? { deferPoll: options.deferPoll } : {}),
    stopping: stopping.signal,
    logger: silentLogger(),
  });
  let workers: JobWorkers | null = null;
  return {
    redis,
    queues,
    finished,
    failed,
    start(roles = ['fetch', 'enrich']) {
      workers = new JobWorkers(
        {
          connection: redis, prefix, roles, concurrency: { fetch: 4, enrich: 1 }, lockDurationMs: 5_000, stalledIntervalMs: 5_000,
          logger: silentLogger(), onFailed: (job, error, final) => void failed.push({ job, error, final }),
        },
        processor,
      );
      workers.start();
    },
    async drain(deadlineMs) {
      return workers ? workers.close(deadlineMs) : { drained: true };
    },
    async close() {
      stopping.abort();
      await workers?.close(5_000);
      await queues.close();
      await deletePrefix(url, prefix);
      await redis.quit();
    },
  };
}

/** A batch as the fetch stage hands it on, with `count` items. */
export function sampleBatch(sourceId: string, count = 0, startedAt = new Date()): SourceBatch {
  const at = startedAt.toISOString();
  return {
    sourceId, startedAt: at, fetched: count, problems: [], itemsPerDay: 1, cursor: { etag: 'x' },
    items: Array.from({ length: count }, (_, i) => ({
      id: createHash('md5').update(`${sourceId}-${i}`).digest('hex'), url: `https://example.test/${sourceId}/${i}`, canonicalUrl: `https://example.test/${sourceId}/${i}`,
      sourceId, sourceName: sourceId, channel: 'news' as const, title: `Item ${i}`, text: `Text ${i}`, author: null,
      publishedAt: at, fetchedAt: at, audience: null, flags: [], languageHint: null,
    })),
  };
}
