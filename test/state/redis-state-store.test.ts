import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RedisStateStore } from '../../src/state/redis-state-store.js';
import { SEEN_RETENTION_DAYS } from '../../src/state/state-store.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/test-redis.js';

const DAY = 86_400_000;

describe('RedisStateStore: bounded memory', () => {
  let redis: Redis;
  let prefix: string;

  beforeEach(() => {
    redis = testRedis();
    prefix = uniquePrefix('state-bounds');
  });

  afterEach(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it(`trims ids older than ${SEEN_RETENTION_DAYS} days before the newest mark, and keeps the rest`, async () => {
    const start = Date.parse('2026-11-01T00:00:00.000Z');
    const store = new RedisStateStore(redis, prefix, () => start);
    await store.markSeen('le-monde', ['old', 'kept'], new Date(start));
    await store.markSeen('le-monde', ['kept'], new Date(start + 10 * DAY));
    await store.markSeen('le-monde', ['new'], new Date(start + (SEEN_RETENTION_DAYS + 1) * DAY));
    expect(await store.seen('le-monde', ['old', 'kept', 'new'])).toEqual(new Set(['kept', 'new']));
    expect(await redis.zcard(`${prefix}:state:seen:le-monde`)).toBe(2);
  });

  it('lets the set of a source that stops delivering expire, never before retention has passed since its newest mark', async () => {
    const now = Date.parse('2026-11-01T00:00:00.000Z');
    const store = new RedisStateStore(redis, prefix, () => now);
    await store.markSeen('quiet', ['a'], new Date(now - 20 * DAY));
    const ttl = await redis.pttl(`${prefix}:state:seen:quiet`);
    expect(ttl).toBeGreaterThan((SEEN_RETENTION_DAYS - 1) * DAY);
    expect(ttl).toBeLessThanOrEqual(SEEN_RETENTION_DAYS * DAY);
    // A mark dated ahead of this clock keeps the set at least that much longer.
    await store.markSeen('quiet', ['b'], new Date(now + 5 * DAY));
    expect(await redis.pttl(`${prefix}:state:seen:quiet`)).toBeGreaterThan((SEEN_RETENTION_DAYS + 4) * DAY);
  });
});
