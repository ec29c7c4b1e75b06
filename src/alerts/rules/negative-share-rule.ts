import type { RuleOf } from '../../config/alert-rules.js';
import type { QueryNode } from '../../index/query/ast.js';
import { baselineWindows, historyCovers, percent } from '../baseline.js';
import { countIn, describeSeconds, mentionsIn, ruleQuery, searchCommand } from '../query-tools.js';
import type { RuleEvaluator } from '../rule-context.js';
import { topStories } from '../top-stories.js';

const negative = (query: QueryNode): QueryNode => ({ kind: 'and', children: [query, { kind: 'term', field: 'sentiment', value: 'negative', position: 0 }] });

/**
 * `negative-share`: the share of negative mentions of the query in the last `window`; fires when
 * there are at least `minMentions`, the share reaches `threshold` and is above the share over the
 * `baselineWindows` windows before. Quiet until the index's history covers the baseline.
 */
export const evaluateNegativeShare: RuleEvaluator<RuleOf<'negative-share'>> = async (rule, trigger, context) => {
  if (trigger.kind === 'new') return [];
  const query = ruleQuery(rule.query);
  const now = context.now;
  const from = new Date(now.getTime() - rule.window * 1000);
  const total = await countIn(context.index, query, from, now);
  if (total < rule.minMentions) return [];
  const neg = await countIn(context.index, negative(query), from, now);
  const share = neg / total;
  if (share < rule.threshold) return [];
  const windows = baselineWindows(now, rule.window, rule.baselineWindows, 'rolling');
  const oldest = windows[windows.length - 1]!.from;
  if (!(await historyCovers(context.index, oldest, rule.window))) return [];
  const baseTotal = await countIn(context.index, query, oldest, from);
  const baseNeg = await countIn(context.index, negative(query), oldest, from);
  const baseShare = baseTotal === 0 ? 0 : baseNeg / baseTotal;
  if (share <= baseShare) return [];
  const bucket = Math.floor(now.getTime() / (rule.window * 1000));
  const label = describeSeconds(rule.window);
  const negText = `(${rule.query}) AND sentiment:negative`;
  return [{
    ruleId: rule.id, type: 'negative-share', key: 'all', dedupKey: `${rule.id}|w|${bucket}`, at: now.toISOString(),
    headline: `Negative share ${percent(share)}: ${rule.query}`,
    reason: `${neg} of ${total} mentions in ${label} are negative (${percent(share)}; threshold ${percent(rule.threshold)}) vs ${percent(baseShare)} over the ${rule.baselineWindows} windows before (${baseNeg} of ${baseTotal})`,
    facts: [
      { label: 'negative', value: `${neg} of ${total}` }, { label: 'share', value: percent(share) },
      { label: 'baseline share', value: percent(baseShare) }, { label: 'window', value: label },
    ],
    stories: topStories(await mentionsIn(context.index, negative(query), from, now)), mentionCount: neg,
    search: searchCommand(negText, from, now),
  }];
};
