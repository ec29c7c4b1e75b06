import Parser from 'rss-parser';
import type { ItemProblem, RawItem } from '../../core/raw-item.js';
import { CAPS, cleanLink } from './map-entry.js';
import type { ParsedFeed } from './parsed-feed.js';

/**
 * xml2js output is heterogeneous (catalogue case 22): a string, `{ _: text, $: attrs }`, an array,
 * or an object tree for Atom `type="xhtml"`. This flattens any of them to text, never
 * `[object Object]`, and never walks more than a bounded depth.
 */
export function asText(value: unknown, depth = 0): string | null {
  if (value === null || value === undefined || depth > 8) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    for (const entry of value) {
      const text = asText(entry, depth + 1);
      if (text !== null) return text;
    }
    return null;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Object.hasOwn(record, '_')) return asText(record['_'], depth + 1);
    const parts = Object.keys(record)
      .filter((key) => key !== '$')
      .map((key) => asText(record[key], depth + 1))
      .filter((text): text is string => text !== null);
    return parts.length > 0 ? parts.join(' ') : null;
  }
  return null;
}

const parser = new Parser({ customFields: { item: [['dc:creator', 'creator'], ['content:encoded', 'contentEncoded']] } });

/**
 * The second reader: rss-parser's `parseString` (never `parseURL`: fetching is ours). Used only
 * when the streaming extractor recognised a feed root but found no entries in a document that
 * seems to have some, where rss-parser's own dialect handling may do better. Throws on XML it
 * rejects; the caller reports that as a parse error.
 */
export async function parseWithRssParser(text: string, feedUrl: string, detectedType: string): Promise<ParsedFeed> {
  const feed = await parser.parseString(text);
  const items: RawItem[] = [];
  const problems: ItemProblem[] = [];
  feed.items.forEach((raw, index) => {
    const item = raw as unknown as Record<string, unknown>;
    const guid = asText(item['guid']) ?? asText(item['id']);
    const { link, problem } = cleanLink(asText(item['link']), feedUrl);
    if (problem) problems.push({ index, reason: 'bad-link', message: `link dropped: ${problem}`, outcome: 'repaired' });
    const categories = Array.isArray(item['categories'])
      ? (item['categories'] as unknown[]).map((category) => asText(category)).filter((c): c is string => c !== null).slice(0, CAPS.categories)
      : [];
    items.push({
      guid,
      link,
      baseUrl: feedUrl,
      title: asText(item['title'])?.slice(0, CAPS.titleChars) ?? null,
      contentHtml: asText(item['contentEncoded']) ?? asText(item['content']),
      summaryHtml: asText(item['summary']) ?? asText(item['description']),
      author: asText(item['creator']) ?? asText(item['author']),
      published: asText(item['pubDate']) ?? asText(item['isoDate']),
      categories,
    });
  });
  return { detectedType, title: asText(feed.title), link: asText(feed.link), language: asText((feed as unknown as Record<string, unknown>)['language']), ttlSeconds: null, items, problems };
}
