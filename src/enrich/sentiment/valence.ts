import type { Sentiment } from '../../core/mention.js';

/** VADER's normalisation of a valence sum into -1..1: x / sqrt(x² + alpha), alpha = 15. */
export function normaliseValence(sum: number, alpha = 15): number {
  if (sum === 0) return 0;
  const score = sum / Math.sqrt(sum * sum + alpha);
  return Math.max(-1, Math.min(1, score));
}

/** Label of a score, thresholds at +/-0.05 as the VADER paper uses. */
export function sentimentOf(score: number): Sentiment {
  const rounded = Math.round(score * 10000) / 10000;
  return { score: rounded, label: rounded >= 0.05 ? 'positive' : rounded <= -0.05 ? 'negative' : 'neutral' };
}

/** The sentiment of text in a language no rule set covers. */
export const UNSCORED: Sentiment = Object.freeze({ score: 0, label: 'unscored' });

/**
 * A language's rule set: the valence sum of one unit of text (a sentence, a tweet), emphasis
 * from "!" and "?" included, before normalisation.
 */
export interface ValenceRules {
  valenceSum(unit: string): number;
  /** A -1..1 score of its own (a trained model); without it the sum is normalised. */
  score?(unit: string): number;
}
