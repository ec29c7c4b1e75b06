import type { AlertRuleConfig } from '../../config/alert-rules.js';
import { UserInputError } from '../../core/errors.js';
import type { MentionIndex } from '../../index/mention-index.js';
import { buildMessage } from '../alert-message.js';
import type { CooldownState } from '../alert-store.js';
import type { Firing } from '../firing.js';
import { nextAllowed, nextStreak } from '../noise.js';
import { evaluateRule, isPerMention } from '../rules/index.js';

/** One message a replay would have sent. */
export interface ReplayedMessage {
  at: string;
  headline: string;
  reason: string;
  /** Firings it carries (more than one: a digest). */
  firings: number;
  mentions: number;
}

/** What a rule would have done over indexed history. */
export interface ReplayResult {
  ruleId: string;
  from: string;
  to: string;
  /** Evaluations replayed (one per step). */
  steps: number;
  stepSeconds: number;
  firings: number;
  messages: ReplayedMessage[];
}

/** Most steps one replay runs. */
export const MAX_STEPS = 20_000;

/** How often the replay evaluates: per-mention rules every 15 min; windowed rules once a window (at most 1 h, at least 1 min). */
export function stepSecondsOf(rule: AlertRuleConfig): number {
  if (rule.type === 'silence') throw new UserInputError(`rule "${rule.id}" is a silence rule: it reads poll state, which keeps no history to replay`);
  if (isPerMention(rule)) return 900;
  return Math.min(3600, Math.max(60, rule.window));
}

/**
 * Replays a rule over [from, to) as if it had run then: its evaluator at each step (the rule
 * existing since `from`), the dedup keys, and the cooldown with back-off folding repeats into
 * digests. Nothing is stored or sent.
 */
export async function replayRule(rule: AlertRuleConfig, index: MentionIndex, from: Date, to: Date): Promise<ReplayResult> {
  const step = stepSecondsOf(rule);
  const stepMs = step * 1000;
  const first = Math.floor(from.getTime() / stepMs) * stepMs + stepMs;
  const steps = Math.ceil((to.getTime() - first) / stepMs) + 1;
  if (steps > MAX_STEPS) throw new UserInputError(`--from/--to: ${steps} steps of ${step} s is too many (at most ${MAX_STEPS}); shorten the span`);
  const seen = new Set<string>();
  const pending = new Map<string, Firing[]>();
  const cooldowns = new Map<string, CooldownState>();
  const messages: ReplayedMessage[] = [];
  let firings = 0;
  let ran = 0;
  for (let t = first; t <= to.getTime(); t += stepMs) {
    ran++;
    const now = new Date(t);
    // Per-mention rules see the mentions published during the step as the new ones.
    const trigger = { kind: 'replay' as const, from: isPerMention(rule) ? new Date(t - stepMs) : now, to: now };
    const found = await evaluateRule(rule, trigger, { index, now, since: from, sources: [], sourceState: () => Promise.reject(new Error('no poll state in a replay')) });
    for (const firing of found) {
      if (seen.has(firing.dedupKey)) continue;
      seen.add(firing.dedupKey);
      firings++;
      pending.set(firing.key, [...(pending.get(firing.key) ?? []), firing]);
    }
    for (const [key, group] of pending) {
      const state = cooldowns.get(key) ?? null;
      if (now < nextAllowed(state, rule.cooldown)) continue;
      const message = buildMessage(rule, group, now);
      messages.push({ at: message.createdAt, headline: message.headline, reason: message.reason, firings: message.firings, mentions: message.mentionCount });
      cooldowns.set(key, { lastSentAt: now, streak: nextStreak(state, rule.cooldown, now) });
      pending.delete(key);
    }
  }
  return { ruleId: rule.id, from: from.toISOString(), to: to.toISOString(), steps: ran, stepSeconds: step, firings, messages };
}
