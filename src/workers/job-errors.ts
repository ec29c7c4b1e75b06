import { HubwatchError } from '../core/errors.js';

/** A job's payload fails its schema: it can never succeed, so it is failed at once, not retried. */
export class InvalidPayloadError extends HubwatchError {
  constructor(job: string, detail: string) {
    super(`job ${job}: payload does not match its schema (${detail})`, { reason: 'invalid-payload', retryable: false });
  }
}

/** A job names something that does not exist (a source removed from the configuration). */
export class UnknownTargetError extends HubwatchError {
  constructor(message: string) {
    super(message, { reason: 'unknown-target', retryable: false });
  }
}

/** A try ran past its job's timeout. Transient: the next try may be faster. */
export class JobTimeoutError extends HubwatchError {
  constructor(job: string, timeoutMs: number) {
    super(`job ${job}: timed out after ${Math.round(timeoutMs / 1000)} s`, { reason: 'job-timeout', retryable: true });
  }
}

/** Permanent faults are failed at once and kept with their reason; everything else is retried. */
export function isPermanent(error: unknown): boolean {
  return error instanceof HubwatchError && !error.retryable;
}
