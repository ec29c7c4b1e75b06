import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis integration tests use: `REDIS_URL`, else the local one. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A new client on the test Redis; the test quits it. */
export function testRedis(): Redis {
  return new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 2 });
}

/** A key prefix no other test (nor another run of this one) uses. */
export function uniquePrefix(test: string): string {
  return `hubwatch-test:${test}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Deletes every key under `prefix` (glob characters are not expected in test prefixes). */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}
