import { Redis, type RedisOptions } from 'ioredis';
import { HubwatchError } from '../core/errors.js';

/** Redis did not answer in time (down, unreachable, or a wrong URL). Transient: it may come back. */
export class RedisUnavailableError extends HubwatchError {
  constructor(what: string, url: string, timeoutMs: number, cause?: unknown) {
    super(
      `${what}: Redis at ${displayRedisUrl(url)} did not answer within ${Math.round(timeoutMs / 100) / 10} s ` +
        '(is it running and reachable? the URL comes from REDIS_URL or queue.redisUrl)',
      { reason: 'redis-unavailable', retryable: true, ...(cause === undefined ? {} : { cause }) },
    );
  }
}

/** The URL without its password, for messages and logs. */
export function displayRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(invalid URL)';
  }
}

/** Rejects with `onTimeout()` when `work` has not settled after `timeoutMs`; never leaves a timer behind. */
export async function withDeadline<T>(work: Promise<T>, timeoutMs: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), timeoutMs);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Connection options for BullMQ: commands wait through a reconnect instead of failing
 * (`maxRetriesPerRequest: null`, which workers require), reconnects back off to 2 s and never give
 * up, so a restarted Redis is picked up again without a manual restart. Callers that must not hang
 * put their own deadline on top (`withDeadline`).
 */
export function redisOptions(timeoutMs: number): RedisOptions {
  return {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectTimeout: timeoutMs,
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2_000),
    // A restarted Redis that was a replica or loading its AOF answers with errors for a moment.
    reconnectOnError: (error) => /READONLY|LOADING/.test(error.message),
    lazyConnect: true,
  };
}

/**
 * Opens a client and waits until Redis answers; past `timeoutMs` it is closed and a
 * `RedisUnavailableError` says where it looked. Never hangs.
 */
export async function connectRedis(url: string, timeoutMs: number): Promise<Redis> {
  const client = new Redis(url, redisOptions(timeoutMs));
  // Connection errors are retried by the client itself; they are reported through the deadline.
  client.on('error', () => undefined);
  try {
    await withDeadline(client.connect(), timeoutMs, () => new RedisUnavailableError('cannot start', url, timeoutMs));
    return client;
  } catch (error) {
    client.disconnect();
    if (error instanceof RedisUnavailableError) throw error;
    throw new RedisUnavailableError('cannot start', url, timeoutMs, error);
  }
}
