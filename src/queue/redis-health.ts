import { Redis, type RedisOptions } from 'ioredis';
import { HubwatchError } from '../core/errors.js';

/** Redis could not be reached within the deadline: one line naming the URL (password hidden) and why. */
export class RedisUnavailableError extends HubwatchError {
  constructor(message: string, cause?: unknown) {
    super(message, { reason: 'redis-unavailable', retryable: true, cause });
  }
}

/** The URL as it may be shown: the password (and a bare token in the user part) replaced by `***`. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    else if (parsed.username) parsed.username = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(an unreadable Redis URL)';
  }
}

/**
 * Connects to Redis at `url`, or rejects within `deadlineMs` with a `RedisUnavailableError` naming
 * the URL (password redacted) and the last error: never hangs on a closed port, a black-holed host
 * or a server that does not answer. While the first connection is attempted, ioredis retries only
 * until the deadline; once connected, it reconnects without end (a Redis restart is recovered
 * without restarting the process). `options` are passed to ioredis (BullMQ workers need
 * `maxRetriesPerRequest: null`); the caller quits the client.
 */
export async function connectRedis(url: string, { deadlineMs, options = {} }: { deadlineMs: number; options?: RedisOptions }): Promise<Redis> {
  const shown = redactRedisUrl(url);
  const started = Date.now();
  let connected = false;
  let lastError: Error | undefined;
  const redis = new Redis(url, {
    ...options,
    lazyConnect: true,
    connectTimeout: Math.max(100, Math.min(deadlineMs, options.connectTimeout ?? 10_000)),
    retryStrategy: (times) => {
      if (connected) return Math.min(times * 200, 2_000);
      const delay = Math.min(times * 100, 1_000);
      return Date.now() - started + delay < deadlineMs ? delay : null;
    },
  });
  const onError = (error: Error): void => {
    lastError = error;
  };
  redis.on('error', onError);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${deadlineMs} ms`)), deadlineMs);
  });
  try {
    await Promise.race([redis.connect(), deadline]);
    await Promise.race([redis.ping(), deadline]);
    connected = true;
    return redis;
  } catch (error) {
    redis.disconnect();
    const why = lastError?.message ?? (error as Error).message;
    throw new RedisUnavailableError(`Redis at ${shown} is unreachable: ${why} (gave up after ${Date.now() - started} ms)`, lastError ?? error);
  } finally {
    clearTimeout(timer);
    // After the first connect, errors are the caller's to observe (ioredis logs unhandled ones).
    redis.off('error', onError);
  }
}

/**
 * What to warn about at start: Redis evicting keys under memory pressure (queue jobs and state
 * would vanish) unless `maxmemory-policy` is `noeviction`, and persistence off (AOF and RDB both
 * disabled: a restart loses every queued job and the state). Empty when all is well. A server that
 * refuses `CONFIG GET` (managed Redis, ACLs) gives one "could not check" warning instead.
 */
export async function checkRedisHealth(redis: Redis): Promise<string[]> {
  let config: Record<string, string>;
  try {
    const pairs = (await redis.config('GET', 'maxmemory-policy', 'appendonly', 'save')) as string[];
    config = {};
    for (let i = 0; i + 1 < pairs.length; i += 2) config[pairs[i]!] = pairs[i + 1]!;
  } catch (error) {
    return [`could not check Redis's maxmemory-policy and persistence (CONFIG GET refused: ${(error as Error).message}); make sure it runs with maxmemory-policy noeviction and AOF on`];
  }
  const warnings: string[] = [];
  const policy = config['maxmemory-policy'];
  if (policy !== 'noeviction') {
    warnings.push(`Redis maxmemory-policy is ${policy ?? 'unknown'}, not noeviction: under memory pressure Redis may evict queued jobs and source state; set maxmemory-policy noeviction`);
  }
  if (config.appendonly !== 'yes' && !config.save?.trim()) {
    warnings.push('Redis persistence is off (appendonly no, no RDB save points): a Redis restart loses every queued job and the source state; set appendonly yes');
  }
  return warnings;
}
