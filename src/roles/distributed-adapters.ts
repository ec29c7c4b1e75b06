import type { Redis } from 'ioredis';
import type { HubwatchConfig } from '../config/schema.js';
import type { HostPoliteness } from '../connectors/http/host-politeness.js';
import { SqliteStateStore } from '../state/sqlite-state-store.js';
import type { StateStore } from '../state/state-store.js';

/** The adapters worker processes share: source state, and per-host politeness when it spans processes. */
export interface SharedAdapters {
  state: StateStore;
  /** Per-host pacing shared by every fetch worker; undefined = each process paces its own requests. */
  politeness?: HostPoliteness;
  close(): Promise<void>;
}

/**
 * The one place that picks the adapters of the distributed mode. Today: source state in the SQLite
 * file beside the index (several processes on one machine share it safely: WAL, busy timeout) and
 * per-host politeness within each process. Redis adapters plug in here, and nowhere else.
 */
export function openSharedAdapters(config: HubwatchConfig, _redis: Redis, _prefix: string): SharedAdapters {
  const state = new SqliteStateStore(config.index.sqlite.path);
  return { state, close: () => state.close() };
}
