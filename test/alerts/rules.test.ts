import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlackPayload } from '../../src/alerts/delivery/slack-blocks.js';
import type { Mention } from '../../src/core/mention.js';
import { brand, mention } from '../contract/fixtures.js';
import { startSlackReceiver, type SlackReceiver } from '../support/slack-receiver.js';
import { alertHarness, type AlertHarness } from './alert-harness.js';

const T0 = new Date('2026-11-30T12:00:00.000Z');
const minutes = (n: number): Date => new Date(T0.getTime() + n * 60_000);
const acme = brand('acme', 'Acme');
let seq = 0;

/** A mention of Acme published at `at`. */
function acmeMention(at: Date, overrides: Partial<Mention> = {}): Mention {
  seq++;
  return mention(`m-${seq}-${at.getTime()}`, { title: `Acme news ${seq}`, text: 'Acme said things.', entities: [acme], publishedAt: at.toISOString(), fetchedAt: at.toISOString(), ...overrides });
}

const textOf = (payload: unknown): string => JSON.stringify(payload);

/** Rules evaluated on a real SQLite index, delivered to a Slack-compatible receiver on loopback. */
describe('alert rules', () => {
  let receiver: SlackReceiver;
  let h: AlertHarness | null = null;

  beforeEach(async () => {
    receiver = await startSlackReceiver();
  });
  afterEach(async () => {
    await h?.close();
    h = null;
    await receiver.close();
  });

  const slack = () => [{ id: 'team', type: 'slack', webhookUrl: receiver.url }];

  it('match: a new mention fires once; a re-read, a retry and a restart never fire it again', async () => {
    h = await alertHarness({ alerts: [{ id: 'acme-news', type: 'match', query: 'brand:acme', notify: ['team'], window: '1h' }], notifiers: slack(), now: T0 });
    await h.engine.tick();
    h.clock.now = minutes(10);
    const m = acmeMention(minutes(5), { title: 'Acme opens a line' });
    expect(await h.ingest([m])).toEqual([m.id]);
    await h.engine.flush();
    expect(receiver.received).toHaveLength(1);
    const payload = receiver.received[0]!.body as SlackPayload;
    expect(payload.blocks[0]).toMatchObject({ type: 'header' });
    expect(textOf(payload)).toContain('Acme opens a line');
    expect(textOf(payload)).toContain("hubwatch search 'brand:acme'");
    // The index says `unchanged`: nothing to evaluate. A retried job evaluates the same ids: deduplicated.
    expect(await h.ingest([m])).toEqual([]);
    await h.engine.onIndexed([m.id]);
    await h.engine.flush();
    expect(receiver.received).toHaveLength(1);
    expect((await h.store.history(10)).map((e) => e.event).sort()).toEqual(['delivered', 'fired']);
  });

  it('a backfill never fires: mentions published before the rule existed, or older than its window', async () => {
    h = await alertHarness({ alerts: [{ id: 'acme-news', query: 'brand:acme', notify: ['team'], window: '1h' }], notifiers: slack(), now: T0 });
    await h.engine.tick(); // the rule exists from T0
    h.clock.now = minutes(240);
    const archive = [acmeMention(minutes(-60)), acmeMention(minutes(-5)), acmeMention(minutes(100))];
    expect(await h.ingest(archive)).toHaveLength(3);
    await h.engine.tick();
    await h.engine.flush();
    expect(receiver.received).toHaveLength(0);
    expect(await h.store.history(10)).toEqual([]);
    // A fresh one still fires.
    await h.ingest([acmeMention(minutes(239))]);
    await h.engine.flush();
    expect(receiver.received).toHaveLength(1);
  });

  it('spike: fires with the count against its baseline in numbers, and not without a spike', async () => {
    const rule = { id: 'acme-spike', type: 'spike', query: 'brand:acme', notify: ['team'], window: '1h', baselineWindows: 24, sensitivity: 3, minMentions: 5 };
    h = await alertHarness({ alerts: [rule], notifiers: slack(), now: T0 });
    const history: Mention[] = [];
    for (let hour = 1; hour <= 24; hour++) for (let i = 0; i < 1 + (hour % 3); i++) history.push(acmeMention(minutes(-60 * hour - 10 - i)));
    await h.index.upsert(history);
    await h.index.upsert([1, 2, 3].map((i) => acmeMention(minutes(-50 + i))));
    await h.engine.tick();
    await h.engine.flush();
    expect(receiver.received.map((r) => textOf(r.body))).toEqual([]); // the usual volume

    h.clock.now = minutes(30);
    await h.index.upsert(Array.from({ length: 20 }, (_, i) => acmeMention(minutes(i))));
    await h.engine.tick();
    await h.engine.flush();
    // The index's history does not reach back over the whole baseline yet: a cold start is no spike.
    expect(receiver.received).toHaveLength(0);
    await h.index.upsert([acmeMention(minutes(-1500))]); // in the window just before the baseline
    await h.engine.tick();
    await h.engine.flush();
    expect(receiver.received).toHaveLength(1);
    const text = textOf(receiver.received[0]!.body);
    expect(text).toContain('20 mentions in 1 h vs a baseline of 2.1 ± 1 over the 24 windows before (9.4×; fires above 5.2)');
    // The same window again: deduplicated.
    await h.engine.tick();
    await h.engine.flush();
    expect(receiver.received).toHaveLength(1);
  });

  it('negative-share: a negative surge fires with the share against its baseline', async () => {
    const rule = { id: 'acme-negative', type: 'negative-share', query: 'brand:acme', notify: ['team'], window: '1d', threshold: 0.5, baselineWindows: 7, minMentions: 5 };
    h = await alertHarness({ alerts: [rule], notifiers: slack(), now: T0 });
    const neg = { sentiment: { score: -0.6, label: 'negative' as const } };
    const pos = { sentiment: { score: 0.5, label: 'positive' as const } };
    const mentions: Mention[] = [];
    for (let day = 1; day <= 7; day++) for (let i = 0; i < 10; i++) mentions.push(acmeMention(minutes(-1440 * day - 30 - i), i < 2 ? neg : pos));
    for (let i = 0; i < 10; i++) mentions.push(acmeMention(minutes(-30 - i), i < 7 ? neg : pos));
    mentions.push(acmeMention(minutes(-8.5 * 1440))); // history from before the baseline
    await h.index.upsert(mentions);
    await h.engine.tick();
    await h.engine.flush();
    expect(receiver.received).toHaveLength(1);
    expect(textOf(receiver.received[0]!.body)).toContain('7 of 10 mentions in 1 d are negative (70%; threshold 50%) vs 20% over the 7 windows before (14 of 70)');
  });

  it('a storm becomes one digest after the cooldown, each story once, and repeats back off', async () => {
    h = await alertHarness({ alerts: [{ id: 'acme-news', query: 'brand:acme', notify: ['team'], window: '1h', cooldown: '10m' }], notifiers: slack(), now: T0 });
    await h.engine.tick();
    h.clock.now = minutes(1);
    await h.ingest([acmeMention(minutes(1))]);
    await h.engine.flush();
    expect(receiver.received).toHaveLength(1);
    // 30 copies of 3 wire stories within the cooldown: held, then one message.
    h.clock.now = minutes(2);
    await h.ingest(Array.from({ length: 30 }, (_, i) => acmeMention(minutes(2), { storyId: `wire-${i % 3}`, title: `Wire ${i % 3}` })));
    await h.engine.flush();
    expect(receiver.received).toHaveLength(1);
    h.clock.now = minutes(12);
    await h.engine.tick();
    await h.engine.flush();
    expect(receiver.received).toHaveLength(2);
    const digest = receiver.received[1]!.body as SlackPayload;
    expect(digest.text).toContain('[digest ×30] 30 new mentions: brand:acme');
    const stories = digest.blocks.filter((b) => b.type === 'section' && 'text' in b && b.text?.text.startsWith('•'));
    expect(stories).toHaveLength(3);
    expect(textOf(stories)).toContain('10 copies');
    // A repeat within two cooldowns doubles the wait: 20 minutes, not 10.
    h.clock.now = minutes(13);
    await h.ingest([acmeMention(minutes(13))]);
    h.clock.now = minutes(23);
    await h.engine.tick();
    await h.engine.flush();
    expect(receiver.received).toHaveLength(2);
    h.clock.now = minutes(33);
    await h.engine.tick();
    await h.engine.flush();
    expect(receiver.received).toHaveLength(3);
  });

  it('new-voice: a source that mentions the brand for the first time in N days', async () => {
    h = await alertHarness({ alerts: [{ id: 'acme-voices', type: 'new-voice', query: 'brand:acme', notify: ['team'], days: 30 }], notifiers: slack(), now: T0 });
    await h.index.upsert([acmeMention(minutes(-3 * 1440), { sourceId: 'le-monde', sourceName: 'Le Monde' })]);
    await h.engine.tick();
    h.clock.now = minutes(10);
    await h.ingest([acmeMention(minutes(5), { sourceId: 'le-monde', sourceName: 'Le Monde' }), acmeMention(minutes(6), { sourceId: 'trade-weekly', sourceName: 'Trade Weekly' })]);
    await h.engine.flush();
    expect(receiver.received).toHaveLength(1);
    expect(textOf(receiver.received[0]!.body)).toContain('New voice: Trade Weekly');
  });

  it('silence: a tier-1 source failing its polls is a coverage gap, not calm', async () => {
    h = await alertHarness({
      alerts: [{ id: 'coverage', type: 'silence', notify: ['team'] }], notifiers: slack(), now: T0,
      sources: [{ id: 'daily', type: 'rss', url: 'http://127.0.0.1:9/feed.xml', tier: 1, name: 'The Daily' }, { id: 'niche', type: 'rss', url: 'http://127.0.0.1:9/n.xml', tier: 3 }],
    });
    for (const id of ['daily', 'niche']) await h.state.save({ ...(await h.state.get(id)), consecutiveFailures: 4, lastError: 'http-503: unavailable' });
    await h.engine.tick();
    await h.engine.flush();
    expect(receiver.received).toHaveLength(1);
    expect(textOf(receiver.received[0]!.body)).toContain('The Daily: 4 failed polls in a row (last: http-503: unavailable)');
  });
});

