import { audienceSchema, CHANNELS, type Channel } from '../core/mention.js';
import type { RawItem } from '../core/raw-item.js';

/**
 * The field names a plain article may use, each with its aliases (first found wins). Documented
 * in docs/import-export.md; keep the two in step.
 */
export const ARTICLE_FIELDS = {
  url: ['url', 'link', 'href'],
  guid: ['guid', 'id'],
  title: ['title', 'headline'],
  text: ['text', 'content', 'body'],
  html: ['html', 'contentHtml'],
  summary: ['summary', 'description'],
  publishedAt: ['publishedAt', 'published', 'published_at', 'pubDate', 'date'],
  updatedAt: ['updatedAt', 'updated', 'modified'],
  author: ['author', 'byline', 'creator'],
  language: ['language', 'lang'],
  sourceId: ['sourceId', 'source_id'],
  sourceName: ['sourceName', 'source_name'],
} as const;

/** A plain article read from one line: the raw item for normalisation and where it came from. */
export interface ArticleRecord {
  raw: RawItem;
  /** A configured source's id, or a source named by the article (`source`, `sourceId`), if any. */
  sourceRef: string | null;
  /** The source's display name the article gives, if any. */
  sourceName: string | null;
  channel: Channel | null;
}

/** A field of the article has the wrong type: the line is rejected with this reason. */
export class ArticleFieldError extends Error {}

type Fields = Record<string, unknown>;

function pick(value: Fields, names: readonly string[]): { name: string; value: unknown } | null {
  for (const name of names) if (value[name] !== undefined && value[name] !== null) return { name, value: value[name] };
  return null;
}

function text(value: Fields, names: readonly string[]): string | null {
  const found = pick(value, names);
  if (!found) return null;
  if (typeof found.value === 'number' && Number.isFinite(found.value)) return String(found.value);
  if (typeof found.value !== 'string') throw new ArticleFieldError(`${found.name}: must be a string`);
  return found.value;
}

/** A date as text, or a Unix time in seconds (milliseconds when it is that large). */
function date(value: Fields, names: readonly string[]): string | Date | null {
  const found = pick(value, names);
  if (!found) return null;
  if (typeof found.value === 'string') return found.value;
  if (typeof found.value === 'number' && Number.isFinite(found.value)) return new Date(found.value > 1e11 ? found.value : found.value * 1000);
  throw new ArticleFieldError(`${found.name}: must be a date (ISO 8601, RFC 2822) or a Unix time`);
}

/** `"Jane Roe"`, `{ "name": "Jane Roe" }` or a list of either. */
function author(value: Fields): string | null {
  const found = pick(value, ARTICLE_FIELDS.author);
  if (!found) return null;
  const names = (Array.isArray(found.value) ? found.value : [found.value]).map((entry: unknown) => {
    if (typeof entry === 'string') return entry;
    if (entry !== null && typeof entry === 'object' && typeof (entry as Fields).name === 'string') return (entry as Fields).name as string;
    throw new ArticleFieldError(`${found.name}: must be a name, { "name": ... } or a list of them`);
  });
  return names.filter((name) => name.trim() !== '').join(', ') || null;
}

/** `"le-monde"`, `"Le Monde"` or `{ "id": ..., "name": ... }`. */
function source(value: Fields): { ref: string | null; name: string | null } {
  const ref = text(value, ARTICLE_FIELDS.sourceId);
  const name = text(value, ARTICLE_FIELDS.sourceName);
  const given = value.source;
  if (given === undefined || given === null) return { ref, name };
  if (typeof given === 'string') return { ref: ref ?? given, name };
  if (typeof given === 'object' && !Array.isArray(given)) {
    return { ref: ref ?? text(given as Fields, ['id']), name: name ?? text(given as Fields, ['name', 'title']) };
  }
  throw new ArticleFieldError('source: must be a source id, a name, or { "id": ..., "name": ... }');
}

/**
 * Reads one plain article (`{"url","title","text","publishedAt","source"}` and the like, see
 * `ARTICLE_FIELDS`) into the raw item a connector would have delivered. Unknown fields are
 * ignored. Throws `ArticleFieldError` when a known field has the wrong type.
 */
export function readArticle(value: Fields): ArticleRecord {
  const channel = value.channel;
  if (channel !== undefined && channel !== null && !CHANNELS.includes(channel as Channel)) {
    throw new ArticleFieldError(`channel: must be one of ${CHANNELS.join(', ')}`);
  }
  let audience: RawItem['audience'];
  if (value.audience !== undefined && value.audience !== null) {
    const parsed = audienceSchema.safeParse(value.audience);
    if (!parsed.success) throw new ArticleFieldError('audience: must be { followers, score, comments, shares, views } with numbers');
    audience = parsed.data;
  }
  const from = source(value);
  const raw: RawItem = {
    guid: text(value, ARTICLE_FIELDS.guid),
    link: text(value, ARTICLE_FIELDS.url),
    title: text(value, ARTICLE_FIELDS.title),
    contentHtml: text(value, ARTICLE_FIELDS.html),
    summaryHtml: text(value, ARTICLE_FIELDS.summary),
    contentText: text(value, ARTICLE_FIELDS.text),
    author: author(value),
    published: date(value, ARTICLE_FIELDS.publishedAt),
    updated: date(value, ARTICLE_FIELDS.updatedAt),
    languageHint: text(value, ARTICLE_FIELDS.language),
    ...(channel ? { channel: channel as Channel } : {}),
    ...(audience ? { audience } : {}),
  };
  // Plain text wins over a summary: normalisation reads HTML first, so a summary is used only without a body.
  if (raw.contentText && !raw.contentHtml) raw.summaryHtml = null;
  return { raw, sourceRef: from.ref, sourceName: from.name, channel: (channel as Channel | undefined) ?? null };
}

/** Whether a line is a full mention (the export format) rather than a plain article. */
export function isMentionLine(value: Fields): boolean {
  return 'entities' in value && 'sentiment' in value && 'sourceId' in value;
}
