import type { HubwatchConfig } from '../config/schema.js';
import type { StateStore } from '../state/state-store.js';

/**
 * The source state (cursors, health, seen ids) where the pipeline keeps it: in Redis under
 * `queue.prefix` when a Redis URL puts the pipeline in distributed mode, else in the SQLite file
 * beside the index. For readers outside the pipeline (`sources list`, the API's source health).
 * Redis unreachable is a clear error within `queue.connectTimeout`. Closing releases the
 * connection it opened.
 */
export async function openSourceStateStore(config: Pick<HubwatchConfig, 'index' | 'queue'>): Promise<StateStore> {
  const url = config.queue.redisUrl;
  if (!url) {
    const { SqliteStateStore } = await import('../state/sqlite-state-store.js');
    return new SqliteStateStore(config.index.sqlite.path);
  }
  const [{ connectQueueRedis }, { RedisStateStore }] = await Promise.all([import('../queue/redis-connection.js'), import('../state/redis-state-store.js')]);
  const redis = await connectQueueRedis(url, config.queue.connectTimeout * 1000);
  const store = new RedisStateStore(redis, config.queue.prefix);
  // The store leaves its client to the caller; this caller opened one for it alone.
  return Object.assign(Object.create(store) as StateStore, {
    async close() {
      await store.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  });
}
