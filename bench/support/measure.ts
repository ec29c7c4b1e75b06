/** Small helpers shared by the benchmark suites: timing, percentiles, memory. */

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function rssMb(): number {
  return Math.round((process.memoryUsage().rss / 1_048_576) * 10) / 10;
}

/** JavaScript heap in use, in MB (after `global.gc()` when the bench runs with --expose-gc). */
export function heapMb(): number {
  return Math.round((process.memoryUsage().heapUsed / 1_048_576) * 10) / 10;
}

export function argValue(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

export function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
