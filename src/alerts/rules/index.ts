import type { AlertRuleConfig } from '../../config/alert-rules.js';
import type { Firing } from '../firing.js';
import type { RuleContext, Trigger } from '../rule-context.js';
import { evaluateMatch } from './match-rule.js';
import { evaluateNegativeShare } from './negative-share-rule.js';
import { evaluateNewVoice } from './new-voice-rule.js';
import { evaluateSilence } from './silence-rule.js';
import { evaluateSpike } from './spike-rule.js';

/** Whether a rule runs on newly indexed mentions (else on the timer). */
export function isPerMention(rule: AlertRuleConfig): boolean {
  return rule.type === 'match' || rule.type === 'new-voice';
}

/** Evaluates any rule with its type's evaluator. */
export function evaluateRule(rule: AlertRuleConfig, trigger: Trigger, context: RuleContext): Promise<Firing[]> {
  switch (rule.type) {
    case 'match':
      return evaluateMatch(rule, trigger, context);
    case 'spike':
      return evaluateSpike(rule, trigger, context);
    case 'negative-share':
      return evaluateNegativeShare(rule, trigger, context);
    case 'new-voice':
      return evaluateNewVoice(rule, trigger, context);
    case 'silence':
      return evaluateSilence(rule, trigger, context);
  }
}
