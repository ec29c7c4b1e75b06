import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOBS, QUEUES, type QueueName } from '../workers/job-catalog.js';
import { checkPayload } from '../workers/job-execution.js';
import type { JobRequest } from '../workers/transitions.js';
import { jobOptions } from './job-options.js';
import { redisTimeout, withDeadline } from './redis-connection.js';

export interface JobQueuesOptions {
  connection: Redis;
  /** Key prefix of every queue (`queue.prefix`). */
  prefix: string;
  /** How long an enqueue may wait for Redis before it is an error. */
  timeoutMs: number;
  /** For messages: where Redis is. */
  redisUrl: string;
}

/** A job's id where it deduplicates: one batch per source and poll start. Never contains `:`. */
function jobIdOf(request: JobRequest): string | undefined {
  if (request.key === 'indexBatch') return `batch-${request.payload.batch.sourceId}-${Date.parse(request.payload.batch.startedAt)}`;
  return undefined;
}

/**
 * The catalog's queues on one Redis connection, and the one way to add a job: its payload checked
 * against its schema first (an invalid one throws `InvalidPayloadError`, nothing is added), its
 * options from the catalog, and a deadline so a Redis that does not answer is an error, not a hang.
 */
export class JobQueues {
  readonly byName: { [Q in QueueName]: Queue };

  constructor(private readonly options: JobQueuesOptions) {
    const make = (name: QueueName): Queue => {
      const queue = new Queue(name, { connection: options.connection, prefix: options.prefix });
      // Connection faults are retried by the client; enqueues report them through their deadline.
      queue.on('error', () => undefined);
      return queue;
    };
    this.byName = { fetch: make('fetch'), enrich: make('enrich'), alert: make('alert'), maintenance: make('maintenance') };
  }

  /** Every queue, in catalog order. */
  all(): Queue[] {
    return (Object.keys(QUEUES) as QueueName[]).map((name) => this.byName[name]);
  }

  /** Adds a job; returns its id. */
  async add(request: JobRequest, extra: { jobId?: string; delayMs?: number } = {}): Promise<string> {
    const spec = JOBS[request.key];
    const checked = checkPayload(spec, request.payload);
    if (!checked.ok) throw checked.error;
    const jobId = extra.jobId ?? jobIdOf(request);
    const queue = this.byName[spec.queue];
    const job = await withDeadline(
      queue.add(spec.name, checked.data, { ...jobOptions(spec), ...(jobId ? { jobId } : {}), ...(extra.delayMs ? { delay: extra.delayMs } : {}) }),
      this.options.timeoutMs,
      () => redisTimeout(`cannot add a ${spec.name} job`, this.options.redisUrl, this.options.timeoutMs),
    );
    return job.id ?? '';
  }

  /** Adds jobs one after the other (what a finished job hands on). */
  async addAll(requests: readonly JobRequest[]): Promise<void> {
    for (const request of requests) await this.add(request);
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((queue) => queue.close()));
  }
}
