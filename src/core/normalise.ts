import type { SourceDefinition } from '../connectors/connector.js';
import { parseFeedDate } from './dates.js';
import type { Audience, Channel } from './mention.js';
import { mentionId } from './mention-id.js';
import type { ItemProblem, RawItem } from './raw-item.js';
import { readerBody, readerLine } from './reader-text.js';
import { titleFromText } from './title-from-text.js';

/** Bounds on what one mention may hold: a hostile feed cannot make one item huge. */
export const MAX_TITLE_CHARS = 1_000;
export const MAX_TEXT_CHARS = 100_000;

/** A raw item cleaned once: plain text, resolved link, parsed date, stable id. Not yet enriched. */
export interface NormalisedItem {
  id: string;
  url: string | null;
  canonicalUrl: string | null;
  /** The article a post shares (http/https, resolved), when it is a share; see `RawItem.sharedUrl`. */
  sharedUrl?: string | null;
  sourceId: string;
  sourceName: string;
  channel: Channel;
  title: string;
  text: string;
  author: string | null;
  publishedAt: string;
  fetchedAt: string;
  languageHint: string | null;
  audience: Audience | null;
  /** What was repaired on the way (`invalid-date`, `future-date`, `missing-date`, `truncated`). */
  flags: string[];
}

export type NormaliseResult = { ok: true; item: NormalisedItem; problems: ItemProblem[] } | { ok: false; problem: ItemProblem };

function resolveLink(link: string | null | undefined, base: string | null | undefined): string | null {
  if (!link) return null;
  try {
    const url = base ? new URL(link.trim(), base) : new URL(link.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function clip(text: string, max: number, flags: string[]): string {
  if (text.length <= max) return text;
  if (!flags.includes('truncated')) flags.push('truncated');
  return text.slice(0, max);
}

function languageTag(hint: string | null | undefined): string | null {
  const match = hint ? /^\s*([a-zA-Z]{2,3})(?:[-_]|$)/.exec(hint) : null;
  return match?.[1] ? match[1].toLowerCase() : null;
}

/**
 * Cleans one raw item from a source. Never throws: an item that cannot become a mention (no link
 * and no GUID, nothing to read) is returned as a `dropped` problem; a repaired one carries flags.
 */
export function normaliseItem(
  raw: RawItem,
  source: Pick<SourceDefinition, 'id' | 'name' | 'channel' | 'url'>,
  context: { now: Date; index?: number },
): NormaliseResult {
  const problems: ItemProblem[] = [];
  const flags: string[] = [];
  const base = raw.baseUrl ?? source.url ?? undefined;
  const url = resolveLink(raw.link, base);
  const ref = raw.guid ?? raw.link ?? undefined;
  const where = { ...(context.index === undefined ? {} : { index: context.index }), ...(ref ? { ref } : {}) };
  const ids = mentionId({ url, sourceId: source.id, guid: raw.guid ?? null });
  if (!ids) {
    return {
      ok: false,
      problem: { ...where, reason: 'missing-link-and-guid', message: 'item has neither a usable http(s) link nor a GUID', outcome: 'dropped' },
    };
  }
  const body = raw.contentHtml ?? raw.summaryHtml ?? null;
  const read = readerBody(body ?? raw.contentText ?? '', body !== null);
  const text = clip(read.text, MAX_TEXT_CHARS, flags);
  const readTitle = raw.title ? readerLine(raw.title, raw.titleIsHtml === true) : null;
  let title = readTitle?.text ?? '';
  if (!title && text) title = titleFromText(text);
  title = clip(title, MAX_TITLE_CHARS, flags);
  const readAuthor = raw.author ? readerLine(raw.author) : null;
  if (!title && !text) {
    return { ok: false, problem: { ...where, reason: 'empty-item', message: 'item has no title and no text', outcome: 'dropped' } };
  }
  if (read.repaired || readTitle?.repaired || readAuthor?.repaired) {
    problems.push({ ...where, reason: 'charset-corrected', message: 'characters only a misdecoding produces (C1 controls, UTF-8 read as Latin-1) read as what they were', outcome: 'repaired' });
  }
  const shared = resolveLink(raw.sharedUrl, base);
  const fetchedAt = context.now.toISOString();
  let publishedAt = fetchedAt;
  const rawDate = raw.published ?? raw.updated ?? null;
  if (rawDate === null || rawDate === '') {
    flags.push('missing-date');
  } else {
    const parsed = parseFeedDate(rawDate, { now: context.now });
    if (parsed.problem === 'invalid-date' || !parsed.date) {
      flags.push('invalid-date');
      problems.push({ ...where, reason: 'invalid-date', message: `unreadable date ${JSON.stringify(String(rawDate)).slice(0, 80)}; fetch time used`, outcome: 'repaired' });
    } else if (parsed.problem === 'future-date') {
      // Kept as the fetch time so it does not sit at the top of every list; flagged for review.
      flags.push('future-date');
      problems.push({ ...where, reason: 'future-date', message: `date ${parsed.date.toISOString()} is in the future; fetch time used`, outcome: 'repaired' });
    } else {
      publishedAt = parsed.date.toISOString();
    }
  }
  return {
    ok: true,
    problems,
    item: {
      id: ids.id,
      url,
      canonicalUrl: ids.canonicalUrl,
      ...(shared && shared !== url ? { sharedUrl: shared } : {}),
      sourceId: source.id,
      sourceName: source.name,
      channel: raw.channel ?? source.channel,
      title,
      text,
      author: readAuthor ? clip(readAuthor.text, 200, flags) || null : null,
      publishedAt,
      fetchedAt,
      languageHint: languageTag(raw.languageHint),
      audience: raw.audience ?? null,
      flags,
    },
  };
}
