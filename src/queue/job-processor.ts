import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { HubwatchError } from '../core/errors.js';
import type { Logger } from '../platform/logger.js';
import { JOBS, jobKeyOf, type JobKey } from '../workers/job-catalog.js';
import { isPermanent } from '../workers/job-errors.js';
import { checkPayload, withJobTimeout } from '../workers/job-execution.js';
import type { JobHandlers, JobResults } from '../workers/job-handlers.js';
import { nextJobs, type JobRequest } from '../workers/transitions.js';

/** A permanent fault as BullMQ needs it to skip the remaining attempts, with hubwatch's reason. */
export class PermanentJobError extends UnrecoverableError {
  constructor(readonly reason: string, message: string) {
    super(`${reason}: ${message}`);
    // BullMQ recognises the class by instanceof or by this name.
    this.name = 'UnrecoverableError';
  }
}

/** A finished job as the role sees it: its key, checked payload and full result (before it is summarised for Redis). */
export type FinishedJob = { [K in JobKey]: { key: K; payload: unknown; result: JobResults[K]; jobId: string } }[JobKey];

export interface JobProcessorDeps {
  handlers: Partial<JobHandlers>;
  /** Adds the jobs that follow (the transitions table); a failure fails this try, which is retried. */
  enqueue(requests: readonly JobRequest[]): Promise<void>;
  /** Called once a job and its successors' enqueue succeeded (reschedule, reports, metrics). */
  onFinished?(job: FinishedJob): Promise<void>;
  /** Before a poll: milliseconds to defer it by (the enrich queue is past its high-water mark), or 0. */
  deferPoll?(): Promise<number>;
  /** Aborted when the process stops: jobs under way are told to give up. */
  stopping: AbortSignal;
  logger: Logger;
}

/** What a job leaves in Redis as its return value: counts, never the batch itself. */
function summary(finished: FinishedJob): Record<string, unknown> {
  switch (finished.key) {
    case 'fetchSource':
      return finished.result.kind === 'batch'
        ? { kind: 'batch', sourceId: finished.result.batch.sourceId, fresh: finished.result.batch.items.length }
        : { kind: 'done', sourceId: finished.result.report.sourceId, outcome: finished.result.report.outcome };
    case 'indexBatch': {
      const { sourceId, outcome, indexed, created, unchanged, failed } = finished.result;
      return { sourceId, outcome, indexed, created, unchanged, failed };
    }
    case 'evaluateAlerts':
      return { ids: (finished.payload as { ids: string[] }).ids.length };
    case 'evaluateWindowedAlerts':
      return { ...finished.result };
    case 'applyRetention':
      return finished.result;
  }
}

/**
 * The BullMQ processor of every catalog job: the payload checked against its schema again, the
 * handler run under the job's timeout, permanent faults (an invalid payload, a `HubwatchError`
 * with `retryable: false`, an unknown source) turned into `UnrecoverableError` so they fail at once
 * with their reason, transient ones thrown for BullMQ to retry with the catalog's backoff; then
 * the jobs that follow are added, and only then the job completes (at least once, never lost).
 */
export function createJobProcessor(deps: JobProcessorDeps): (job: Job, token?: string) => Promise<Record<string, unknown>> {
  return async (job, token) => {
    const found = jobKeyOf(job.name);
    if (!found) throw new PermanentJobError('unknown-job', `no job named "${job.name}" in the catalog`);
    const key: JobKey = found;
    const spec = JOBS[key];
    const checked = checkPayload(spec, job.data);
    if (!checked.ok) throw new PermanentJobError(checked.error.reason, checked.error.message);
    const handler = deps.handlers[key] as ((payload: unknown, context: { signal: AbortSignal; attempt: number }) => Promise<JobResults[JobKey]>) | undefined;
    if (!handler) throw new PermanentJobError('no-handler', `this process has no handler for ${spec.name}`);
    if (key === 'fetchSource' && deps.deferPoll && token) {
      const deferMs = await deps.deferPoll();
      if (deferMs > 0) {
        // Backpressure: the poll waits (delayed, not dropped) until the enrich workers catch up.
        await job.moveToDelayed(Date.now() + deferMs, token);
        throw new DelayedError();
      }
    }
    try {
      const result = await withJobTimeout(spec, (signal) => handler(checked.data, { signal, attempt: job.attemptsMade + 1 }), deps.stopping);
      const finished = { key, payload: checked.data, result, jobId: job.id ?? '' } as FinishedJob;
      // A next job whose payload fails its schema is as permanent as this one's would be.
      await deps.enqueue(nextJobs(key, result as never));
      await deps.onFinished?.(finished);
      return summary(finished);
    } catch (error) {
      if (isPermanent(error)) {
        const reason = error instanceof HubwatchError ? error.reason : 'permanent';
        throw new PermanentJobError(reason, error instanceof Error ? error.message : String(error));
      }
      throw error;
    }
  };
}
