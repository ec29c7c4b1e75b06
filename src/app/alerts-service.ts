import type { AlertStore, HistoryEntry } from '../alerts/alert-store.js';
import { countingCache } from '../alerts/backtest/counting-cache.js';
import { replayRule, type ReplayResult } from '../alerts/backtest/replay.js';
import { sweepVariants } from '../alerts/backtest/sweep.js';
import type { Notifier } from '../alerts/delivery/notifier.js';
import type { AlertMessage } from '../alerts/firing.js';
import type { AlertRuleConfig } from '../config/alert-rules.js';
import type { HubwatchConfig } from '../config/schema.js';
import { UserInputError } from '../core/errors.js';
import type { MentionIndex } from '../index/mention-index.js';

/** A rule as `alerts list` shows it. */
export interface AlertRuleView {
  id: string;
  type: AlertRuleConfig['type'];
  enabled: boolean;
  /** The query, or what a silence rule watches. */
  watches: string;
  notify: { id: string; health: 'ok' | 'broken' | 'console' | 'never used'; broken: string | null; lastDeliveredAt: string | null }[];
  lastFiredAt: string | null;
}

/** The rule named `id`, or a clear error listing the ones there are. */
export function findRule(config: Pick<HubwatchConfig, 'alerts'>, id: string): AlertRuleConfig {
  const rule = config.alerts.find((r) => r.id === id);
  if (!rule) throw new UserInputError(`no alert rule "${id}" (rules: ${config.alerts.map((r) => r.id).join(', ') || 'none configured'})`);
  return rule;
}

/** Every rule with its last firing and the health of each destination. */
export async function listAlertRules(config: Pick<HubwatchConfig, 'alerts' | 'notifiers'>, store: AlertStore, notifiers: ReadonlyMap<string, Notifier>): Promise<AlertRuleView[]> {
  const fired = await store.lastFired();
  const health = new Map((await store.destinations()).map((d) => [d.notifierId, d]));
  return config.alerts.map((rule) => ({
    id: rule.id,
    type: rule.type,
    enabled: rule.enabled,
    watches: rule.type === 'silence' ? (rule.sources ? `sources ${rule.sources.join(', ')}` : rule.connector ? `every ${rule.connector} source` : `tier ${rule.tier ?? 1} sources`) : rule.query,
    notify: rule.notify.map((id) => {
      const notifier = notifiers.get(id);
      const h = health.get(id);
      const current = h && notifier && h.fingerprint === notifier.fingerprint ? h : undefined;
      const state = notifier?.fingerprint === 'console' ? 'console' : current?.broken ? 'broken' : current?.lastDeliveredAt ? 'ok' : 'never used';
      return { id, health: state, broken: current?.broken ?? null, lastDeliveredAt: current?.lastDeliveredAt ?? null };
    }),
    lastFiredAt: fired.get(rule.id) ?? null,
  }));
}

/** What `alerts test` sent to each destination. */
export interface TestOutcome {
  notifierId: string;
  ok: boolean;
  error?: string;
}

/** Sends a sample message of the rule to its destinations, now (no cooldown, nothing recorded as fired). */
export async function sendTestAlert(rule: AlertRuleConfig, notifiers: ReadonlyMap<string, Notifier>, now: Date): Promise<TestOutcome[]> {
  const message: AlertMessage = {
    id: `test-${now.getTime().toString(36)}`, ruleId: rule.id, type: rule.type, key: 'test', createdAt: now.toISOString(),
    headline: `Test of rule ${rule.id}`, reason: `a sample message: this is how "${rule.id}" (${rule.type}) will reach this channel`,
    facts: [{ label: 'type', value: rule.type }], stories: [], search: 'query' in rule ? `hubwatch search '${rule.query.replaceAll("'", "'\\''")}'` : 'hubwatch sources list',
    firings: 1, mentionCount: 0, test: true,
  };
  const out: TestOutcome[] = [];
  for (const id of rule.notify) {
    const notifier = notifiers.get(id);
    if (!notifier) {
      out.push({ notifierId: id, ok: false, error: 'no such notifier' });
      continue;
    }
    try {
      await notifier.send(message);
      out.push({ notifierId: id, ok: true });
    } catch (error) {
      out.push({ notifierId: id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}

/** A backtest: the rule as configured, or at several settings side by side (`sweep`). */
export type BacktestResult = { rule: ReplayResult } | { sweep: (ReplayResult & { setting: string })[] };

/** Replays a rule over indexed history; with `sweep`, at several settings of its main knob. */
export async function backtestRule(rule: AlertRuleConfig, index: MentionIndex, window: { from: Date; to: Date }, sweep: boolean): Promise<BacktestResult> {
  const cached = countingCache(index);
  if (!sweep) return { rule: await replayRule(rule, cached, window.from, window.to) };
  const rows: (ReplayResult & { setting: string })[] = [];
  for (const variant of sweepVariants(rule)) rows.push({ setting: variant.setting, ...(await replayRule(variant.rule, cached, window.from, window.to)) });
  return { sweep: rows };
}

/** Alert history, newest first: fired, delivered, failed (with the reason). */
export function alertHistory(store: AlertStore, limit: number): Promise<HistoryEntry[]> {
  return store.history(limit);
}
