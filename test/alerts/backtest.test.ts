import { afterEach, describe, expect, it } from 'vitest';
import { backtestRule } from '../../src/app/alerts-service.js';
import { alertRuleSchema } from '../../src/config/alert-rules.js';
import { UserInputError } from '../../src/core/errors.js';
import type { Mention } from '../../src/core/mention.js';
import { brand, mention } from '../contract/fixtures.js';
import { alertHarness, type AlertHarness } from './alert-harness.js';

const T0 = new Date('2026-11-30T00:00:00.000Z');
const hours = (n: number): Date => new Date(T0.getTime() + n * 3_600_000);
let seq = 0;
const acme = (at: Date): Mention => mention(`bt-${seq++}`, { entities: [brand('acme', 'Acme')], publishedAt: at.toISOString(), fetchedAt: at.toISOString() });

/** Backtests replay a rule over a real SQLite index: when, how often, why. */
describe('alerts backtest', () => {
  let h: AlertHarness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('replays a spike: fires at the burst, with its numbers; the sweep shows fewer messages as k rises', async () => {
    h = await alertHarness({ alerts: [], notifiers: [], now: T0 });
    const mentions: Mention[] = [acme(hours(-24 * 40))];
    for (let hour = -48; hour < 0; hour++) mentions.push(acme(hours(hour + 0.5)), ...(hour % 2 ? [acme(hours(hour + 0.6))] : []));
    for (let i = 0; i < 12; i++) mentions.push(acme(new Date(hours(-10).getTime() + i * 60_000)));
    await h.index.upsert(mentions);
    const rule = alertRuleSchema.parse({ id: 'spike', type: 'spike', query: 'brand:acme', notify: ['x'], window: '1h', baselineWindows: 24, minMentions: 5, cooldown: 0 });
    const result = await backtestRule(rule, h.index, { from: hours(-26), to: T0 }, false);
    if (!('rule' in result)) throw new Error('expected one replay');
    expect(result.rule.messages.map((m) => m.at)).toEqual([hours(-9).toISOString()]);
    expect(result.rule.messages[0]!.reason).toMatch(/^1[34] mentions in 1 h vs a baseline of 1\.5 ± 0\.5/);
    const sweep = await backtestRule(rule, h.index, { from: hours(-26), to: T0 }, true);
    if (!('sweep' in sweep)) throw new Error('expected a sweep');
    expect(sweep.sweep.map((r) => r.setting)).toEqual(['sensitivity 1.5', 'sensitivity 2', 'sensitivity 3', 'sensitivity 4', 'sensitivity 5']);
    const counts = sweep.sweep.map((r) => r.messages.length);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it('replays a match rule with its cooldown: a burst is one message, then a digest', async () => {
    h = await alertHarness({ alerts: [], notifiers: [], now: T0 });
    await h.index.upsert(Array.from({ length: 6 }, (_, i) => acme(new Date(hours(-5).getTime() + i * 10 * 60_000))));
    const rule = alertRuleSchema.parse({ id: 'm', query: 'brand:acme', notify: ['x'], window: '1d', cooldown: '2h' });
    const result = await backtestRule(rule, h.index, { from: hours(-6), to: T0 }, false);
    if (!('rule' in result)) throw new Error('expected one replay');
    expect(result.rule.firings).toBe(6);
    // Steps of 15 min: the first step holds two mentions (one message), the cooldown folds the other four.
    expect(result.rule.messages.map((m) => m.firings)).toEqual([2, 4]);
    expect(result.rule.messages[1]!.at).toBe(new Date(hours(-5).getTime() + 2 * 3_600_000 + 15 * 60_000).toISOString());
  });

  it('refuses a silence rule: poll state keeps no history', async () => {
    h = await alertHarness({ alerts: [], notifiers: [], now: T0 });
    const rule = alertRuleSchema.parse({ id: 's', type: 'silence', notify: ['x'] });
    await expect(backtestRule(rule, h.index, { from: hours(-6), to: T0 }, false)).rejects.toBeInstanceOf(UserInputError);
  });
});
