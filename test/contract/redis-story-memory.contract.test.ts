import type { Redis } from 'ioredis';
import { createRedisStoryMemory } from '../../src/enrich/redis-story-memory.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/test-redis.js';
import { describeStoryMemoryContract } from './story-memory.contract.js';

// Each memory gets its own client and prefix (the contract wants a fresh, empty memory per `open`).
const opened: { redis: Redis; prefix: string }[] = [];
describeStoryMemoryContract('redis', {
  open: (options) => {
    const redis = testRedis();
    const prefix = uniquePrefix('stories');
    opened.push({ redis, prefix });
    return Promise.resolve(createRedisStoryMemory(redis, prefix, options));
  },
  cleanup: async () => {
    for (const { redis, prefix } of opened.splice(0)) {
      await deleteKeys(redis, prefix);
      await redis.quit();
    }
  },
});
