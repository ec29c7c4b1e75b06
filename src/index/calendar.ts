import { UserInputError } from '../core/errors.js';

/** Calendar bucket sizes shared by the histogram aggregations. */
export type CalendarInterval = 'day' | 'week' | 'month';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    try {
      found = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new UserInputError(`unknown time zone '${timeZone}': use an IANA name such as Europe/Paris`, 'invalid-time-zone');
    }
    formatters.set(timeZone, found);
  }
  return found;
}

/** Checks a time zone name, throwing `UserInputError` when it is unknown. */
export function checkTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (Paris in summer: +7,200,000). */
export function timeZoneOffsetMs(timeZone: string, instant: number): number {
  if (timeZone === 'UTC') return 0;
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return asUtc - (instant - (instant % 1000));
}

/** `YYYY-MM-DD` of a UTC day number (days since the epoch). */
export function dayNumberToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function dateToDayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The local calendar date of an instant in a time zone. */
export function localDate(timeZone: string, instant: number): string {
  return dayNumberToDate(Math.floor((instant + timeZoneOffsetMs(timeZone, instant)) / DAY_MS));
}

/** The key of the bucket a local date falls in: the date itself, its week's Monday, or its month's 1st. */
export function bucketKey(date: string, interval: CalendarInterval): string {
  switch (interval) {
    case 'day':
      return date;
    case 'week': {
      const day = dateToDayNumber(date);
      const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
      return dayNumberToDate(day - weekday);
    }
    case 'month':
      return `${date.slice(0, 7)}-01`;
  }
}

/** The key of the bucket after `key`. */
export function nextBucketKey(key: string, interval: CalendarInterval): string {
  switch (interval) {
    case 'day':
      return dayNumberToDate(dateToDayNumber(key) + 1);
    case 'week':
      return dayNumberToDate(dateToDayNumber(key) + 7);
    case 'month': {
      const [year, month] = key.split('-').map(Number) as [number, number];
      return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    }
  }
}

/** Every bucket key from `first` to `last` inclusive (for zero-filled histograms). */
export function bucketRange(first: string, last: string, interval: CalendarInterval, limit = 10_000): string[] {
  const keys: string[] = [];
  for (let key = first; key <= last && keys.length < limit; key = nextBucketKey(key, interval)) keys.push(key);
  return keys;
}

/**
 * Whether the zone's offset stays the same over [from, to) (no daylight-saving change), so that
 * local days can be cut in SQL as `(t + offset) / 86400000`. Offsets are sampled weekly: a zone
 * never changes and changes back within a week.
 */
export function constantOffset(timeZone: string, from: number, to: number): number | null {
  const first = timeZoneOffsetMs(timeZone, from);
  for (let t = from; t < to + 7 * DAY_MS; t += 7 * DAY_MS) {
    if (timeZoneOffsetMs(timeZone, Math.min(t, to)) !== first) return null;
  }
  return first;
}
