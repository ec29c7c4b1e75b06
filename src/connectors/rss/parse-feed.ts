import { ParseError } from '../../core/errors.js';
import type { ItemProblem, RawItem } from '../../core/raw-item.js';
import { parseJsonFeed } from '../jsonfeed/parse-json-feed.js';
import { feedMeta, mapEntry } from './map-entry.js';
import type { ParsedFeed } from './parsed-feed.js';
import { extractXmlFeed } from './xml-feed-extractor.js';

/** At most this many items are taken from one document; the rest are reported, not silently dropped. */
export const MAX_ITEMS_PER_FETCH = 5_000;

/**
 * Items that repeat within one document: the same guid and link twice is kept and flagged (it
 * collapses on its mention id downstream); the same guid on different links keeps both, without
 * the guid, so that ids fall back to the links (catalogue case 20).
 */
function dedupe(items: RawItem[], problems: ItemProblem[]): RawItem[] {
  const byGuid = new Map<string, RawItem>();
  const out: RawItem[] = [];
  items.forEach((item, index) => {
    const key = item.guid?.trim();
    const earlier = key ? byGuid.get(key) : undefined;
    if (key && earlier) {
      if (earlier.link === item.link) {
        problems.push({ index, ref: key, reason: 'duplicate-item', message: `guid ${key} appears twice with the same link (one mention)`, outcome: 'repaired' });
      } else {
        problems.push({ index, ref: key, reason: 'duplicate-guid', message: `guid ${key} is shared by different links; ids use the links`, outcome: 'repaired' });
        if (item.link) item.guid = null;
        if (earlier.link) earlier.guid = null;
      }
    } else if (key) {
      byGuid.set(key, item);
    }
    out.push(item);
  });
  return out;
}

/**
 * Parses a fetched document: JSON Feed, or RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through the streaming
 * extractor (rss-parser as a fallback). A document that is not a feed is a `ParseError` naming
 * `where` (the source) and what was found instead.
 */
export async function parseFeedDocument(text: string, options: { feedUrl: string; where: string }): Promise<ParsedFeed> {
  const head = text.slice(0, 512).replace(/^\uFEFF/, '').trimStart();
  if (head === '') throw new ParseError(`${options.where}: empty document (not a feed)`, 'not-a-feed');
  if (head.startsWith('{') || head.startsWith('[')) return parseJsonFeed(text, options.feedUrl, options.where);
  const extracted = extractXmlFeed(text, options.feedUrl);
  if (extracted.format === null) {
    const found = extracted.htmlTitle !== null
      ? `an HTML page titled "${extracted.htmlTitle.trim().slice(0, 80)}"`
      : extracted.root !== null && /^[A-Za-z_][\w.:-]{0,60}$/.test(extracted.root)
        ? `a <${extracted.root}> document`
        : /[\u0000-\u0008\uFFFD]/.test(text.slice(0, 512))
          ? 'binary content (compressed or not text)'
          : 'no XML element at all';
    throw new ParseError(`${options.where}: not a feed (found ${found})`, 'not-a-feed');
  }
  const truncated = extracted.truncated;
  if (truncated && extracted.entries.length === 0) {
    throw new ParseError(
      `${options.where}: truncated document: it ends inside <${truncated.inside}>${truncated.partialEntry ? ' of an unfinished item' : ''}, before any complete item (${text.length} characters received: the response was cut off)`,
      'truncated-document',
      undefined,
      true,
    );
  }
  if (extracted.entries.length === 0 && /<(\w+:)?(item|entry)[\s>]/.test(text)) {
    // Loaded here, for the rare document that needs it: rss-parser and xml2js are 30-odd ms of every start otherwise.
    const { parseWithRssParser } = await import('./rss-parser-fallback.js');
    try {
      return await parseWithRssParser(text, options.feedUrl, extracted.format);
    } catch {
      // rss-parser rejected it too: the extractor's (empty) reading stands.
    }
  }
  const meta = feedMeta(extracted);
  const problems: ItemProblem[] = [];
  const mapped: RawItem[] = [];
  const entries = extracted.entries.slice(0, MAX_ITEMS_PER_FETCH);
  if (extracted.entries.length > MAX_ITEMS_PER_FETCH) {
    problems.push({
      reason: 'too-many-items',
      message: `${extracted.entries.length} items in one document; the first ${MAX_ITEMS_PER_FETCH} were kept`,
      outcome: 'dropped',
    });
  }
  let degraded: string | undefined;
  if (truncated) {
    const count = extracted.entries.length;
    degraded = `document cut off inside <${truncated.inside}>: the ${count} complete item${count === 1 ? '' : 's'} before the cut ${count === 1 ? 'was' : 'were'} kept${truncated.partialEntry ? ', the unfinished one after them dropped' : ''}`;
    problems.push({ reason: 'truncated-document', message: degraded, outcome: 'dropped' });
  }
  entries.forEach((entry, index) => {
    const { item, problems: itemProblems } = mapEntry(entry, { index, feedLanguage: meta.language });
    problems.push(...itemProblems);
    if (item) mapped.push(item);
  });
  return { detectedType: extracted.format, ...meta, items: dedupe(mapped, problems), problems, ...(degraded ? { degraded } : {}) };
}
