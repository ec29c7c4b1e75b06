import { createServer, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRedisHealth, connectRedis, redactRedisUrl, RedisUnavailableError } from '../../src/queue/redis-health.js';
import { freePort, startRedisServer, type OwnRedisServer } from '../support/redis-server.js';
import { TEST_REDIS_URL } from '../support/test-redis.js';

describe('connectRedis', () => {
  it('resolves a ready client on a Redis that answers', async () => {
    const redis = await connectRedis(TEST_REDIS_URL, { deadlineMs: 5_000 });
    expect(await redis.ping()).toBe('PONG');
    await redis.quit();
  });

  it('rejects within the deadline on a closed port, naming the URL without its password', async () => {
    const port = await freePort();
    const started = performance.now();
    const error = await connectRedis(`redis://:s3cret-pw@127.0.0.1:${port}/0`, { deadlineMs: 1_500 }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(error).toBeInstanceOf(RedisUnavailableError);
    const message = (error as Error).message;
    expect(message).toContain(`redis://:***@127.0.0.1:${port}/0`);
    expect(message).toContain('ECONNREFUSED');
    expect(message).not.toContain('s3cret');
  });

  it('rejects within the deadline on a server that accepts connections and never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const started = performance.now();
      await expect(connectRedis(`redis://127.0.0.1:${port}`, { deadlineMs: 1_000 })).rejects.toThrow(`Redis at redis://127.0.0.1:${port} is unreachable`);
      expect(performance.now() - started).toBeLessThan(4_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('reconnects by itself once connected, when Redis restarts', async () => {
    const server = await startRedisServer(['--appendonly', 'yes', '--appendfsync', 'always']);
    const redis = await connectRedis(server.url, { deadlineMs: 5_000 });
    redis.on('error', () => undefined);
    try {
      await redis.set('k', 'v');
      await server.restart();
      expect(await redis.get('k')).toBe('v');
    } finally {
      redis.disconnect();
      await server.stop();
    }
  });

  it('redacts a password, or a bare token given as the user', () => {
    expect(redactRedisUrl('redis://user:pw@redis.internal:6380/2')).toBe('redis://user:***@redis.internal:6380/2');
    expect(redactRedisUrl('rediss://token@redis.internal')).toBe('rediss://***@redis.internal');
    expect(redactRedisUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});

describe('checkRedisHealth', () => {
  const servers: OwnRedisServer[] = [];
  const clients: Redis[] = [];

  afterEach(async () => {
    for (const redis of clients.splice(0)) redis.disconnect();
    for (const server of servers.splice(0)) await server.stop();
  });

  async function serverWith(args: string[], user?: string): Promise<Redis> {
    const server = await startRedisServer(args);
    servers.push(server);
    const redis = new Redis(server.url, user ? { username: user, password: 'pw' } : {});
    clients.push(redis);
    return redis;
  }

  it('is quiet on a Redis with noeviction and AOF', async () => {
    const redis = await serverWith(['--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction']);
    expect(await checkRedisHealth(redis)).toEqual([]);
  });

  it('counts RDB save points as persistence', async () => {
    const redis = await serverWith(['--appendonly', 'no', '--save', '900 1', '--maxmemory-policy', 'noeviction']);
    expect(await checkRedisHealth(redis)).toEqual([]);
  });

  it('warns when keys may be evicted and when persistence is off', async () => {
    const redis = await serverWith(['--appendonly', 'no', '--save', '', '--maxmemory-policy', 'allkeys-lru']);
    const warnings = await checkRedisHealth(redis);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('maxmemory-policy is allkeys-lru, not noeviction');
    expect(warnings[1]).toContain('persistence is off');
  });

  it('says it could not check when CONFIG GET is refused', async () => {
    const admin = await serverWith(['--maxmemory-policy', 'allkeys-lru']);
    await admin.call('ACL', 'SETUSER', 'limited', 'on', '>pw', '~*', '&*', '+@all', '-config');
    const limited = new Redis(admin.options.port!, '127.0.0.1', { username: 'limited', password: 'pw' });
    clients.push(limited);
    const warnings = await checkRedisHealth(limited);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^could not check .*NOPERM/);
  });
});
