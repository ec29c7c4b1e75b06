import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A Lua script run atomically on Redis: by its SHA1 once Redis has it, sent whole the first time. */
export interface RedisScript {
  run(redis: Redis, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown>;
}

/**
 * Wraps a Lua script so each call costs one round trip (`EVALSHA`), falling back to `EVAL` when
 * Redis does not hold it (first call, after a restart or `SCRIPT FLUSH`). Unlike ioredis's
 * `defineCommand`, it adds nothing to a client shared with other code.
 */
export function redisScript(source: string): RedisScript {
  const sha = createHash('sha1').update(source).digest('hex');
  return {
    async run(redis, keys, args) {
      try {
        return await redis.evalsha(sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
        return redis.eval(source, keys.length, ...keys, ...args);
      }
    },
  };
}
