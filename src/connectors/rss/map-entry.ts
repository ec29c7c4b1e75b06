import type { Channel } from '../../core/mention.js';
import type { ItemProblem, RawItem } from '../../core/raw-item.js';
import { audienceOf } from '../shared/json-api.js';
import type { ExtractedEntry, ExtractedFeed, ExtractedLink } from './xml-feed-extractor.js';

/** Field caps (catalogue case 23): what is cut is reported as a `repaired` problem. */
export const CAPS = { titleChars: 2_000, bodyChars: 200_000, categories: 50, linkChars: 2_048 } as const;

function first(entry: ExtractedEntry, names: readonly string[]): string | null {
  for (const name of names) {
    const value = entry.fields.get(name)?.trim();
    if (value) return value;
  }
  return null;
}

function preferredLink(links: readonly ExtractedLink[]): string | null {
  const alternates = links.filter((link) => link.rel === 'alternate');
  const html = alternates.find((link) => link.type === '' || link.type.includes('html'));
  return (html ?? alternates[0])?.href ?? null;
}

/** `jane@example.com (Jane Doe)` → `Jane Doe`; other forms as given. */
function authorName(raw: string): string {
  const inParens = /^\S+@\S+\s*\((.+)\)\s*$/.exec(raw);
  return inParens ? inParens[1]!.trim() : raw;
}

function channelOf(entry: ExtractedEntry): Channel | undefined {
  const media = entry.links.filter((link) => link.rel === 'enclosure');
  if (entry.fields.has('yt:videoid') || media.some((link) => link.medium === 'video' || link.type.startsWith('video/'))) return 'video';
  if (entry.fields.has('itunes:duration') || media.some((link) => link.medium === 'audio' || link.type.startsWith('audio/'))) return 'podcast';
  return undefined;
}

export interface MapContext {
  index: number;
  feedLanguage: string | null;
}

/** Checks and resolves a link: http(s) only, no whitespace, capped; returns null with a reason otherwise. */
export function cleanLink(raw: string | null, base: string): { link: string | null; problem: string | null } {
  if (raw === null) return { link: null, problem: null };
  const compact = raw.replace(/\s+/g, '');
  if (compact === '') return { link: null, problem: null };
  let url: URL;
  try {
    url = new URL(compact, base || undefined);
  } catch {
    return { link: null, problem: 'not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { link: null, problem: `scheme ${url.protocol} not allowed` };
  if (url.href.length > CAPS.linkChars) return { link: null, problem: `longer than ${CAPS.linkChars} characters` };
  return { link: url.href, problem: null };
}

/**
 * Maps one extracted entry to a raw item. Never throws: every oddity is a problem on this item
 * only, and the item goes on (repaired) unless nothing at all can be made of it.
 */
export function mapEntry(entry: ExtractedEntry, context: MapContext): { item: RawItem | null; problems: ItemProblem[] } {
  const problems: ItemProblem[] = [];
  const guid = first(entry, ['guid', 'atom:id']) ?? entry.attrs.get('rdf:about') ?? null;
  const ref = guid ?? undefined;
  const problem = (reason: string, message: string, outcome: ItemProblem['outcome']): void => {
    problems.push({ index: context.index, ...(ref ? { ref } : {}), reason, message, outcome });
  };

  let rawLink = first(entry, ['feedburner:origlink']) ?? preferredLink(entry.links) ?? first(entry, ['link']);
  const linkBase = entry.bases.get('link') ?? entry.base;
  if (rawLink === null && guid !== null && entry.attrs.get('guid@ispermalink') !== 'false' && /^https?:\/\//i.test(guid)) rawLink = guid;
  const { link, problem: linkProblem } = cleanLink(rawLink, linkBase);
  if (linkProblem) problem('bad-link', `link dropped: ${linkProblem}`, 'repaired');

  let title = first(entry, ['atom:title', 'title', 'media:title', 'dc:title']);
  const titleType = entry.attrs.get('atom:title@type') ?? '';
  if (title && title.length > CAPS.titleChars) {
    title = title.slice(0, CAPS.titleChars);
    problem('title-too-long', `title cut to ${CAPS.titleChars} characters`, 'repaired');
  }

  // An item with neither link nor guid is passed on: the normaliser drops it with its reason (one place decides).

  const contentType = entry.attrs.get('atom:content@type') ?? 'html';
  const atomContent = entry.fields.get('atom:content')?.trim() || null;
  let contentHtml = first(entry, ['content:encoded', 'xhtml:body']) ?? (atomContent && contentType !== 'text' ? atomContent : null);
  const contentText = atomContent && contentType === 'text' && !contentHtml ? atomContent : null;
  let summaryHtml = first(entry, ['description', 'atom:summary', 'itunes:summary', 'media:description']);
  if (contentHtml && contentHtml.length > CAPS.bodyChars) {
    contentHtml = contentHtml.slice(0, CAPS.bodyChars);
    problem('body-too-long', `content cut to ${CAPS.bodyChars} characters`, 'repaired');
  }
  if (summaryHtml && summaryHtml.length > CAPS.bodyChars) {
    summaryHtml = summaryHtml.slice(0, CAPS.bodyChars);
    problem('body-too-long', `summary cut to ${CAPS.bodyChars} characters`, 'repaired');
  }

  let categories = entry.categories.map((category) => category.trim()).filter((category) => category !== '');
  if (categories.length > CAPS.categories) {
    problem('too-many-categories', `${categories.length} categories, kept ${CAPS.categories}`, 'repaired');
    categories = categories.slice(0, CAPS.categories);
  }

  const authorRaw = first(entry, ['dc:creator']) ?? (entry.authors.filter(Boolean).join(', ') || null) ?? first(entry, ['author', 'itunes:author', 'source']);
  const item: RawItem = {
    guid,
    link,
    baseUrl: entry.base,
    title,
    titleIsHtml: titleType === 'html' || titleType === 'xhtml' || titleType === 'text/html',
    contentHtml,
    summaryHtml,
    contentText,
    author: authorRaw ? authorName(authorRaw) : null,
    published: first(entry, ['pubdate', 'atom:published', 'dc:date', 'atom:issued', 'atom:created', 'dcterms:created', 'atom:updated', 'atom:modified']),
    updated: first(entry, ['atom:updated', 'atom:modified', 'dcterms:modified']),
    languageHint: first(entry, ['dc:language']) ?? entry.lang ?? context.feedLanguage,
    categories,
  };
  const channel = channelOf(entry);
  if (channel) item.channel = channel;
  const figure = (value: number | null): number | undefined => (value !== null && Number.isFinite(value) && value >= 0 ? value : undefined);
  const audience = audienceOf({ views: figure(entry.views), score: figure(entry.likes) });
  if (audience) item.audience = audience;
  return { item, problems };
}

/** The feed's own fields: title, site link, language, ttl (minutes). */
export function feedMeta(feed: ExtractedFeed): { title: string | null; link: string | null; language: string | null; ttlSeconds: number | null } {
  const get = (names: string[]): string | null => {
    for (const name of names) {
      const value = feed.fields.get(name)?.trim();
      if (value) return value;
    }
    return null;
  };
  const ttl = Number(get(['ttl']));
  return {
    title: get(['title', 'atom:title']),
    link: get(['link']) ?? preferredLink(feed.links),
    language: get(['language', 'dc:language']),
    ttlSeconds: Number.isFinite(ttl) && ttl > 0 ? Math.min(ttl * 60, 86_400) : null,
  };
}
