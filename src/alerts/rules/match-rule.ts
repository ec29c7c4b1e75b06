import type { RuleOf } from '../../config/alert-rules.js';
import type { Firing } from '../firing.js';
import { countIn, describeSeconds, ruleQuery, searchCommand } from '../query-tools.js';
import type { RuleEvaluator } from '../rule-context.js';
import { topStories } from '../top-stories.js';
import { freshMatches } from './fresh-mentions.js';

/**
 * `match`: new mentions that match the query. With `minMentions` 1 each mention is its own firing
 * (dedup per rule and mention; the cooldown folds a burst into a digest). With more, it is a volume
 * trigger: fires once per window when the count since the window opened (never before the rule
 * existed) reaches `minMentions`.
 */
export const evaluateMatch: RuleEvaluator<RuleOf<'match'>> = async (rule, trigger, context) => {
  const query = ruleQuery(rule.query);
  const fresh = await freshMatches(query, rule.window, trigger, context);
  if (fresh.length === 0) return [];
  const at = context.now.toISOString();
  const windowLabel = describeSeconds(rule.window);
  if (rule.minMentions <= 1) {
    return fresh.map((mention): Firing => ({
      ruleId: rule.id, type: 'match', key: 'all', dedupKey: `${rule.id}|m|${mention.id}`, at,
      headline: `New mention: ${rule.query}`,
      reason: `a new mention matches the rule's query (published ${mention.publishedAt}, within the ${windowLabel} window)`,
      facts: [{ label: 'source', value: mention.sourceName }, { label: 'sentiment', value: mention.sentiment.label }],
      stories: topStories([mention]), mentionCount: 1,
      search: searchCommand(rule.query, new Date(Date.parse(mention.publishedAt)), new Date(Date.parse(mention.publishedAt) + 1000)),
    }));
  }
  const bucket = Math.floor(context.now.getTime() / (rule.window * 1000));
  const from = new Date(Math.max(context.since.getTime(), bucket * rule.window * 1000));
  const count = await countIn(context.index, query, from, new Date(context.now.getTime() + 1));
  if (count < rule.minMentions) return [];
  return [{
    ruleId: rule.id, type: 'match', key: 'all', dedupKey: `${rule.id}|w|${bucket}`, at,
    headline: `${count} mentions: ${rule.query}`,
    reason: `${count} mentions match in the window since ${from.toISOString()} (threshold ${rule.minMentions} in ${windowLabel})`,
    facts: [{ label: 'count', value: String(count) }, { label: 'threshold', value: String(rule.minMentions) }, { label: 'window', value: windowLabel }],
    stories: topStories(fresh), mentionCount: count,
    search: searchCommand(rule.query, from, context.now),
  }];
};
