/**
 * When to poll a source next, from what just happened. Pure: the clock and the history come in,
 * the decision goes out; the driver stores it.
 */

/** Interval bounds of a source type (from its manifest), in seconds. */
export interface PollBounds {
  min: number;
  max: number;
  initial: number;
}

/** What the last poll produced. `minIntervalSeconds` is what the source asked for (ttl, Cache-Control). */
export type PollOutcome =
  | { kind: 'ok'; newItems: number; minIntervalSeconds?: number }
  | { kind: 'not-modified'; minIntervalSeconds?: number }
  | { kind: 'error'; error: unknown };

export interface PollInput {
  now: Date;
  previousIntervalSeconds: number;
  bounds: PollBounds;
  outcome: PollOutcome;
  /** Failures in a row before this poll (0 after a success). */
  consecutiveFailures: number;
  /** A number in [0, 1) to spread retries (jitter); defaults to 0.5 so the function stays deterministic. */
  random?: number;
}

export interface PollDecision {
  nextPollAt: Date;
  intervalSeconds: number;
  /** `ok`: healthy; `backoff`: failing for now, retried sooner or later; `failing`: broken, polled rarely and shown. */
  status: 'ok' | 'failing' | 'backoff';
  consecutiveFailures: number;
}

/** Permanent failures in a row before a source is marked failing (a 404 during a site move heals). */
export const PERMANENT_FAILURES_BEFORE_FAILING = 3;
/** Transient failures in a row before a source is marked failing. */
export const TRANSIENT_FAILURES_BEFORE_FAILING = 8;
/** Never ask a source less often than once a day, whatever it says. */
const DAY = 86_400;

const PERMANENT_REASONS = new Set([
  'not-found', 'gone', 'forbidden', 'not-a-feed', 'egress-blocked', 'bad-url', 'dns-not-found', 'too-large',
  'too-many-redirects', 'redirect-loop', 'redirect-downgrade', 'bad-redirect', 'content-encoding', 'credentials-in-url',
]);

function describe(error: unknown): { permanent: boolean; gone: boolean; retryAfter: number | undefined } {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as {
    reason?: unknown;
    status?: unknown;
    retryable?: unknown;
    retryAfterSeconds?: unknown;
  };
  const reason = typeof fields.reason === 'string' ? fields.reason : '';
  const status = typeof fields.status === 'number' ? fields.status : undefined;
  const retryAfter = typeof fields.retryAfterSeconds === 'number' ? fields.retryAfterSeconds : undefined;
  const gone = status === 410 || reason === 'gone';
  const permanent = gone || status === 404 || PERMANENT_REASONS.has(reason) || fields.retryable === false;
  return { permanent, gone, retryAfter };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function decision(now: Date, intervalSeconds: number, status: PollDecision['status'], consecutiveFailures: number): PollDecision {
  const seconds = Math.round(intervalSeconds);
  return { nextPollAt: new Date(now.getTime() + seconds * 1000), intervalSeconds: seconds, status, consecutiveFailures };
}

/**
 * Decides the next poll.
 *
 * - Success with new items: the interval halves (down to `bounds.min`); with none, or a 304, it
 *   grows by half (up to `bounds.max`). What the source asked for (`minIntervalSeconds`: RSS ttl,
 *   Cache-Control, Expires) is a floor, capped at a day.
 * - A transient error (timeout, 5xx, 429): exponential backoff from `bounds.initial`, with ±20 %
 *   jitter, never sooner than the server's Retry-After; `failing` after
 *   {@link TRANSIENT_FAILURES_BEFORE_FAILING} in a row.
 * - A permanent error (404, 410, not a feed, refused address; read from the error's `reason`,
 *   `status` and `retryable`): 410 is `failing` at once, the others after
 *   {@link PERMANENT_FAILURES_BEFORE_FAILING} in a row. A failing source is polled rarely (four
 *   times the maximum interval, at least 6 h, at most a day) so that it can come back.
 */
export function nextPoll(input: PollInput): PollDecision {
  const { now, bounds, outcome } = input;
  const previous = input.previousIntervalSeconds > 0 ? input.previousIntervalSeconds : bounds.initial;
  switch (outcome.kind) {
    case 'ok':
    case 'not-modified': {
      const fresh = outcome.kind === 'ok' ? outcome.newItems : 0;
      const adapted = clamp(fresh > 0 ? previous / 2 : previous * 1.5, bounds.min, bounds.max);
      const floor = Math.min(outcome.minIntervalSeconds ?? 0, DAY);
      return decision(now, Math.max(adapted, floor), 'ok', 0);
    }
    case 'error': {
      const failures = input.consecutiveFailures + 1;
      const { permanent, gone, retryAfter } = describe(outcome.error);
      const failing = gone || failures >= (permanent ? PERMANENT_FAILURES_BEFORE_FAILING : TRANSIENT_FAILURES_BEFORE_FAILING);
      if (failing) return decision(now, clamp(bounds.max * 4, 6 * 3600, DAY), 'failing', failures);
      const jitter = 0.8 + 0.4 * (input.random ?? 0.5);
      const backoff = Math.min(bounds.initial * 2 ** (failures - 1), bounds.max * 2) * jitter;
      return decision(now, clamp(Math.max(backoff, retryAfter ?? 0), bounds.min, DAY), 'backoff', failures);
    }
  }
}
