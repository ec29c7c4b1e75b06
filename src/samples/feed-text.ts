import { decodeHTML } from 'entities';
import { hash32 } from './seeded.js';

/** Escapes text for XML and HTML element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Wraps HTML in CDATA, splitting any `]]>` so the section cannot end early. */
export function cdata(html: string): string {
  return `<![CDATA[${html.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** A plain-text summary of our own (well-formed) HTML, as a feed's short description carries. */
export function summarise(html: string, max = 200): string {
  const text = decodeHTML(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
  return text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

interface Zone {
  minutes: number;
  /** RFC 822 zone text (`+0200`, `EST`, `GMT`). */
  rfc822: string;
  weekday: boolean;
}

/**
 * Odd-but-valid zones, fixed per item: most dates are GMT, a few carry offsets, a US zone name,
 * or no weekday — all legal in RFC 822 / RFC 3339, all seen in real feeds.
 */
function zoneFor(key: string, lang: 'en' | 'fr'): Zone {
  switch (hash32(`zone:${key}`) % 8) {
    case 0:
      return { minutes: lang === 'fr' ? 60 : -300, rfc822: lang === 'fr' ? '+0100' : 'EST', weekday: true };
    case 1:
      return { minutes: 120, rfc822: '+0200', weekday: true };
    case 2:
      return { minutes: -240, rfc822: '-0400', weekday: false };
    default:
      return { minutes: 0, rfc822: 'GMT', weekday: true };
  }
}

function shifted(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** RFC 822 date as RSS 2.0 uses, in the item's zone. */
export function rfc822(date: Date, key: string, lang: 'en' | 'fr'): string {
  const zone = zoneFor(key, lang);
  const d = shifted(date, zone.minutes);
  const body = `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${zone.rfc822}`;
  return zone.weekday ? `${DAYS[d.getUTCDay()]}, ${body}` : body;
}

/** RFC 3339 date as Atom and JSON Feed use, in the item's zone, sometimes with milliseconds. */
export function rfc3339(date: Date, key: string, lang: 'en' | 'fr'): string {
  const zone = zoneFor(key, lang);
  if (zone.minutes === 0) return date.toISOString().replace('.000Z', 'Z');
  const d = shifted(date, zone.minutes);
  const sign = zone.minutes < 0 ? '-' : '+';
  const abs = Math.abs(zone.minutes);
  const millis = hash32(`ms:${key}`) % 2 === 0 ? `.${pad(d.getUTCMilliseconds(), 3)}` : '';
  return `${d.toISOString().slice(0, 19)}${millis}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
