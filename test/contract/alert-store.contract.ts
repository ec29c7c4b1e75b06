import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertStore } from '../../src/alerts/alert-store.js';
import type { AlertMessage, Firing } from '../../src/alerts/firing.js';

/**
 * Opens stores for one test: `open` on fresh storage, `reopen` on the storage `open` last created
 * (another process on the same file), `cleanup` removes what `open` created.
 */
export interface AlertStoreTarget {
  open(): Promise<AlertStore>;
  reopen(): Promise<AlertStore>;
  cleanup?(): Promise<void>;
}

const T0 = Date.parse('2026-03-10T09:00:00.000Z');
const at = (minutes: number): Date => new Date(T0 + minutes * 60_000);
const DAY_MINUTES = 24 * 60;

function firing(ruleId: string, dedupKey: string, minutes = 0, key = 'all'): Firing {
  return {
    ruleId, type: 'match', key, dedupKey, at: at(minutes).toISOString(),
    headline: `${ruleId}: ${dedupKey}`, reason: 'matched', facts: [{ label: 'count', value: '1' }],
    stories: [], mentionCount: 1, search: `./bin/hubwatch.js search 'id:${dedupKey}'`,
  };
}

function message(id: string, ruleId: string, minutes: number, extra: Partial<AlertMessage> = {}): AlertMessage {
  return {
    id, ruleId, type: 'match', key: 'all', createdAt: at(minutes).toISOString(), headline: `message ${id}`,
    reason: 'matched', facts: [], stories: [], search: '', firings: 1, mentionCount: 1, ...extra,
  };
}

/**
 * The AlertStore contract: every adapter answers these the same way. Run with
 * `describeAlertStoreContract('sqlite', target)`.
 */
