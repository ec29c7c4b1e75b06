import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RedisHostPoliteness, type RedisHostPolitenessOptions } from '../../src/connectors/http/redis-host-politeness.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/test-redis.js';
import { watch } from '../support/watch-promise.js';

const signal = (): AbortSignal => new AbortController().signal;
const elapsed = (since: number): number => performance.now() - since;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const SLACK_MS = 15;

// Two "processes": two clients, two instances, one prefix.
describe('RedisHostPoliteness across processes', () => {
  let prefix: string;
  const clients: Redis[] = [];
  const instances: RedisHostPoliteness[] = [];

  beforeEach(() => {
    prefix = uniquePrefix('politeness-shared');
  });

  afterEach(async () => {
    for (const instance of instances.splice(0)) await instance.close();
    const cleaner = testRedis();
    await deleteKeys(cleaner, prefix);
    await cleaner.quit();
    for (const redis of clients.splice(0)) if (redis.status === 'ready') await redis.quit();
  });

  function processWith(options: RedisHostPolitenessOptions): { politeness: RedisHostPoliteness; redis: Redis } {
    const redis = testRedis();
    clients.push(redis);
    const politeness = new RedisHostPoliteness(redis, prefix, options);
    instances.push(politeness);
    return { politeness, redis };
  }

  it('shares the concurrency slots of a host', async () => {
    const a = processWith({ concurrency: 2, minDelayMs: 0 }).politeness;
    const b = processWith({ concurrency: 2, minDelayMs: 0 }).politeness;
    const first = await a.acquire('news.example', signal());
    const second = await b.acquire('news.example', signal());
    const third = watch(b.acquire('news.example', signal()));
    const fourth = watch(a.acquire('news.example', signal()));
    await pause(300);
    expect(third.settled() || fourth.settled()).toBe(false);
    // A slot freed by one process goes to one request waiting, in either process (no order
    // across processes is promised), and only to one.
    await first();
    await Promise.race([third.promise, fourth.promise]);
    await pause(300);
    expect([third.settled(), fourth.settled()].filter(Boolean)).toHaveLength(1);
    await second();
    for (const release of await Promise.all([third.promise, fourth.promise])) await release();
  });

  it('spaces starts on a host by minDelay whichever process starts them', async () => {
    const minDelayMs = 200;
    const a = processWith({ concurrency: 4, minDelayMs }).politeness;
    const b = processWith({ concurrency: 4, minDelayMs }).politeness;
    const started = performance.now();
    const starts: number[] = [];
    await Promise.all(
      [a, b, a, b].map(async (politeness) => {
        const release = await politeness.acquire('news.example', signal());
        starts.push(elapsed(started));
        await release();
      }),
    );
    starts.sort((x, y) => x - y);
    for (let i = 1; i < starts.length; i += 1) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(minDelayMs - SLACK_MS);
  });

  it('shares penalties: a 429 seen by one process holds the other back', async () => {
    const a = processWith({ concurrency: 2, minDelayMs: 0 }).politeness;
    const b = processWith({ concurrency: 2, minDelayMs: 0 }).politeness;
    await a.penalise('news.example', 60);
    expect(await b.blockedFor('news.example')).toBeGreaterThanOrEqual(59);
    const controller = new AbortController();
    const blocked = watch(b.acquire('news.example', controller.signal));
    await pause(200);
    expect(blocked.settled()).toBe(false);
    controller.abort(new Error('cancelled'));
    await expect(blocked.promise).rejects.toThrow('cancelled');
    expect(await b.blockedFor('other.example')).toBe(0);
  });

  it('keeps a live holder\'s slot past its lease by renewing it, and frees a dead holder\'s slot when the lease ends', async () => {
    const leaseMs = 1_000;
    const a = processWith({ concurrency: 1, minDelayMs: 0, leaseMs });
    const b = processWith({ concurrency: 1, minDelayMs: 0, leaseMs }).politeness;
    const held = await a.politeness.acquire('news.example', signal());
    const waiting = watch(b.acquire('news.example', signal()));
    await pause(2.5 * leaseMs);
    expect(waiting.settled()).toBe(false);
    await held();
    await (await waiting.promise)();

    // Process a takes the slot and dies without releasing it: its connection drops, renewals stop.
    await a.politeness.acquire('news.example', signal());
    a.redis.disconnect();
    const started = performance.now();
    const after = await b.acquire('news.example', signal());
    expect(elapsed(started)).toBeLessThan(10 * leaseMs);
    await after();
  });
});
