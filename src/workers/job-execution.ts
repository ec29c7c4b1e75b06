import type { JobSpec } from './job-catalog.js';
import { InvalidPayloadError, JobTimeoutError } from './job-errors.js';

/**
 * A payload checked against its job's schema: the parsed value, or the permanent error that says
 * which field is wrong. Every driver checks payloads this way, when a job is added and when it runs.
 */
export function checkPayload(spec: JobSpec, raw: unknown): { ok: true; data: unknown } | { ok: false; error: InvalidPayloadError } {
  const parsed = spec.payload.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: new InvalidPayloadError(spec.name, issue ? `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : 'invalid') };
}

/** Backoff before try `attempt + 1`: exponential, spread by ± jitter. */
export function backoffDelay(spec: Pick<JobSpec, 'backoff'>, attempt: number, random: number): number {
  const base = spec.backoff.delayMs * 2 ** (attempt - 1);
  return Math.max(0, Math.round(base * (1 + spec.backoff.jitter * (2 * random - 1))));
}

/**
 * Runs one try of a job under its timeout: past `spec.timeoutMs` the signal aborts and the try
 * rejects with a (transient) `JobTimeoutError`. `outer` (the driver stopping) aborts it too.
 */
export async function withJobTimeout<T>(spec: JobSpec, work: (signal: AbortSignal) => Promise<T>, outer?: AbortSignal): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const onOuterAbort = (): void => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
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
    outer?.removeEventListener('abort', onOuterAbort);
  }
}
