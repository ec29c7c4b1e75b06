import type { Redis } from 'ioredis';
import { emptySourceState, parseSavedState, SEEN_RETENTION_DAYS, type SourceState, type StateStore } from './state-store.js';

const RETENTION_MS = SEEN_RETENTION_DAYS * 86_400_000;

/**
 * Source state in Redis, for the distributed mode: every process on one Redis shares it.
 *
 * Keys under `prefix`: `{prefix}:state:sources`, a hash of source id → the state as JSON (one
 * `HSET` replaces a whole state, so the last save wins as the port says), and one sorted set per
 * source, `{prefix}:state:seen:{sourceId}`, of the ids it delivered scored by the time of their
 * latest mark. A sorted set rather than one key per id or a hash with field expiry: a batch is one
 * `ZMSCORE` to check and one `ZADD` to mark, forgetting is one `ZREMRANGEBYSCORE` below the
 * retention cutoff (relative to the newest mark, as the SQLite store prunes, so a store fed old
 * dates keeps what the contract promises), and it needs no Redis 7.4 field expiry. Memory stays
 * bounded: each mark trims its set to the last `SEEN_RETENTION_DAYS`, and the set of a source
 * that stops delivering expires as a whole that long after its last mark.
 *
 * A mark (add, trim, expiry) is one MULTI transaction, so it is all or nothing, like the SQLite
 * store's. The client is the caller's: the store never opens a connection, and `close` leaves the
 * client open for the composition root to quit.
 */
export class RedisStateStore implements StateStore {
  private readonly sourcesKey: string;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {
    this.sourcesKey = `${prefix}:state:sources`;
  }

  private seenKey(sourceId: string): string {
    return `${this.prefix}:state:seen:${sourceId}`;
  }

  async get(sourceId: string): Promise<SourceState> {
    const json = await this.redis.hget(this.sourcesKey, sourceId);
    return json === null ? emptySourceState(sourceId) : parseSavedState(sourceId, json);
  }

  async all(): Promise<SourceState[]> {
    const states = await this.redis.hgetall(this.sourcesKey);
    return Object.keys(states)
      .sort()
      .map((sourceId) => parseSavedState(sourceId, states[sourceId]!));
  }

  async save(state: SourceState): Promise<void> {
    await this.redis.hset(this.sourcesKey, state.sourceId, JSON.stringify(state));
  }

  async seen(sourceId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const scores = await this.redis.zmscore(this.seenKey(sourceId), ...ids);
    const found = new Set<string>();
    ids.forEach((id, i) => {
      if (scores[i] !== null) found.add(id);
    });
    return found;
  }

  async markSeen(sourceId: string, ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    const time = at.getTime();
    const key = this.seenKey(sourceId);
    const members: (string | number)[] = [];
    for (const id of new Set(ids)) members.push(time, id);
    // The whole set expires RETENTION_MS after its newest mark (wall clock): every id in it was
    // marked no later than that, so none is forgotten before the port allows.
    const ttl = Math.max(time, this.now()) - this.now() + RETENTION_MS;
    const replies = await this.redis
      .multi()
      .zadd(key, ...members)
      .zremrangebyscore(key, '-inf', `(${time - RETENTION_MS}`)
      .pexpire(key, ttl)
      .exec();
    const failed = replies?.find(([error]) => error !== null);
    if (!replies || failed) throw failed?.[0] ?? new Error(`${key}: the mark's transaction was discarded`);
  }

  async close(): Promise<void> {
    // The client is the caller's (shared with the queues): nothing of the store's own to release.
  }
}
