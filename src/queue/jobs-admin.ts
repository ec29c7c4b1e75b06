import type { Job } from 'bullmq';
import { UserInputError } from '../core/errors.js';
import type { QueueName } from '../workers/job-catalog.js';
import type { JobQueues } from './job-queues.js';
import { redisTimeout, withDeadline } from './redis-connection.js';

/** A failed job as `hubwatch jobs failed` lists it. */
export interface FailedJobView {
  queue: QueueName;
  id: string;
  name: string;
  reason: string;
  /** Tries made. */
  attempts: number;
  /** When it failed for good (ISO). */
  failedAt: string | null;
  /** The source it was about, when it names one. */
  sourceId: string | null;
}

function sourceIdOf(data: unknown): string | null {
  const value = data as { sourceId?: unknown; batch?: { sourceId?: unknown } } | null;
  const id = value?.sourceId ?? value?.batch?.sourceId;
  return typeof id === 'string' ? id : null;
}

function view(queue: QueueName, job: Job): FailedJobView {
  return {
    queue,
    id: job.id ?? '',
    name: job.name,
    reason: job.failedReason ?? '',
    attempts: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    sourceId: sourceIdOf(job.data),
  };
}

/**
 * The operator's view of the queues: failed jobs listed with their reason, retried (all, or by id),
 * and finished jobs cleaned by age. Every call has the Redis deadline.
 */
export class JobsAdmin {
  constructor(private readonly queues: JobQueues, private readonly options: { timeoutMs: number; redisUrl: string }) {}

  private deadline<T>(work: Promise<T>, what: string): Promise<T> {
    return withDeadline(work, this.options.timeoutMs, () => redisTimeout(what, this.options.redisUrl, this.options.timeoutMs));
  }

  private entries(): [QueueName, ReturnType<JobQueues['all']>[number]][] {
    return Object.entries(this.queues.byName) as [QueueName, ReturnType<JobQueues['all']>[number]][];
  }

  /** Failed jobs, newest first, at most `limit` per queue. */
  async failed(limit = 100): Promise<FailedJobView[]> {
    const out: FailedJobView[] = [];
    for (const [name, queue] of this.entries()) {
      const jobs = await this.deadline(queue.getFailed(0, limit - 1), 'cannot list failed jobs');
      out.push(...jobs.filter((job): job is Job => Boolean(job)).map((job) => view(name, job)));
    }
    return out.sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''));
  }

  /** Puts failed jobs back to wait (a fresh set of tries): those with `ids`, or all. Returns the ids retried. */
  async retry(ids?: readonly string[]): Promise<string[]> {
    const retried: string[] = [];
    const wanted = ids ? new Set(ids) : null;
    for (const [, queue] of this.entries()) {
      const jobs = await this.deadline(queue.getFailed(0, -1), 'cannot list failed jobs');
      for (const job of jobs) {
        if (!job?.id || (wanted && !wanted.has(job.id))) continue;
        await this.deadline(job.retry('failed'), 'cannot retry a job');
        retried.push(job.id);
      }
    }
    const missing = wanted ? [...wanted].filter((id) => !retried.includes(id)) : [];
    if (missing.length > 0) throw new UserInputError(`no failed job with id ${missing.map((id) => `"${id}"`).join(', ')} (see "hubwatch jobs failed")`, 'unknown-job');
    return retried;
  }

  /** Removes completed and failed jobs that finished more than `olderThanSeconds` ago; returns how many per state. */
  async clean(olderThanSeconds: number, states: readonly ('completed' | 'failed')[] = ['completed', 'failed']): Promise<{ completed: number; failed: number }> {
    const removed = { completed: 0, failed: 0 };
    for (const [, queue] of this.entries()) {
      for (const state of states) {
        const ids = await this.deadline(queue.clean(olderThanSeconds * 1000, 0, state), 'cannot clean jobs');
        removed[state] += ids.length;
      }
    }
    return removed;
  }
}
