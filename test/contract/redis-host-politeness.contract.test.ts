import type { Redis } from 'ioredis';
import { RedisHostPoliteness } from '../../src/connectors/http/redis-host-politeness.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/test-redis.js';
import { describeHostPolitenessContract } from './host-politeness.contract.js';

// Each instance gets its own client and prefix (the contract wants a fresh store per `open`).
const opened: { redis: Redis; prefix: string }[] = [];
describeHostPolitenessContract('redis', {
  open: (limits) => {
    const redis = testRedis();
    const prefix = uniquePrefix('politeness');
    opened.push({ redis, prefix });
    return Promise.resolve(new RedisHostPoliteness(redis, prefix, limits));
  },
  cleanup: async () => {
    for (const { redis, prefix } of opened.splice(0)) {
      await deleteKeys(redis, prefix);
      await redis.quit();
    }
  },
});
