/**
 * Feed dates as publishers really write them: RFC 822/1123 and ISO 8601, plus the common broken
 * forms (two-digit years, French and full English month and day names, missing or named zones,
 * "14h30", epoch numbers). Pure: no I/O, the clock is passed in.
 */

export type FeedDateProblem = 'invalid-date' | 'future-date';

export interface FeedDate {
  /** The instant, or null when there was no date or it could not be read. */
  date: Date | null;
  /** `invalid-date`: a date was given but is unreadable; `future-date`: readable but ahead of `now`. */
  problem: FeedDateProblem | null;
}

/** Dates this far ahead of the clock are still returned, but flagged `future-date`. */
export const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;
const EARLIEST = Date.UTC(1900, 0, 1);

const MONTHS: Record<string, number> = {
  jan: 0, january: 0, janv: 0, janvier: 0,
  feb: 1, february: 1, fev: 1, fevr: 1, fevrier: 1,
  mar: 2, march: 2, mars: 2,
  apr: 3, april: 3, avr: 3, avril: 3,
  may: 4, mai: 4,
  jun: 5, june: 5, juin: 5,
  jul: 6, july: 6, juil: 6, juillet: 6,
  aug: 7, august: 7, aou: 7, aout: 7,
  sep: 8, sept: 8, september: 8, septembre: 8,
  oct: 9, october: 9, octobre: 9,
  nov: 10, november: 10, novembre: 10,
  dec: 11, december: 11, decembre: 11,
};

const WEEKDAYS = new Set([
  'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs', 'thursday', 'fri', 'friday',
  'sat', 'saturday', 'sun', 'sunday',
  'lun', 'lundi', 'mar', 'mardi', 'mer', 'mercredi', 'jeu', 'jeudi', 'ven', 'vendredi', 'sam', 'samedi', 'dim', 'dimanche',
]);

/** Named zones seen in feeds, in minutes east of UTC. Unknown names are read as UTC (as Miniflux does). */
const ZONES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0, bst: 60, ist: 330,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420, akst: -540, akdt: -480, hst: -600,
  cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180, msk: 180, jst: 540, kst: 540, aest: 600, aedt: 660,
};

function offsetMinutes(zone: string | undefined): number {
  if (!zone) return 0;
  const numeric = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  return ZONES[zone] ?? 0;
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, offset: number): Date | null {
  if (year < 1900 || month < 0 || month > 11 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  const utc = Date.UTC(year, month, day, hour, minute, Math.min(second, 59), ms);
  const check = new Date(utc);
  if (check.getUTCDate() !== day && hour !== 24) return null; // 31 February
  return new Date(utc - offset * 60_000);
}

function fullYear(year: number, digits: number): number {
  // RFC 2822 §4.3: two-digit years 00-49 are 20xx, 50-99 are 19xx.
  if (digits <= 2) return year < 50 ? 2000 + year : 1900 + year;
  return year;
}

const ISO = /^(\d{4})-?(\d{2})-?(\d{2})(?:[t ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function parseIso(text: string): Date | null | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return build(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms, offsetMinutes(m[8]));
}

const TIME = /(\d{1,2})[:h](\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(am|pm)?/;
const ZONE = /^\s*(?:\(?\s*)?(z|[a-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{1,2}(?::?\d{2})?)\b/;

function parseLoose(text: string): Date | null {
  let rest = text;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let offset = 0;
  const time = TIME.exec(rest);
  if (time) {
    hour = Number(time[1]);
    minute = Number(time[2]);
    second = Number(time[3] ?? 0);
    if (time[4] === 'pm' && hour < 12) hour += 12;
    if (time[4] === 'am' && hour === 12) hour = 0;
    const after = rest.slice(time.index + time[0].length);
    const zone = ZONE.exec(after);
    let afterZone = after;
    if (zone && !(zone[1]! in MONTHS) && !WEEKDAYS.has(zone[1]!)) {
      offset = offsetMinutes(zone[1]);
      afterZone = after.slice(zone[0].length);
    }
    rest = `${rest.slice(0, time.index)} ${afterZone}`;
  }
  const tokens = rest.split(/[\s/.-]+/).filter((token) => token !== '' && !['a', 'at', 'le', 'the', 'of', 'de', 'du'].includes(token));
  let month: number | undefined;
  const numbers: { value: number; digits: number }[] = [];
  let first = true;
  for (const token of tokens) {
    if (/^\d+(st|nd|rd|th|er)?$/.test(token)) {
      const digits = token.replace(/\D+$/, '');
      numbers.push({ value: Number(digits), digits: digits.length });
    } else if (first && WEEKDAYS.has(token) && tokens.slice(1).some((t) => t in MONTHS || /^\d+$/.test(t))) {
      // A leading weekday ("mar." is Tuesday in French, but "Mar 12" is March): skipped only when a month or numbers follow.
      if (token === 'mar' && !tokens.slice(1).some((t) => t in MONTHS)) month = 2;
    } else if (token in MONTHS && month === undefined) {
      month = MONTHS[token];
    } else if (token in ZONES || WEEKDAYS.has(token)) {
      continue;
    } else {
      return null;
    }
    first = false;
  }
  let year: number | undefined;
  let day: number | undefined;
  if (month === undefined) {
    // Numeric dates: yyyy mm dd, or dd mm yyyy (day first, as in French).
    if (numbers.length !== 3) return null;
    if (numbers[0]!.digits === 4) [year, month, day] = [numbers[0]!.value, numbers[1]!.value - 1, numbers[2]!.value];
    else [day, month, year] = [numbers[0]!.value, numbers[1]!.value - 1, fullYear(numbers[2]!.value, numbers[2]!.digits)];
  } else {
    if (numbers.length !== 2) return null;
    const yearIndex = numbers.findIndex((n) => n.digits >= 3);
    const yi = yearIndex === -1 ? 1 : yearIndex;
    year = fullYear(numbers[yi]!.value, numbers[yi]!.digits);
    day = numbers[1 - yi]!.value;
  }
  return build(year, month, day, hour, minute, second, 0, offset);
}

function judge(date: Date | null, now: Date): FeedDate {
  if (date === null || Number.isNaN(date.getTime()) || date.getTime() < EARLIEST) return { date: null, problem: 'invalid-date' };
  if (date.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return { date, problem: 'future-date' };
  return { date, problem: null };
}

/**
 * Reads a feed date. A missing or empty value is `{ date: null, problem: null }`; an unreadable one
 * is `invalid-date`; a date more than ten minutes ahead of `now` is returned and flagged
 * `future-date` (the caller decides whether to clamp). Dates without a zone are read as UTC.
 */
export function parseFeedDate(raw: string | Date | null | undefined, options: { now: Date }): FeedDate {
  if (raw === null || raw === undefined) return { date: null, problem: null };
  if (raw instanceof Date) return judge(new Date(raw.getTime()), options.now);
  const text = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[,;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return { date: null, problem: null };
  if (text.length > 80) return { date: null, problem: 'invalid-date' };
  if (/^\d{9,13}$/.test(text)) {
    const value = Number(text);
    return judge(new Date(text.length >= 12 ? value : value * 1000), options.now);
  }
  const iso = parseIso(text);
  if (iso !== undefined) return judge(iso, options.now);
  return judge(parseLoose(text), options.now);
}
