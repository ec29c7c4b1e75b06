import type { ConnectorCursor } from '../connectors/connector.js';

/**
 * Health of a source as `sources list` shows it. `degraded`: the last poll worked but its document
 * was incomplete (cut off after some items; `lastError` says what was lost).
 */
export type SourceStatus = 'new' | 'ok' | 'degraded' | 'backoff' | 'failing';

/** What hubwatch remembers about one source between polls. */
export interface SourceState {
  sourceId: string;
  /** Connector cursor (ETag, Last-Modified, position); advanced only after indexing. */
  cursor: ConnectorCursor;
  status: SourceStatus;
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  /** One line: the reason and message of the last failure. */
  lastError: string | null;
  consecutiveFailures: number;
  intervalSeconds: number | null;
  nextPollAt: string | null;
  /** Estimated new items per day (moving average over polls). */
  itemsPerDay: number;
  /**
   * Seconds the source itself asked to be left alone at its last answer (RSS ttl, Cache-Control,
   * Expires), or null: a floor under the adaptive interval, shown by `sources list`.
   */
  sourceAskedSeconds?: number | null;
  /** New items indexed from this source, all time. */
  itemsTotal: number;
}

export function emptySourceState(sourceId: string): SourceState {
  return {
    sourceId,
    cursor: {},
    status: 'new',
    lastPollAt: null,
    lastSuccessAt: null,
    lastErrorAt: null,
    lastError: null,
    consecutiveFailures: 0,
    intervalSeconds: null,
    nextPollAt: null,
    itemsPerDay: 0,
    itemsTotal: 0,
  };
}

/**
 * Per-source state and the ids each source has already delivered. SQLite in embedded mode
 * (src/state/sqlite-state-store.ts); Redis in distributed mode.
 */
export interface StateStore {
  get(sourceId: string): Promise<SourceState>;
  all(): Promise<SourceState[]>;
  save(state: SourceState): Promise<void>;
  /** Of `ids`, those this source already delivered and that were indexed. */
  seen(sourceId: string, ids: readonly string[]): Promise<Set<string>>;
  /** Records ids as delivered; call only after they are durably indexed. */
  markSeen(sourceId: string, ids: readonly string[], at: Date): Promise<void>;
  close(): Promise<void>;
}
