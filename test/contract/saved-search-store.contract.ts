import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SavedSearchStore } from '../../src/state/saved-search-store.js';

/** How a contract run reaches an adapter: a fresh store, the same storage reopened, and cleanup. */
export interface SavedSearchStoreTarget {
  open(): Promise<SavedSearchStore>;
  reopen(): Promise<SavedSearchStore>;
  cleanup(): Promise<void>;
}

/** The behaviour every `SavedSearchStore` adapter must have. */
export function describeSavedSearchStoreContract(adapter: string, target: SavedSearchStoreTarget): void {
  describe(`SavedSearchStore contract: ${adapter}`, () => {
    let store: SavedSearchStore;
    beforeEach(async () => {
      store = await target.open();
    });
    afterEach(async () => {
      await store.close();
      await target.cleanup();
    });

    it('starts empty, creates with fresh ids and lists newest first', async () => {
      expect(await store.list()).toEqual([]);
      const first = await store.create({ name: 'Acme negative', params: 'q=acme&sentiment=negative', createdAt: '2026-11-01T08:00:00.000Z', createdBy: 'k1' });
      const second = await store.create({ name: 'Globex', params: 'brand=globex', createdAt: '2026-11-02T08:00:00.000Z', createdBy: 'k2' });
      expect(first.id).not.toBe(second.id);
      expect(first).toEqual({ id: first.id, name: 'Acme negative', params: 'q=acme&sentiment=negative', createdAt: '2026-11-01T08:00:00.000Z', createdBy: 'k1' });
      expect((await store.list()).map((s) => s.name)).toEqual(['Globex', 'Acme negative']);
      expect(await store.get(first.id)).toEqual(first);
      expect(await store.get('no-such-id')).toBeNull();
    });

    it('deletes one, says whether there was one, and keeps the rest', async () => {
      const kept = await store.create({ name: 'kept', params: 'q=a', createdAt: '2026-11-01T08:00:00.000Z', createdBy: 'k' });
      const gone = await store.create({ name: 'gone', params: 'q=b', createdAt: '2026-11-01T09:00:00.000Z', createdBy: 'k' });
      expect(await store.delete(gone.id)).toBe(true);
      expect(await store.delete(gone.id)).toBe(false);
      expect(await store.list()).toEqual([kept]);
    });

    it('keeps saved searches across a reopen (shared by the team, not by one process)', async () => {
      const saved = await store.create({ name: 'durable', params: 'q=%22claire+dubois%22', createdAt: '2026-11-01T08:00:00.000Z', createdBy: 'k' });
      const other = await target.reopen();
      try {
        expect(await other.list()).toEqual([saved]);
      } finally {
        await other.close();
      }
    });
  });
}
