import type { Redis } from 'ioredis';
import type { HubwatchConfig } from '../config/schema.js';
import type { HostPoliteness } from '../connectors/http/host-politeness.js';
import { RedisHostPoliteness } from '../connectors/http/redis-host-politeness.js';
import { createRedisStoryMemory } from '../enrich/redis-story-memory.js';
import type { StoryMemory } from '../enrich/story-memory.js';
import { RedisStateStore } from '../state/redis-state-store.js';
import type { StateStore } from '../state/state-store.js';

/** The adapters worker processes share through Redis. */
export interface SharedAdapters {
  /** Source cursors, health and seen ids. */
  state: StateStore;
  /** Per-host pacing shared by every fetch worker. */
  politeness: HostPoliteness;
  /** A story memory that assigns stories as one embedded run would, across enrich workers. */
  stories(): StoryMemory;
  /** Releases what the adapters hold (the Redis client stays the caller's). */
  close(): Promise<void>;
}

/**
 * The one place that picks the adapters of the distributed mode: source state, per-host
 * politeness and story memory on the same Redis as the queues, under `queue.prefix`.
 */
export function openSharedAdapters(config: Pick<HubwatchConfig, 'fetch'>, redis: Redis, prefix: string): SharedAdapters {
  const state = new RedisStateStore(redis, prefix);
  const politeness = new RedisHostPoliteness(redis, prefix, {
    concurrency: config.fetch.perHost.concurrency,
    minDelayMs: config.fetch.perHost.minDelay * 1000,
  });
  return {
    state,
    politeness,
    stories: () => createRedisStoryMemory(redis, prefix),
    async close() {
      await politeness.close();
      await state.close();
    },
  };
}
