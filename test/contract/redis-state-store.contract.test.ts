import type { Redis } from 'ioredis';
import { RedisStateStore } from '../../src/state/redis-state-store.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/test-redis.js';
import { describeStateStoreContract } from './state-store.contract.js';

// Each store gets its own client, as two processes would; cleanup deletes the keys and quits them.
let prefix = '';
const clients: Redis[] = [];
const storeOnNewClient = (): Promise<RedisStateStore> => {
  const redis = testRedis();
  clients.push(redis);
  return Promise.resolve(new RedisStateStore(redis, prefix));
};
describeStateStoreContract('redis', {
  open: () => {
    prefix = uniquePrefix('state-store');
    return storeOnNewClient();
  },
  reopen: storeOnNewClient,
  cleanup: async () => {
    await deleteKeys(clients[0]!, prefix);
    for (const redis of clients.splice(0)) await redis.quit();
  },
});
