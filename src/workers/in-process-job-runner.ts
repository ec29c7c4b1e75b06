import type { Logger } from '../platform/logger.js';
import { JOBS, type JobKey, type JobPayload, type JobSpec } from './job-catalog.js';
import { backoffDelay, checkPayload, withJobTimeout } from './job-execution.js';
import { isPermanent } from './job-errors.js';
import type { JobHandlers, JobResults } from './job-handlers.js';
import { nextJobs, type JobRequest } from './transitions.js';

/** How one job ended: its result, or the error of its last try. */
export type JobOutcome = {
  [K in JobKey]: { key: K; payload: unknown; attempts: number } & ({ ok: true; result: JobResults[K] } | { ok: false; error: unknown });
}[JobKey];

export interface InProcessJobRunnerOptions {
  logger: Logger;
  /** Waits between tries (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1) for backoff jitter. */
  random?: () => number;
}

export { backoffDelay };

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the job catalog inside this process, as a queue driver would across processes: the payload
 * is checked against its schema, transient faults are retried with exponential backoff and jitter
 * up to the job's attempts, permanent ones fail at once, each try has the job's timeout, and the
 * jobs that follow (src/workers/transitions.ts) run next.
 */
export class InProcessJobRunner {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly options: InProcessJobRunnerOptions,
  ) {
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
  }

  /** Runs a job and every job that follows from it; returns their outcomes in the order they ran. */
  async run(request: JobRequest): Promise<JobOutcome[]> {
    const outcome = await this.runOne(request.key, request.payload);
    const outcomes: JobOutcome[] = [outcome];
    if (outcome.ok) {
      for (const next of nextJobs(outcome.key, outcome.result as never)) outcomes.push(...(await this.run(next)));
    }
    return outcomes;
  }

  private async runOne<K extends JobKey>(key: K, raw: JobPayload<K>): Promise<JobOutcome> {
    const spec: JobSpec = JOBS[key];
    const parsed = checkPayload(spec, raw);
    if (!parsed.ok) {
      const { error } = parsed;
      this.options.logger.error({ job: spec.name, reason: error.reason, err: error }, 'job failed');
      return { key, payload: raw, attempts: 0, ok: false, error } as JobOutcome;
    }
    const handler = this.handlers[key] as (payload: unknown, context: { signal: AbortSignal; attempt: number }) => Promise<JobResults[K]>;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await withJobTimeout(spec, (signal) => handler(parsed.data, { signal, attempt }));
        return { key, payload: parsed.data, attempts: attempt, ok: true, result } as JobOutcome;
      } catch (error) {
        const last = attempt >= spec.attempts || isPermanent(error);
        this.options.logger[last ? 'error' : 'warn']({ job: spec.name, attempt, err: error }, last ? 'job failed' : 'job failed; will retry');
        if (last) return { key, payload: parsed.data, attempts: attempt, ok: false, error } as JobOutcome;
        await this.sleep(backoffDelay(spec, attempt, this.random()));
      }
    }
  }
}
