import type { Mention } from '../../core/mention.js';
import type { QueryNode } from '../../index/query/ast.js';
import { matchingAmong, mentionsIn } from '../query-tools.js';
import type { RuleContext, Trigger } from '../rule-context.js';

/**
 * The new mentions a per-mention rule looks at: those the trigger names (or, in a replay, those
 * published in its span) that match `query`, published after the rule existed and within
 * `windowSeconds` of now. Older ones (a backfill, an import, a feed's archive) never fire.
 */
export async function freshMatches(query: QueryNode, windowSeconds: number, trigger: Trigger, context: RuleContext): Promise<Mention[]> {
  const floor = new Date(Math.max(context.since.getTime(), context.now.getTime() - windowSeconds * 1000));
  const ceiling = new Date(context.now.getTime() + 1);
  if (trigger.kind === 'new') return matchingAmong(context.index, query, trigger.ids, floor, ceiling);
  if (trigger.kind === 'replay') {
    const from = new Date(Math.max(floor.getTime(), trigger.from.getTime()));
    return mentionsIn(context.index, query, from, new Date(Math.min(ceiling.getTime(), trigger.to.getTime())));
  }
  return [];
}
