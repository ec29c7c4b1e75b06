import { ParseError } from '../../core/errors.js';
import type { ItemProblem, RawItem } from '../../core/raw-item.js';
import { CAPS, cleanLink } from '../rss/map-entry.js';
import type { ParsedFeed } from '../rss/parsed-feed.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** A non-empty string, with lone surrogates (legal in JSON escapes, not in text) replaced by U+FFFD. */
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.replace(LONE_SURROGATE, '\uFFFD') : null;
const record = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

function authorOf(item: Record<string, unknown>, feed: Record<string, unknown>): string | null {
  const names = (list: unknown): string[] =>
    Array.isArray(list) ? list.map((entry) => text(record(entry)?.['name'])).filter((name): name is string => name !== null) : [];
  const fromItem = [...names(item['authors']), ...names([item['author']])];
  if (fromItem.length > 0) return fromItem.join(', ');
  const fromFeed = [...names(feed['authors']), ...names([feed['author']])];
  return fromFeed.length > 0 ? fromFeed.join(', ') : null;
}

/**
 * Reads a JSON Feed (1.0 or 1.1). Values are read by known key only and checked by type, so a
 * `__proto__` key or a wrong type is inert; one bad item is dropped with its reason, the rest kept.
 */
export function parseJsonFeed(source: string, feedUrl: string, where: string): ParsedFeed {
  let document: unknown;
  try {
    document = JSON.parse(source);
  } catch (error) {
    const detail = (error as Error).message.slice(0, 120);
    // JSON cannot be read in part: a cut-off JSON Feed is a failed poll, said as such and retried.
    if (/^\s*\{/.test(source) && /end of JSON input|Unterminated string/i.test(detail)) {
      throw new ParseError(`${where}: truncated document: the JSON ends before it is complete (${source.length} characters received: the response was cut off)`, 'truncated-document', error, true);
    }
    throw new ParseError(`${where}: not a feed (invalid JSON: ${detail})`, 'not-a-feed', error);
  }
  const feed = record(document);
  const version = text(feed?.['version']) ?? '';
  if (!feed || !/^https?:\/\/jsonfeed\.org\/version\/1(\.1)?\/?$/.test(version)) {
    throw new ParseError(`${where}: not a feed (JSON without a JSON Feed "version")`);
  }
  if (!Array.isArray(feed['items'])) throw new ParseError(`${where}: JSON Feed without an "items" array`);
  const items: RawItem[] = [];
  const problems: ItemProblem[] = [];
  const language = text(feed['language']);
  const base = text(feed['home_page_url']) ?? feedUrl;
  (feed['items'] as unknown[]).forEach((value, index) => {
    const item = record(value);
    if (!item) {
      problems.push({ index, reason: 'not-an-object', message: `items[${index}] is not an object`, outcome: 'dropped' });
      return;
    }
    const rawId = item['id'];
    const guid = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : null;
    const { link, problem } = cleanLink(text(item['url']) ?? text(item['external_url']), base);
    const ref = guid ?? undefined;
    if (problem) problems.push({ index, ...(ref ? { ref } : {}), reason: 'bad-link', message: `link dropped: ${problem}`, outcome: 'repaired' });
    let title = text(item['title']);
    if (item['title'] !== undefined && item['title'] !== null && title === null && typeof item['title'] !== 'string') {
      problems.push({ index, ...(ref ? { ref } : {}), reason: 'bad-title', message: 'title is not a string (ignored)', outcome: 'repaired' });
    }
    if (title && title.length > CAPS.titleChars) title = title.slice(0, CAPS.titleChars);
    const tags = Array.isArray(item['tags']) ? item['tags'].filter((tag): tag is string => typeof tag === 'string').slice(0, CAPS.categories) : [];
    items.push({
      guid,
      link,
      baseUrl: base,
      title,
      contentHtml: text(item['content_html'])?.slice(0, CAPS.bodyChars) ?? null,
      contentText: text(item['content_text'])?.slice(0, CAPS.bodyChars) ?? null,
      summaryHtml: null,
      author: authorOf(item, feed),
      published: text(item['date_published']),
      updated: text(item['date_modified']),
      languageHint: text(item['language']) ?? language,
      categories: tags,
    });
    const summary = text(item['summary']);
    if (summary) items[items.length - 1]!.contentText ??= summary;
  });
  return {
    detectedType: version.endsWith('1.1') || version.endsWith('1.1/') ? 'jsonfeed-1.1' : 'jsonfeed-1.0',
    title: text(feed['title']),
    link: text(feed['home_page_url']),
    language,
    ttlSeconds: null,
    items,
    problems,
  };
}
