import type { MentionIndex } from '../index/mention-index.js';
import { countIn } from './query-tools.js';

/** Mean and (population) standard deviation of counts. */
export function meanAndDeviation(values: readonly number[]): { mean: number; sd: number } {
  if (values.length === 0) return { mean: 0, sd: 0 };
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * The windows a baseline is counted over, newest first: the `n` windows just before the current
 * one (`rolling`), or the same window 1..n weeks ago (`same-hour-of-week`).
 */
export function baselineWindows(now: Date, windowSeconds: number, n: number, kind: 'rolling' | 'same-hour-of-week'): { from: Date; to: Date }[] {
  const w = windowSeconds * 1000;
  const step = kind === 'rolling' ? w : 7 * 86_400_000;
  const out: { from: Date; to: Date }[] = [];
  for (let i = 1; i <= n; i++) {
    const to = now.getTime() - i * step;
    out.push({ from: new Date(to - w), to: new Date(to) });
  }
  return out;
}

/** Rounds for messages: `8.3`. */
export function round1(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

/** A share as a percentage: `42%`. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * Whether indexed history reaches back past `from`: some mention (any) was published in the
 * `probeSeconds` before it. A baseline over time the index does not cover is a baseline of zeros:
 * on a fresh install every first day would look like a spike. Only that short span is counted, so
 * the probe costs what one window costs, not a count of the whole index.
 */
export async function historyCovers(index: MentionIndex, from: Date, probeSeconds: number): Promise<boolean> {
  return (await countIn(index, null, new Date(from.getTime() - probeSeconds * 1000), from)) > 0;
}
