import type { RuleOf } from '../../config/alert-rules.js';
import type { Firing } from '../firing.js';
import { andField, countIn, ruleQuery, searchCommand } from '../query-tools.js';
import type { RuleEvaluator } from '../rule-context.js';
import { topStories } from '../top-stories.js';
import { freshMatches } from './fresh-mentions.js';

/**
 * `new-voice`: a source (or author) whose new mention matches the query, and that published no
 * matching mention in the `days` before it.
 */
export const evaluateNewVoice: RuleEvaluator<RuleOf<'new-voice'>> = async (rule, trigger, context) => {
  const query = ruleQuery(rule.query);
  const fresh = await freshMatches(query, rule.window, trigger, context);
  const firings: Firing[] = [];
  const done = new Set<string>();
  for (const mention of fresh.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))) {
    const voice = rule.by === 'source' ? mention.sourceId : mention.author;
    if (!voice || done.has(voice)) continue;
    done.add(voice);
    const published = new Date(Date.parse(mention.publishedAt));
    const before = new Date(published.getTime() - rule.days * 86_400_000);
    if ((await countIn(context.index, andField(query, rule.by, voice), before, published)) > 0) continue;
    const who = rule.by === 'source' ? mention.sourceName : voice;
    firings.push({
      ruleId: rule.id, type: 'new-voice', key: `${rule.by}:${voice}`, dedupKey: `${rule.id}|v|${voice}|${mention.id}`, at: context.now.toISOString(),
      headline: `New voice: ${who}`,
      reason: `${rule.by} "${who}" mentions ${rule.query} for the first time in ${rule.days} days`,
      facts: [{ label: rule.by, value: who }, { label: 'quiet before', value: `${rule.days} d` }],
      stories: topStories([mention]), mentionCount: 1,
      search: searchCommand(`(${rule.query}) AND ${rule.by}:"${voice.replaceAll('"', '')}"`, before, new Date(published.getTime() + 1000)),
    });
  }
  return firings;
};