describe('alert rules under concurrent polls and hostile data', () => {
  it('batches evaluated at once fold each firing into one message only; hostile titles arrive inert', async () => {
    const receiver = await startSlackReceiver();
    const h = await alertHarness({ alerts: [{ id: 'acme-news', query: 'brand:acme', notify: ['team'], window: '1h', cooldown: '10m' }], notifiers: [{ id: 'team', type: 'slack', webhookUrl: receiver.url }], now: T0 });
    try {
      await h.engine.tick();
      h.clock.now = minutes(5);
      const hostile = '<!channel> *URGENT* <https://evil.example|reset your password> @here';
      const batches = Array.from({ length: 6 }, (_, b) => Array.from({ length: 5 }, () => acmeMention(minutes(4), { title: `${hostile} ${b}` })));
      for (const batch of batches) await h.index.upsert(batch);
      await Promise.all(batches.map((batch) => h.engine.onIndexed(batch.map((m) => m.id))));
      await h.engine.flush();
      h.clock.now = minutes(16);
      await h.engine.tick();
      await h.engine.flush();
      const history = await h.store.history(100);
      expect(history.filter((e) => e.event === 'fired')).toHaveLength(30);
      const delivered = history.filter((e) => e.event === 'delivered');
      expect(delivered.length).toBe(receiver.received.length);
      const bodies = receiver.received.map((r) => r.raw);
      expect(bodies.join('').match(/reset your password/g)?.length).toBeGreaterThan(0);
      for (const raw of bodies) {
        expect(raw).not.toContain('<!channel>');
        expect(raw).not.toContain('<https://evil.example');
        expect(raw).not.toMatch(/@here/);
      }
      // 30 firings, each in exactly one message.
      const folded = receiver.received.map((r) => { const m = /\[digest ×(\d+)\]/.exec(JSON.stringify(r.body)); return m ? Number(m[1]) : 1; });
      expect(folded.reduce((a, b) => a + b, 0)).toBe(30);
    } finally {
      await h.close();
      await receiver.close();
    }
  });
});

describe('after a stop', () => {
  it('a message left queued (a 429 wait cut short by the stop) is sent at the next start, once', async () => {
    const receiver = await startSlackReceiver();
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'hubwatch-restart-'));
    const options = { alerts: [{ id: 'acme-news', query: 'brand:acme', notify: ['team'], window: '1h' }], notifiers: [{ id: 'team', type: 'slack', webhookUrl: receiver.url }], now: T0, dir, realSleep: true };
    try {
      const first = await alertHarness(options);
      await first.engine.tick();
      first.clock.now = minutes(2);
      receiver.answers.push({ status: 429, headers: { 'retry-after': '600' } });
      await first.ingest([acmeMention(minutes(1), { title: 'Held by a 429' })]);
      await receiver.waitFor(1);
      await first.close(); // stops the 10-minute wait; the message stays queued
      const second = await alertHarness(options);
      await second.engine.tick(); // no new firing: only the start sends what was left queued
      await receiver.waitFor(2, 5_000);
      await second.close();
      expect(receiver.received.map((r) => JSON.stringify(r.body).includes('Held by a 429'))).toEqual([true, true]);
    } finally {
      await receiver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
