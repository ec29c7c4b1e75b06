import type { Redis } from 'ioredis';
import { connectRedis, redactRedisUrl, RedisUnavailableError } from './redis-health.js';

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

/** An operation on the queues that Redis did not answer in time: what, where (password hidden), how long. */
export function redisTimeout(what: string, url: string, timeoutMs: number): RedisUnavailableError {
  return new RedisUnavailableError(
    `${what}: Redis at ${redactRedisUrl(url)} did not answer within ${Math.round(timeoutMs / 100) / 10} s (is it running and reachable? the URL comes from REDIS_URL or queue.redisUrl)`,
  );
}

/**
 * The connection a process's queues and workers share: connected within `timeoutMs` or a clear
 * error (never a hang); then commands wait through reconnects instead of failing
 * (`maxRetriesPerRequest: null`, which BullMQ workers require), and the client reconnects without
 * end, so a restarted Redis is picked up again without a manual restart. Callers that must not
 * hang put their own deadline on top (`withDeadline`).
 */
export async function connectQueueRedis(url: string, timeoutMs: number): Promise<Redis> {
  const redis = await connectRedis(url, {
    deadlineMs: timeoutMs,
    options: {
      maxRetriesPerRequest: null,
      enableReadyCheck: true,
      // A restarted Redis still loading its AOF answers with errors for a moment.
      reconnectOnError: (error) => /READONLY|LOADING/.test(error.message),
    },
  });
  // Connection errors while Redis is away are retried by the client; operations report them.
  redis.on('error', () => undefined);
  return redis;
}
