const DAY_MS = 86_400_000;

/** A time window cut for the day rollups: whole UTC days inside it, and the partial days at its edges. */
export interface DayWindow {
  /** Whole UTC days (day numbers) the rollups answer: `from <= day < to`, a bound absent when the window has none. */
  days: { from?: number; to?: number };
  /** Time ranges `[lo, hi)` (ms) outside those days, to count row by row. */
  edges: [number, number][];
}

/**
 * Cuts `[fromMs, toMs)` into the whole UTC days it covers and the partial days at its ends, so that
 * an answer from day rollups stays exact for a window that does not fall on day boundaries.
 */
export function dayWindow(fromMs?: number, toMs?: number): DayWindow {
  const firstFull = fromMs === undefined ? undefined : Math.ceil(fromMs / DAY_MS);
  const lastFull = toMs === undefined ? undefined : Math.floor(toMs / DAY_MS);
  const edges: [number, number][] = [];
  if (fromMs !== undefined && firstFull !== undefined) {
    const end = Math.min(firstFull * DAY_MS, toMs ?? Infinity);
    if (end > fromMs) edges.push([fromMs, end]);
  }
  if (toMs !== undefined && lastFull !== undefined) {
    const start = Math.max(lastFull * DAY_MS, fromMs ?? -Infinity, (firstFull ?? -Infinity) * DAY_MS);
    if (toMs > start) edges.push([start, toMs]);
  }
  const days: DayWindow['days'] = {};
  if (firstFull !== undefined) days.from = firstFull;
  if (lastFull !== undefined) days.to = lastFull;
  return { days, edges };
}

/** The SQL condition on a `day` column for the window's whole days, with its parameters. */
export function daysCondition(window: DayWindow, column = 'day'): { sql: string; params: number[] } {
  const parts = ['1'];
  const params: number[] = [];
  if (window.days.from !== undefined) {
    parts.push(`${column} >= ?`);
    params.push(window.days.from);
  }
  if (window.days.to !== undefined) {
    parts.push(`${column} < ?`);
    params.push(window.days.to);
  }
  return { sql: parts.join(' AND '), params };
}
