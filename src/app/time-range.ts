import { UserInputError } from '../core/errors.js';

/**
 * Reads a `--from`/`--to` value: an ISO date (`2026-11-01`), a date-time (`2026-11-01T08:00:00Z`),
 * or a duration back from now (`30d`, `12h`, `2w`). Throws a clear error naming the option.
 */
export function parseTimeOption(value: string, option: string, now: Date): Date {
  const relative = /^(\d+)\s*(h|d|w)$/.exec(value.trim());
  if (relative) {
    const hours = Number(relative[1]) * ({ h: 1, d: 24, w: 168 } as const)[relative[2] as 'h' | 'd' | 'w'];
    return new Date(now.getTime() - hours * 3_600_000);
  }
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim())) {
    const date = new Date(value.trim().length === 10 ? `${value.trim()}T00:00:00Z` : value.trim());
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new UserInputError(`${option}: "${value}" is not a date (use 2026-11-01, 2026-11-01T08:00:00Z, or 30d / 12h / 2w back from now)`);
}

/** Reads a positive integer option within bounds. */
export function parseCountOption(value: string, option: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UserInputError(`${option}: must be a whole number from 1 to ${max}, got "${value}"`);
  return n;
}

/** A publication window. */
export interface TimeWindow {
  from: Date;
  to: Date;
}

/**
 * The window of an aggregation: `from` defaults to 30 days back, `to` to now, and `to` must come
 * after `from`. Option names are the caller's (`--from` on the CLI, `from` over HTTP).
 */
export function resolveWindow(
  input: { from?: string | undefined; to?: string | undefined },
  now: Date,
  names: { from: string; to: string } = { from: '--from', to: '--to' },
  defaultFrom = '30d',
): TimeWindow {
  const from = parseTimeOption(input.from ?? defaultFrom, names.from, now);
  const to = input.to ? parseTimeOption(input.to, names.to, now) : now;
  checkOrder(from, to, names);
  return { from, to };
}

/** Refuses a window that ends before it starts (`--from` after `--to`). */
export function checkOrder(from: Date | undefined, to: Date | undefined, names: { from: string; to: string } = { from: '--from', to: '--to' }): void {
  if (from && to && to <= from) throw new UserInputError(`${names.to} must be after ${names.from} (${to.toISOString()} is not after ${from.toISOString()})`);
}
