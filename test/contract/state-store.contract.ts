import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptySourceState, SEEN_RETENTION_DAYS, type SourceState, type StateStore } from '../../src/state/state-store.js';

/**
 * Opens stores for one test. `open` gives a store on fresh, empty storage; `reopen` gives another
 * store on the storage `open` last created (a second process on the same file or Redis);
 * `cleanup` removes what `open` created.
 */
export interface StateStoreTarget {
  open(): Promise<StateStore>;
  reopen(): Promise<StateStore>;
  cleanup?(): Promise<void>;
}

const DAY = 86_400_000;

/** A state where every field differs from `emptySourceState`, cursor included. */
function fullState(sourceId: string): SourceState {
  return {
    sourceId,
    cursor: { etag: '"v2-9f"', lastModified: 'Tue, 10 Mar 2026 09:00:00 GMT', position: 'since:1842', movedTo: 'https://news.example/feed.xml' },
    status: 'backoff',
    lastPollAt: '2026-03-10T09:00:00.000Z',
    lastSuccessAt: '2026-03-09T09:00:00.000Z',
    lastErrorAt: '2026-03-10T09:00:01.000Z',
    lastError: 'http-status: 503 Service Unavailable',
    consecutiveFailures: 3,
    intervalSeconds: 900,
    nextPollAt: '2026-03-10T09:15:00.000Z',
    itemsPerDay: 12.5,
    itemsTotal: 4021,
  };
}

/**
 * The StateStore contract: every adapter answers these the same way. Run with
 * `describeStateStoreContract('sqlite', target)`; a Redis adapter adds one such call.
 */
export function describeStateStoreContract(adapter: string, target: StateStoreTarget): void {
  describe(`StateStore contract: ${adapter}`, () => {
    let store: StateStore;
    const others: StateStore[] = [];

    beforeEach(async () => {
      store = await target.open();
    });

    afterEach(async () => {
      for (const other of others.splice(0)) await other.close();
      await store.close();
      await target.cleanup?.();
    });

    async function second(): Promise<StateStore> {
      const other = await target.reopen();
      others.push(other);
      return other;
    }

    it('gives the empty state for a source never saved', async () => {
      expect(await store.get('never-polled')).toEqual(emptySourceState('never-polled'));
      expect(await store.all()).toEqual([]);
    });

    it('round-trips every field of a saved state, cursor included', async () => {
      const state = fullState('le-monde');
      expect(Object.keys(state).sort()).toEqual(Object.keys(emptySourceState('x')).sort());
      await store.save(state);
      expect(await store.get('le-monde')).toEqual(fullState('le-monde'));
      // Null and empty values round-trip as such, not as missing fields.
      const cleared: SourceState = { ...fullState('le-monde'), cursor: { etag: null, position: '' }, lastError: null, status: 'ok' };
      await store.save(cleared);
      expect(await store.get('le-monde')).toEqual(cleared);
    });

    it('replaces the whole state on save, per source', async () => {
      await store.save(fullState('le-monde'));
      await store.save({ ...emptySourceState('le-monde'), status: 'ok', cursor: { position: 'p2' } });
      await store.save(fullState('bbc'));
      expect(await store.get('le-monde')).toEqual({ ...emptySourceState('le-monde'), status: 'ok', cursor: { position: 'p2' } });
      expect(await store.get('bbc')).toEqual(fullState('bbc'));
    });

    it('keeps its own copy: changing a saved or returned state changes nothing stored', async () => {
      const state = fullState('le-monde');
      await store.save(state);
      state.status = 'failing';
      state.cursor.etag = 'changed';
      const got = await store.get('le-monde');
      got.itemsTotal = 0;
      got.cursor.position = 'changed';
      expect(await store.get('le-monde')).toEqual(fullState('le-monde'));
    });

    it('lists every saved state once, ordered by source id', async () => {
      for (const id of ['reuters', 'afp', 'le-monde']) await store.save(fullState(id));
      await store.save({ ...fullState('afp'), itemsTotal: 1 });
      expect(await store.all()).toEqual([{ ...fullState('afp'), itemsTotal: 1 }, fullState('le-monde'), fullState('reuters')]);
    });

    it('reports as seen only the ids marked for that source', async () => {
      const at = new Date('2026-03-10T09:00:00.000Z');
      expect(await store.seen('le-monde', ['a', 'b'])).toEqual(new Set());
      await store.markSeen('le-monde', ['a', 'b'], at);
      await store.markSeen('bbc', ['c'], at);
      expect(await store.seen('le-monde', ['a', 'b', 'c', 'd'])).toEqual(new Set(['a', 'b']));
      expect(await store.seen('bbc', ['a', 'b', 'c'])).toEqual(new Set(['c']));
      expect(await store.seen('reuters', ['a', 'b', 'c'])).toEqual(new Set());
      expect(await store.seen('le-monde', [])).toEqual(new Set());
      expect(await store.seen('le-monde', ['a', 'a', 'd'])).toEqual(new Set(['a']));
    });

    it('marks idempotently, and an empty mark changes nothing', async () => {
      const at = new Date('2026-03-10T09:00:00.000Z');
      await store.markSeen('le-monde', ['a'], at);
      await store.markSeen('le-monde', ['a', 'a', 'b'], new Date(at.getTime() + 60_000));
      await store.markSeen('le-monde', [], new Date(at.getTime() + 120_000));
      expect(await store.seen('le-monde', ['a', 'b', 'c'])).toEqual(new Set(['a', 'b']));
      // Seen ids and source states are apart: marking does not create a state.
      expect(await store.all()).toEqual([]);
    });

    it(`remembers seen ids for ${SEEN_RETENTION_DAYS} days after their latest mark`, async () => {
      const start = new Date('2026-01-01T00:00:00.000Z');
      await store.markSeen('le-monde', ['old'], start);
      await store.markSeen('le-monde', ['renewed'], start);
      await store.markSeen('le-monde', ['renewed'], new Date(start.getTime() + 100 * DAY));
      await store.markSeen('le-monde', ['late'], new Date(start.getTime() + (SEEN_RETENTION_DAYS - 1) * DAY));
      expect(await store.seen('le-monde', ['old', 'renewed', 'late'])).toEqual(new Set(['old', 'renewed', 'late']));
    });

    it('shares its writes with another store opened on the same storage', async () => {
      await store.save(fullState('le-monde'));
      await store.markSeen('le-monde', ['a'], new Date('2026-03-10T09:00:00.000Z'));
      const other = await second();
      expect(await other.get('le-monde')).toEqual(fullState('le-monde'));
      expect(await other.seen('le-monde', ['a', 'b'])).toEqual(new Set(['a']));
      await other.save({ ...fullState('le-monde'), itemsTotal: 4022 });
      await other.markSeen('le-monde', ['b'], new Date('2026-03-10T09:05:00.000Z'));
      expect((await store.get('le-monde')).itemsTotal).toBe(4022);
      expect(await store.seen('le-monde', ['a', 'b'])).toEqual(new Set(['a', 'b']));
    });

    it('keeps everything across close and reopen', async () => {
      await store.save(fullState('le-monde'));
      await store.markSeen('le-monde', ['a'], new Date('2026-03-10T09:00:00.000Z'));
      await store.close();
      store = await target.reopen();
      expect(await store.all()).toEqual([fullState('le-monde')]);
      expect(await store.seen('le-monde', ['a'])).toEqual(new Set(['a']));
    });
  });
}
