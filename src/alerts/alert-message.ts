import { createHash } from 'node:crypto';
import type { AlertRuleConfig } from '../config/alert-rules.js';
import type { AlertMessage, Firing } from './firing.js';
import { searchCommand } from './query-tools.js';
import { mergeStories } from './top-stories.js';

/** A stable id from the firings a message carries: the same firings, the same id. */
export function messageIdOf(dedupKeys: readonly string[]): string {
  return createHash('sha256').update([...dedupKeys].sort().join('\n')).digest('hex').slice(0, 24);
}

function oldestStory(firings: readonly Firing[]): string | undefined {
  return firings.flatMap((f) => f.stories.map((s) => s.publishedAt)).sort()[0];
}

/**
 * The message for a group of firings of one rule and key: the firing itself when alone; a digest
 * otherwise (totals, the top stories across them, one search over their span).
 */
export function buildMessage(rule: AlertRuleConfig, firings: readonly Firing[], now: Date): AlertMessage {
  const first = firings[0]!;
  const id = messageIdOf(firings.map((f) => f.dedupKey));
  const base = { id, ruleId: rule.id, type: rule.type, key: first.key, createdAt: now.toISOString() };
  if (firings.length === 1) {
    return { ...base, headline: first.headline, reason: first.reason, facts: first.facts, stories: first.stories, search: first.search, firings: 1, mentionCount: first.mentionCount };
  }
  const mentions = firings.reduce((sum, f) => sum + f.mentionCount, 0);
  const earliest = firings.reduce((min, f) => (f.at < min ? f.at : min), first.at);
  const last = firings[firings.length - 1]!;
  const query = 'query' in rule ? rule.query : null;
  const what = rule.type === 'match' ? `${mentions} new mentions` : `${firings.length} alerts`;
  return {
    ...base,
    headline: rule.type === 'match' ? `${what}: ${rule.query}` : last.headline,
    reason: `${what} since ${earliest.slice(0, 16).replace('T', ' ')} UTC, held together by the rule's cooldown; latest: ${last.reason}`,
    facts: [{ label: 'alerts', value: String(firings.length) }, { label: 'mentions', value: String(mentions) }, ...last.facts.slice(0, 4)],
    stories: mergeStories(firings.map((f) => f.stories)),
    search: query && rule.type === 'match' ? searchCommand(query, new Date(Date.parse(oldestStory(firings) ?? earliest)), new Date(now.getTime() + 1000)) : last.search,
    firings: firings.length,
    mentionCount: mentions,
  };
}
