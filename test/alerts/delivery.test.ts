import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/alerts/delivery/dispatcher.js';
import type { Notifier } from '../../src/alerts/delivery/notifier.js';
import { createSlackNotifier, SLACK_BROKEN } from '../../src/alerts/delivery/slack-notifier.js';
import { createWebhookNotifier } from '../../src/alerts/delivery/webhook-notifier.js';
import type { AlertMessage } from '../../src/alerts/firing.js';
import { silentLogger, type Logger } from '../../src/platform/logger.js';
import { SqliteAlertStore } from '../../src/state/sqlite-alert-store.js';
import { startSlackReceiver, type SlackReceiver } from '../support/slack-receiver.js';
import { capturingLogger } from './alert-harness.js';

let n = 0;
function message(headline = 'Spike: brand:acme'): AlertMessage {
  n++;
  return {
    id: `msg-${n}`, ruleId: 'acme-spike', type: 'spike', key: 'all', createdAt: new Date().toISOString(), headline,
    reason: '20 mentions in 1 h vs a baseline of 2', facts: [], stories: [], search: "hubwatch search 'brand:acme'", firings: 1, mentionCount: 20,
  };
}

/** The dispatcher against a Slack-compatible receiver on loopback, with real waits. */
describe('alert delivery', () => {
  let dir: string;
  let store: SqliteAlertStore;
  let receiver: SlackReceiver;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-delivery-'));
    store = new SqliteAlertStore(join(dir, 'state.db'));
    receiver = await startSlackReceiver();
  });
  afterEach(async () => {
    await receiver.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function queue(notifier: Notifier, count = 1): Promise<AlertMessage[]> {
    const out = Array.from({ length: count }, () => message());
    for (const m of out) await store.enqueue(m, [], [notifier.id], 0);
    return out;
  }
  const dispatcher = (notifier: Notifier, logger: Logger = silentLogger()) =>
    new Dispatcher(store, new Map([[notifier.id, notifier]]), { logger, now: () => new Date(), backoffMs: 50, attempts: 4 });
  const statuses = async () => (await store.history(50)).filter((e) => e.event !== 'fired').map((e) => `${e.event}${e.reason ? `: ${e.reason}` : ''}`);

  it('posts at most one message per second to one webhook', async () => {
    const slack = createSlackNotifier('team', receiver.url);
    await queue(slack, 3);
    await dispatcher(slack).deliver();
    expect(receiver.received).toHaveLength(3);
    const gaps = receiver.received.slice(1).map((r, i) => r.at - receiver.received[i]!.at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(950);
  });

  it('429: waits its Retry-After, keeps the message and sends it again', async () => {
    const slack = createSlackNotifier('team', receiver.url);
    receiver.answers.push({ status: 429, body: 'rate_limited', headers: { 'retry-after': '2' } });
    await queue(slack);
    await dispatcher(slack).deliver();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.at - receiver.received[0]!.at).toBeGreaterThanOrEqual(1_950);
    expect(receiver.received[1]!.raw).toBe(receiver.received[0]!.raw);
    expect(await statuses()).toEqual(['delivered']);
  });

  it('5xx and network errors: retried with back-off, then delivered (or failed after the last try)', async () => {
    const slack = createSlackNotifier('team', receiver.url);
    receiver.answers.push({ status: 500, body: 'rollup_error' }, { status: 503 });
    const [first] = await queue(slack);
    await dispatcher(slack).deliver();
    expect(receiver.received).toHaveLength(3);
    expect((await store.history(5)).find((e) => e.messageId === first!.id)).toMatchObject({ event: 'delivered' });
    receiver.answers.push(...Array.from({ length: 4 }, () => ({ status: 502 })));
    await queue(slack);
    await dispatcher(slack).deliver();
    expect(receiver.received).toHaveLength(7);
    expect((await statuses())[0]).toBe('failed: 502');
    const gone = createSlackNotifier('gone', 'http://127.0.0.1:9/services/x');
    await queue(gone);
    await dispatcher(gone).deliver();
    expect((await statuses())[0]).toMatch(/^failed: network error \(/);
  });

  for (const name of ['invalid_token', 'no_service', 'channel_not_found', 'channel_is_archived', 'invalid_payload'] as const) {
    it(`${name}: marks the destination broken, is not retried, and nothing more is sent to it`, async () => {
      expect(SLACK_BROKEN).toContain(name);
      const slack = createSlackNotifier('team', receiver.url);
      receiver.answers.push({ status: name === 'channel_is_archived' ? 410 : name === 'invalid_payload' ? 400 : name === 'invalid_token' ? 403 : 404, body: name });
      await queue(slack, 2);
      await dispatcher(slack).deliver();
      expect(receiver.received).toHaveLength(1);
      expect((await store.destinations())[0]).toMatchObject({ notifierId: 'team', broken: expect.stringContaining(name) });
      expect((await statuses()).sort()).toEqual([`failed: destination broken (${(await store.destinations())[0]!.broken})`, `failed: ${(await store.destinations())[0]!.broken}`].sort());
      // A new address is a new destination: tried again.
      const fixed = createSlackNotifier('team', `${receiver.url}-new`);
      await queue(fixed);
      await dispatcher(fixed).deliver();
      expect(receiver.received).toHaveLength(2);
      expect((await store.destinations())[0]!.broken).toBeNull();
    });
  }

  it('never follows a redirect and never logs the webhook URL', async () => {
    const { logger, lines } = capturingLogger();
    const slack = createSlackNotifier('team', receiver.url);
    receiver.answers.push({ status: 302, headers: { location: `${receiver.url}/elsewhere` } }, { status: 500 }, { status: 429, headers: { 'retry-after': '1' } });
    await queue(slack, 2);
    await dispatcher(slack, logger).deliver();
    expect(receiver.received.filter((r) => r.path.includes('elsewhere'))).toEqual([]);
    expect((await statuses()).some((s) => s.includes('302 redirect (not followed)'))).toBe(true);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('\n')).not.toContain('secretXXXX');
    expect(lines.join('\n')).not.toContain(receiver.url);
  });

  it('signs the generic webhook body: HMAC-SHA256 over "<timestamp>.<body>" with the secret', async () => {
    const secret = 'a-very-long-shared-secret';
    const hook = createWebhookNotifier('ops', receiver.url, secret, () => new Date('2026-11-30T12:00:00Z'));
    const [sent] = await queue(hook);
    await dispatcher(hook).deliver();
    const got = receiver.received[0]!;
    expect(got.headers['x-hubwatch-delivery']).toBe(sent!.id);
    const signature = String(got.headers['x-hubwatch-signature']);
    expect(signature).toBe(`t=1796040000,v1=${createHmac('sha256', secret).update(`1796040000.${got.raw}`).digest('hex')}`);
    expect(got.body).toMatchObject({ type: 'hubwatch.alert', message: { id: sent!.id, headline: sent!.headline } });
  });
});
