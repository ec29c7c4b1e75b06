import type { AlertRuleConfig } from '../../config/alert-rules.js';
import { UserInputError } from '../../core/errors.js';

/** One setting of a sweep: its label and the rule with it. */
export interface SweepVariant {
  setting: string;
  rule: AlertRuleConfig;
}

/**
 * The rule at several settings of its main knob, the configured one among them: sensitivity (k)
 * for spikes, threshold for negative shares, minMentions for volume matches, days for new voices.
 */
export function sweepVariants(rule: AlertRuleConfig): SweepVariant[] {
  const around = (values: number[], current: number): number[] => [...new Set([...values, current])].sort((a, b) => a - b);
  switch (rule.type) {
    case 'spike':
      return around([1.5, 2, 3, 4, 5], rule.sensitivity).map((k) => ({ setting: `sensitivity ${k}`, rule: { ...rule, sensitivity: k } }));
    case 'negative-share':
      return around([0.3, 0.4, 0.5, 0.6, 0.7], rule.threshold).map((v) => ({ setting: `threshold ${v}`, rule: { ...rule, threshold: v } }));
    case 'match':
      return around([1, 3, 5, 10, 20], rule.minMentions).map((v) => ({ setting: `minMentions ${v}`, rule: { ...rule, minMentions: v } }));
    case 'new-voice':
      return around([7, 14, 30, 60, 90], rule.days).map((v) => ({ setting: `days ${v}`, rule: { ...rule, days: v } }));
    case 'silence':
      throw new UserInputError(`rule "${rule.id}" is a silence rule: it reads poll state, which keeps no history to replay`);
  }
}
