import { describe, expect, it } from 'vitest';
import { FetchError, ParseError } from '../core/errors.js';
import { nextPoll, PERMANENT_FAILURES_BEFORE_FAILING, type PollInput } from './poll-policy.js';

const now = new Date('2026-11-27T12:00:00Z');
const bounds = { min: 300, max: 3600, initial: 900 };
const base = (overrides: Partial<PollInput>): PollInput => ({
  now, previousIntervalSeconds: 900, bounds, outcome: { kind: 'ok', newItems: 0 }, consecutiveFailures: 0, ...overrides,
});

describe('nextPoll', () => {
  it('polls more often when new items keep coming, down to the minimum', () => {
    let interval = 900;
    for (let i = 0; i < 5; i += 1) interval = nextPoll(base({ previousIntervalSeconds: interval, outcome: { kind: 'ok', newItems: 3 } })).intervalSeconds;
    expect(interval).toBe(300);
  });

  it('polls less often when nothing changes (304 or no new item), up to the maximum', () => {
    const once = nextPoll(base({ outcome: { kind: 'not-modified' } }));
    expect(once).toEqual({ nextPollAt: new Date(now.getTime() + 1350_000), intervalSeconds: 1350, status: 'ok', consecutiveFailures: 0 });
    let interval = 900;
    for (let i = 0; i < 10; i += 1) interval = nextPoll(base({ previousIntervalSeconds: interval })).intervalSeconds;
    expect(interval).toBe(3600);
  });

  it('never polls sooner than the source asked (ttl, Cache-Control), capped at a day', () => {
    expect(nextPoll(base({ outcome: { kind: 'ok', newItems: 5, minIntervalSeconds: 7200 } })).intervalSeconds).toBe(7200);
    expect(nextPoll(base({ outcome: { kind: 'not-modified', minIntervalSeconds: 10 ** 7 } })).intervalSeconds).toBe(86_400);
  });

  it('backs off exponentially on transient errors and honours Retry-After', () => {
    const timeout = new FetchError('x: timeout', { reason: 'timeout', retryable: true });
    const first = nextPoll(base({ outcome: { kind: 'error', error: timeout } }));
    const third = nextPoll(base({ outcome: { kind: 'error', error: timeout }, consecutiveFailures: 2 }));
    expect(first).toMatchObject({ status: 'backoff', consecutiveFailures: 1, intervalSeconds: 900 });
    expect(third.intervalSeconds).toBe(3600);
    const limited = new FetchError('x: HTTP 429', { reason: 'rate-limited', retryable: true, status: 429, retryAfterSeconds: 5000 });
    expect(nextPoll(base({ outcome: { kind: 'error', error: limited } })).intervalSeconds).toBe(5000);
  });

  it('spreads retries with jitter when given randomness', () => {
    const error = new FetchError('x', { reason: 'network', retryable: true });
    const low = nextPoll(base({ outcome: { kind: 'error', error }, random: 0 })).intervalSeconds;
    const high = nextPoll(base({ outcome: { kind: 'error', error }, random: 0.99 })).intervalSeconds;
    expect(low).toBe(720);
    expect(high).toBeGreaterThan(1070);
  });

  it('marks a source failing after repeated permanent errors (404, not a feed) and polls it rarely', () => {
    const notFound = new FetchError('x: HTTP 404', { reason: 'not-found', retryable: false, status: 404 });
    const early = nextPoll(base({ outcome: { kind: 'error', error: notFound } }));
    expect(early.status).toBe('backoff');
    const late = nextPoll(base({ outcome: { kind: 'error', error: new ParseError('x: not a feed') }, consecutiveFailures: PERMANENT_FAILURES_BEFORE_FAILING - 1 }));
    expect(late).toMatchObject({ status: 'failing', intervalSeconds: 6 * 3600, consecutiveFailures: PERMANENT_FAILURES_BEFORE_FAILING });
  });

  it('marks a 410 Gone failing at once', () => {
    const gone = new FetchError('x: HTTP 410', { reason: 'gone', retryable: false, status: 410 });
    expect(nextPoll(base({ outcome: { kind: 'error', error: gone } })).status).toBe('failing');
  });

  it('treats an unknown thrown value as transient', () => {
    expect(nextPoll(base({ outcome: { kind: 'error', error: 'boom' } })).status).toBe('backoff');
  });

  it('resets the failure count after a success', () => {
    expect(nextPoll(base({ consecutiveFailures: 4 })).consecutiveFailures).toBe(0);
  });
});
