import type { Logger } from '../platform/logger.js';
import { JOBS, type JobKey, type JobPayload, type JobSpec } from './job-catalog.js';
import { InvalidPayloadError, isPermanent, JobTimeoutError } from './job-errors.js';
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

/** Backoff before try `attempt + 1`: exponential, spread by ± jitter. */
export function backoffDelay(spec: Pick<JobSpec, 'backoff'>, attempt: number, random: number): number {
  const base = spec.backoff.delayMs * 2 ** (attempt - 1);
  return Math.max(0, Math.round(base * (1 + spec.backoff.jitter * (2 * random - 1))));
}

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
    const parsed = spec.payload.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const error = new InvalidPayloadError(spec.name, issue ? `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : 'invalid');
      this.options.logger.error({ job: spec.name, reason: error.reason, err: error }, 'job failed');
      return { key, payload: raw, attempts: 0, ok: false, error } as JobOutcome;
    }
    const handler = this.handlers[key] as (payload: unknown, context: { signal: AbortSignal; attempt: number }) => Promise<JobResults[K]>;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await this.withTimeout(spec, (signal) => handler(parsed.data, { signal, attempt }));
        return { key, payload: parsed.data, attempts: attempt, ok: true, result } as JobOutcome;
      } catch (error) {
        const last = attempt >= spec.attempts || isPermanent(error);
        this.options.logger[last ? 'error' : 'warn']({ job: spec.name, attempt, err: error }, last ? 'job failed' : 'job failed; will retry');
        if (last) return { key, payload: parsed.data, attempts: attempt, ok: false, error } as JobOutcome;
        await this.sleep(backoffDelay(spec, attempt, this.random()));
      }
    }
  }

  private async withTimeout<T>(spec: JobSpec, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new JobTimeoutError(spec.name, spec.timeoutMs);
        controller.abort(error);
        reject(error);
      }, spec.timeoutMs);
      timer.unref();
    });
    try {
      return await Promise.race([work(controller.signal), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}
