import type { JobsOptions } from 'bullmq';
import { JOBS, jobKeyOf, type JobSpec } from '../workers/job-catalog.js';
import { backoffDelay } from '../workers/job-execution.js';

/** The backoff type BullMQ hands to the workers' strategy: the catalog's own (exponential, jittered). */
export const CATALOG_BACKOFF = 'catalog';

/** BullMQ options of a job from its catalog entry: attempts, the catalog's backoff, retention. */
export function jobOptions(spec: JobSpec): JobsOptions {
  return {
    attempts: spec.attempts,
    backoff: { type: CATALOG_BACKOFF },
    removeOnComplete: { age: spec.retention.completed.age, count: spec.retention.completed.count },
    removeOnFail: { age: spec.retention.failed.age, count: spec.retention.failed.count },
  };
}

/**
 * The workers' backoff strategy: the same `backoffDelay` as the in-process runner, read from the
 * catalog entry of the job's name, so both drivers wait alike between tries.
 */
export function catalogBackoff(attemptsMade: number, _type: string | undefined, _error: Error | undefined, job: { name: string } | undefined): number {
  const key = job ? jobKeyOf(job.name) : undefined;
  const spec = key ? JOBS[key] : JOBS.fetchSource;
  return backoffDelay(spec, Math.max(1, attemptsMade), Math.random());
}