export function describeAlertStoreContract(adapter: string, target: AlertStoreTarget): void {
  describe(`AlertStore contract: ${adapter}`, () => {
    let store: AlertStore;
    const opened: AlertStore[] = [];
    beforeEach(async () => {
      store = await target.open();
      opened.push(store);
    });
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      await target.cleanup?.();
    });
    const reopen = async (): Promise<AlertStore> => {
      const other = await target.reopen();
      opened.push(other);
      return other;
    };

    it("keeps a rule's first sight: a later call answers the first time, from another connection too", async () => {
      expect((await store.ruleSince('r1', at(0))).toISOString()).toBe(at(0).toISOString());
      expect((await store.ruleSince('r1', at(60))).toISOString()).toBe(at(0).toISOString());
      expect((await (await reopen()).ruleSince('r1', at(120))).toISOString()).toBe(at(0).toISOString());
      expect((await store.ruleSince('r2', at(60))).toISOString()).toBe(at(60).toISOString());
    });

    it('claims each dedup key once: a firing seen before is not returned again', async () => {
      const first = await store.claim([firing('r1', 'k1'), firing('r1', 'k2')], at(0));
      expect(first.map((f) => f.dedupKey)).toEqual(['k1', 'k2']);
      const second = await store.claim([firing('r1', 'k2'), firing('r1', 'k3')], at(1));
      expect(second.map((f) => f.dedupKey)).toEqual(['k3']);
      expect(await (await reopen()).claim([firing('r1', 'k1')], at(2))).toEqual([]);
    });

    it('lists firings without a message oldest first, and drops them once a message holds them', async () => {
      await store.claim([firing('r1', 'late')], at(5));
      await store.claim([firing('r1', 'early')], at(1));
      expect((await store.pending()).map((p) => [p.firing.dedupKey, p.firedAt.toISOString()])).toEqual([
        ['early', at(1).toISOString()],
        ['late', at(5).toISOString()],
      ]);
      await store.enqueue(message('m1', 'r1', 6), ['early'], ['slack'], 1);
      expect((await store.pending()).map((p) => p.firing.dedupKey)).toEqual(['late']);
    });

    it('queues one delivery per notifier, oldest message first, and records the cooldown', async () => {
      await store.claim([firing('r1', 'a'), firing('r1', 'b')], at(0));
      await store.enqueue(message('m2', 'r1', 10), ['b'], ['slack', 'hook'], 3);
      await store.enqueue(message('m1', 'r1', 5), ['a'], ['slack'], 2);
      const queued = await store.queued();
      // Oldest message first; the order of one message's notifiers is not part of the contract.
      expect(queued.map((d) => d.messageId)).toEqual(['m1', 'm2', 'm2']);
      expect(queued.map((d) => `${d.messageId}/${d.notifierId}/${d.status}/${d.attempts}`).sort()).toEqual(['m1/slack/queued/0', 'm2/hook/queued/0', 'm2/slack/queued/0']);
      expect(queued[0]!.message.headline).toBe('message m1');
      // The later enqueue (m1, created earlier) is what the cooldown last recorded.
      expect(await store.cooldown('r1', 'all')).toEqual({ lastSentAt: at(5), streak: 2 });
      expect(await store.cooldown('r1', 'other')).toBeNull();
    });

    it('does not start a cooldown for a test message', async () => {
      await store.enqueue(message('t1', 'r1', 0, { test: true }), [], ['slack'], 1);
      expect(await store.cooldown('r1', 'all')).toBeNull();
      expect((await store.queued()).map((d) => d.messageId)).toEqual(['t1']);
    });

    it('records delivery outcomes: settled ones leave the queue and enter the history, newest first', async () => {
      await store.claim([firing('r1', 'a')], at(0));
      await store.enqueue(message('m1', 'r1', 1), ['a'], ['slack', 'hook'], 1);
      await store.setDelivery('m1', 'slack', 'delivered', { attempts: 1, at: at(2) });
      await store.setDelivery('m1', 'hook', 'failed', { attempts: 3, reason: 'http 500', at: at(3) });
      expect(await store.queued()).toEqual([]);
      const history = await store.history(10);
      expect(history.map((h) => [h.event, h.ruleId, h.notifierId, h.reason, h.at])).toEqual([
        ['failed', 'r1', 'hook', 'http 500', at(3).toISOString()],
        ['delivered', 'r1', 'slack', null, at(2).toISOString()],
        ['fired', 'r1', null, 'matched', at(0).toISOString()],
      ]);
      expect(history[0]!.headline).toBe('message m1');
      expect(history[2]!.headline).toBe('r1: a');
      expect(await store.history(1)).toHaveLength(1);
    });

    it('fails deliveries left sending by a stopped process, once, and never queues them again', async () => {
      await store.enqueue(message('m1', 'r1', 0), [], ['slack', 'hook'], 1);
      await store.setDelivery('m1', 'slack', 'sending', { attempts: 1, at: at(1) });
      const other = await reopen();
      expect(await other.abandonInterrupted(at(2))).toBe(1);
      expect(await other.abandonInterrupted(at(3))).toBe(0);
      expect((await other.queued()).map((d) => d.notifierId)).toEqual(['hook']);
      expect((await other.history(5)).find((h) => h.notifierId === 'slack')?.event).toBe('failed');
    });

    it("keeps each destination's health: broken until a delivery succeeds", async () => {
      await store.markBroken('slack', 'fp1', 'http 404: no_service', at(0));
      expect(await store.destinations()).toEqual([
        { notifierId: 'slack', fingerprint: 'fp1', broken: 'http 404: no_service', brokenAt: at(0).toISOString(), lastDeliveredAt: null },
      ]);
      await store.markDelivered('slack', 'fp2', at(5));
      expect(await store.destinations()).toEqual([
        { notifierId: 'slack', fingerprint: 'fp2', broken: null, brokenAt: null, lastDeliveredAt: at(5).toISOString() },
      ]);
    });

    it('tells when each rule last fired, and which firings fell in a half-open window', async () => {
      await store.claim([firing('r1', 'a')], at(0));
      await store.claim([firing('r1', 'b')], at(10));
      await store.claim([firing('r2', 'c')], at(20));
      expect(Object.fromEntries(await store.lastFired())).toEqual({ r1: at(10).toISOString(), r2: at(20).toISOString() });
      expect((await store.firedBetween(at(0), at(20))).map((f) => [f.ruleId, f.firedAt, f.type, f.headline])).toEqual([
        ['r1', at(0).toISOString(), 'match', 'r1: a'],
        ['r1', at(10).toISOString(), 'match', 'r1: b'],
      ]);
    });

    it('prunes settled records older than the cutoff and keeps unsent messages, first sights and destinations', async () => {
      const old = -400 * DAY_MINUTES;
      await store.ruleSince('r1', at(old));
      await store.markBroken('hook', 'fp', 'down', at(old));
      await store.claim([firing('r1', 'sent'), firing('r1', 'unsent'), firing('r1', 'never-grouped')], at(old));
      await store.enqueue(message('m-sent', 'r1', old + 1), ['sent'], ['slack'], 1);
      await store.setDelivery('m-sent', 'slack', 'delivered', { attempts: 1, at: at(old + 2) });
      await store.enqueue(message('m-unsent', 'r1', old + 1, { key: 'other' }), ['unsent'], ['slack'], 1);
      await store.claim([firing('r1', 'recent')], at(0));

      const removed = await store.prune(at(-365 * DAY_MINUTES));
      // Two firings (sent, never-grouped), one message with its one delivery, two cooldowns (a
      // year-old cooldown holds nothing back, even for a message still unsent).
      expect(removed).toBe(6);
      expect((await store.firedBetween(at(old - 1), at(1))).map((f) => f.headline)).toEqual(['r1: unsent', 'r1: recent']);
      expect((await store.queued()).map((d) => d.messageId)).toEqual(['m-unsent']);
      expect(await store.cooldown('r1', 'all')).toBeNull();
      expect(await store.cooldown('r1', 'other')).toBeNull();
      expect((await store.pending()).map((p) => p.firing.dedupKey)).toEqual(['recent']);
      expect((await store.ruleSince('r1', at(0))).toISOString()).toBe(at(old).toISOString());
      expect((await store.destinations()).map((d) => d.notifierId)).toEqual(['hook']);
      // A pruned dedup key is forgotten; the unsent one is still claimed.
      expect((await store.claim([firing('r1', 'unsent'), firing('r1', 'sent')], at(1))).map((f) => f.dedupKey)).toEqual(['sent']);
      expect(await store.prune(at(-365 * DAY_MINUTES))).toBe(0);
    });
  });
}
