import type { RuleOf } from '../../config/alert-rules.js';
import { round1 } from '../baseline.js';
import type { Fact, Firing } from '../firing.js';
import { andField, describeSeconds } from '../query-tools.js';
import type { RuleContext, RuleEvaluator, SourceInfo } from '../rule-context.js';

/** A source's gap, when it has one. */
interface Gap {
  source: SourceInfo;
  reason: string;
  facts: Fact[];
}

function selected(rule: RuleOf<'silence'>, sources: readonly SourceInfo[]): SourceInfo[] {
  if (rule.sources) return sources.filter((s) => rule.sources!.includes(s.id));
  if (rule.connector) return sources.filter((s) => s.type === rule.connector);
  const tier = rule.tier ?? 1;
  return sources.filter((s) => s.tier === tier);
}

async function gapOf(rule: RuleOf<'silence'>, source: SourceInfo, context: RuleContext): Promise<Gap | null> {
  const state = await context.sourceState(source.id);
  if (state.consecutiveFailures >= rule.failures) {
    return {
      source, reason: `${source.name}: ${state.consecutiveFailures} failed polls in a row (last: ${state.lastError ?? 'unknown'})`,
      facts: [{ label: 'failed polls', value: String(state.consecutiveFailures) }],
    };
  }
  if (state.itemsPerDay <= 0 || state.lastSuccessAt === null) return null;
  const usualSeconds = Math.max(86_400 / state.itemsPerDay, state.intervalSeconds ?? source.intervalSeconds ?? 0);
  const page = await context.index.search({ query: andField(null, 'source', source.id), sort: 'date', limit: 1, to: context.now });
  const newest = page.hits[0]?.mention.publishedAt;
  const quietSeconds = newest ? (context.now.getTime() - Date.parse(newest)) / 1000 : Infinity;
  if (quietSeconds <= rule.factor * usualSeconds) return null;
  const quiet = Number.isFinite(quietSeconds) ? describeSeconds(Math.round(quietSeconds / 60) * 60) : 'ever';
  return {
    source, reason: `${source.name}: nothing new for ${quiet}, ${round1(quietSeconds / usualSeconds)}× its usual gap of ${describeSeconds(Math.round(usualSeconds / 60) * 60)}`,
    facts: [{ label: 'quiet for', value: quiet }, { label: 'usual gap', value: describeSeconds(Math.round(usualSeconds / 60) * 60) }],
  };
}

/**
 * `silence`: coverage gaps, so that quiet is not read as calm. A selected source that produced
 * nothing for `factor`× its usual gap between items, or failed `failures` polls in a row, fires
 * (keyed by source); with `connector`, it fires only when every source of that type has a gap.
 */
export const evaluateSilence: RuleEvaluator<RuleOf<'silence'>> = async (rule, trigger, context) => {
  if (trigger.kind !== 'tick') return [];
  const gaps = (await Promise.all(selected(rule, context.sources).map((s) => gapOf(rule, s, context)))).filter((g): g is Gap => g !== null);
  const at = context.now.toISOString();
  const day = Math.floor(context.now.getTime() / 86_400_000);
  const firing = (key: string, headline: string, reason: string, facts: Fact[]): Firing => ({
    ruleId: rule.id, type: 'silence', key, dedupKey: `${rule.id}|s|${key}|${day}`, at, headline, reason, facts, stories: [], mentionCount: 0,
    search: `hubwatch sources list`,
  });
  if (rule.connector) {
    const all = selected(rule, context.sources);
    if (all.length === 0 || gaps.length < all.length) return [];
    return [firing(`type:${rule.connector}`, `Coverage gap: every ${rule.connector} source`, gaps.map((g) => g.reason).join('; '), [{ label: 'sources', value: String(all.length) }])];
  }
  return gaps.map((g) => firing(`source:${g.source.id}`, `Coverage gap: ${g.source.name}`, g.reason, g.facts));
};
