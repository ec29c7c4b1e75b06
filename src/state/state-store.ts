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

/** A state saved as JSON, completed with the `emptySourceState` values of fields it predates. */
export function parseSavedState(sourceId: string, json: string): SourceState {
  return { ...emptySourceState(sourceId), ...(JSON.parse(json) as Partial<SourceState>) };
}

/** Ids marked seen are remembered at least this long after their latest `markSeen`. */
export const SEEN_RETENTION_DAYS = 120;

/**
 * Per-source state and the ids each source has already delivered. SQLite in embedded mode
 * (src/state/sqlite-state-store.ts); Redis in distributed mode. Every adapter passes the contract
 * suite in test/contract/state-store.contract.ts. Stores opened on the same backing storage (two
 * processes on one SQLite file, or on one Redis) see each other's writes once the call resolved.
 */
export interface StateStore {
  /**
   * The state last saved for this source, or `emptySourceState(sourceId)` when none was. Fields
   * missing from a state saved by an older version take their `emptySourceState` value. The result
   * is the caller's own copy: changing it changes nothing in the store.
   */
  get(sourceId: string): Promise<SourceState>;
  /** Every saved state, one per source, ordered by `sourceId`; completed with defaults as `get` does. */
  all(): Promise<SourceState[]>;
  /**
   * Replaces the whole state of `state.sourceId` (the last save wins). The store keeps a copy:
   * changing `state` afterwards changes nothing in the store.
   */
  save(state: SourceState): Promise<void>;
  /**
   * Of `ids`, those `markSeen` recorded for this very source (ids marked for another source do not
   * count). Duplicates in `ids` are harmless; an empty `ids` gives an empty set.
   */
  seen(sourceId: string, ids: readonly string[]): Promise<Set<string>>;
  /**
   * Records ids as delivered by this source; call only after they are durably indexed. Idempotent:
   * marking an id again only moves its time to `at`. Ids stay seen for at least
   * `SEEN_RETENTION_DAYS` after `at`; an adapter may forget them after that.
   */
  markSeen(sourceId: string, ids: readonly string[], at: Date): Promise<void>;
  /** Releases the store's connections; the data stays. */
  close(): Promise<void>;
}
