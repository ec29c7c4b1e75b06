/** A run of consecutive days well above the period's usual level. */
export interface Run {
  startIndex: number;
  endIndex: number;
  peak: number;
  baseline: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Days whose count reaches twice the period's median day and at least `floor` (so a quiet period
 * does not turn 2 mentions into a spike), merged into runs of consecutive days, biggest peak first.
 */
export function findRuns(counts: readonly number[], floor = 3): Run[] {
  const baseline = median(counts);
  const threshold = Math.max(floor, 2 * baseline);
  const runs: Run[] = [];
  let current: Run | null = null;
  counts.forEach((count, index) => {
    if (count >= threshold) {
      if (current && current.endIndex === index - 1) {
        current.endIndex = index;
        current.peak = Math.max(current.peak, count);
      } else {
        current = { startIndex: index, endIndex: index, peak: count, baseline };
        runs.push(current);
      }
    }
  });
  return runs.sort((a, b) => b.peak - a.peak || a.startIndex - b.startIndex);
}
