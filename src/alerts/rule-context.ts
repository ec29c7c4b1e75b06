import type { AlertRuleConfig } from '../config/alert-rules.js';
import type { MentionIndex } from '../index/mention-index.js';
import type { SourceState } from '../state/state-store.js';
import type { Firing } from './firing.js';

/** A configured source as the silence rule sees it. */
export interface SourceInfo {
  id: string;
  name: string;
  type: string;
  tier: 1 | 2 | 3 | undefined;
  /** Configured poll interval in seconds, when set. */
  intervalSeconds: number | undefined;
}

/**
 * What starts an evaluation: mentions newly indexed (`new`), the timer (`tick`), or a replay over
 * history where the mentions published in [from, to) count as the new ones (`replay`, backtests).
 */
export type Trigger = { kind: 'new'; ids: readonly string[] } | { kind: 'tick' } | { kind: 'replay'; from: Date; to: Date };

/** What a rule reads. */
export interface RuleContext {
  index: MentionIndex;
  /** The evaluation time. */
  now: Date;
  /** When the rule first existed: mentions published before never fire. */
  since: Date;
  sources: readonly SourceInfo[];
  sourceState(sourceId: string): Promise<SourceState>;
}

/** One rule type: one evaluation shape for all. A rule ignores triggers it does not use. */
export type RuleEvaluator<R extends AlertRuleConfig = AlertRuleConfig> = (rule: R, trigger: Trigger, context: RuleContext) => Promise<Firing[]>;
