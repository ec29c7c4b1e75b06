import type { RuleOf } from '../../config/alert-rules.js';
import { baselineWindows, historyCovers, meanAndDeviation, round1 } from '../baseline.js';
import { countIn, describeSeconds, mentionsIn, ruleQuery, searchCommand } from '../query-tools.js';
import type { RuleEvaluator } from '../rule-context.js';
import { topStories } from '../top-stories.js';

/**
 * `spike`: the query's volume in the last `window` against its own baseline (the windows before,
 * or the same hour in past weeks): fires when the count reaches `minMentions` and exceeds
 * mean + k·sd (k = `sensitivity`; a flat baseline still needs more than its mean + k). Quiet until the
 * index's history covers the whole baseline.
 */
export const evaluateSpike: RuleEvaluator<RuleOf<'spike'>> = async (rule, trigger, context) => {
  if (trigger.kind === 'new') return [];
  const query = ruleQuery(rule.query);
  const now = context.now;
  const from = new Date(now.getTime() - rule.window * 1000);
  const count = await countIn(context.index, query, from, now);
  if (count < rule.minMentions) return [];
  const windows = baselineWindows(now, rule.window, rule.baselineWindows, rule.baseline);
  if (!(await historyCovers(context.index, windows[windows.length - 1]!.from, rule.window))) return [];
  const counts = await Promise.all(windows.map((w) => countIn(context.index, query, w.from, w.to)));
  const { mean, sd } = meanAndDeviation(counts);
  const bar = mean + rule.sensitivity * Math.max(sd, 1);
  if (count <= bar) return [];
  const bucket = Math.floor(now.getTime() / (rule.window * 1000));
  const label = describeSeconds(rule.window);
  const basis = rule.baseline === 'rolling' ? `the ${rule.baselineWindows} windows before` : `the same ${label} in the ${rule.baselineWindows} weeks before`;
  return [{
    ruleId: rule.id, type: 'spike', key: 'all', dedupKey: `${rule.id}|w|${bucket}`, at: now.toISOString(),
    headline: `Spike: ${rule.query}`,
    reason: `${count} mentions in ${label} vs a baseline of ${round1(mean)} ± ${round1(sd)} over ${basis} (${round1(count / Math.max(mean, 0.1))}×; fires above ${round1(bar)})`,
    facts: [
      { label: 'count', value: String(count) }, { label: 'baseline', value: `${round1(mean)} ± ${round1(sd)}` },
      { label: 'threshold', value: round1(bar) }, { label: 'window', value: label },
    ],
    stories: topStories(await mentionsIn(context.index, query, from, now)), mentionCount: count,
    search: searchCommand(rule.query, from, now),
  }];
};
