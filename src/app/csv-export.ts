import type { Mention } from '../core/mention.js';

/** The columns of a CSV export, in order. */
export const CSV_COLUMNS = [
  'id', 'publishedAt', 'title', 'url', 'source', 'sourceName', 'channel', 'author', 'language',
  'sentiment', 'sentimentScore', 'brands', 'persons', 'topics', 'storyId', 'reach',
] as const;

/**
 * One CSV cell (RFC 4180). A value a spreadsheet would run as a formula (starting with = + - @, a
 * tab or a carriage return) gets a leading apostrophe, so a hostile title stays text (CSV injection).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const names = (mention: Mention, kind: string): string => mention.entities.filter((e) => e.kind === kind).map((e) => e.name).join('; ');

/** The header line of a CSV export. */
export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

/** Mentions as CSV lines (CRLF, as RFC 4180 and spreadsheets expect). */
export function toCsvRows(mentions: readonly Mention[]): string {
  return mentions
    .map((m) =>
      [m.id, m.publishedAt, m.title, m.url, m.sourceId, m.sourceName, m.channel, m.author, m.language, m.sentiment.label, m.sentiment.score,
        names(m, 'brand'), names(m, 'person'), names(m, 'topic'), m.storyId, m.reach]
        .map(csvCell)
        .join(',') + '\r\n',
    )
    .join('');
}
