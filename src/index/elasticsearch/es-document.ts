import type { Mention } from '../../core/mention.js';
import { sourcesOf } from '../../core/mention-sources.js';
import { foldText } from '../../core/text/fold.js';

/** A mention as stored in Elasticsearch: filter and aggregation fields, plus the rest in `doc`. */
export interface EsDocument {
  id: string;
  title: string;
  text: string;
  source_id: string;
  source_key: string;
  /** Every source that delivered the mention (the primary first): `source:` and `stats sources`. */
  source_ids: string[];
  source_keys: string[];
  channel: string;
  author: string | null;
  author_key: string | null;
  language: string | null;
  published_at: string;
  indexed_at: string;
  sentiment_label: string;
  sentiment_score: number;
  brand_ids: string[];
  brand_names: string[];
  person_ids: string[];
  person_names: string[];
  topic_ids: string[];
  topic_names: string[];
  story_id: string | null;
  story_key: string;
  /** The article a share shares, or null. */
  shared_url: string | null;
  /** 1 for a share (an amplifier of its article's story), else 0. */
  amplifier: number;
  domains: string[];
  tags: string[];
  signature: string | null;
  reach: number;
  content_hash: string;
  doc: Omit<Mention, 'title' | 'text'>;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The host of a URL and each parent domain, lower case (`site:lemonde.fr` finds `www.lemonde.fr`). */
export function domainsOf(url: string | null): string[] {
  if (!url) return [];
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return [];
  }
  const labels = host.split('.').filter(Boolean);
  return labels.map((_, i) => labels.slice(i).join('.'));
}

/**
 * Hashtags and handles as written (`#Grève`, `@Acme_Cloud`), folded: a `#` or `@` not preceded by
 * a letter, digit or `_`, then letters, digits and `_`. The SQLite adapter applies the same rule.
 */
export function tagsOf(...texts: string[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(/(?<![\p{L}\p{N}_])([#@])([\p{L}\p{N}_]+)/gu)) found.push(foldText(`${match[1]}${match[2]}`));
  }
  return unique(found);
}

/** Builds the stored document. */
export function toEsDocument(mention: Mention, contentHash: string, indexedAt: Date): EsDocument {
  const { title, text, ...rest } = mention;
  const sources = sourcesOf(mention);
  const of = (kind: string, pick: 'id' | 'name'): string[] =>
    unique(mention.entities.filter((e) => e.kind === kind).map((e) => (pick === 'id' ? e.id : foldText(e.name))));
  return {
    id: mention.id,
    title,
    text,
    source_id: mention.sourceId,
    source_key: foldText(mention.sourceName),
    source_ids: sources.map((s) => s.id),
    source_keys: unique(sources.map((s) => foldText(s.name))),
    channel: mention.channel,
    author: mention.author,
    author_key: mention.author === null ? null : foldText(mention.author),
    language: mention.language?.toLowerCase() ?? null,
    published_at: new Date(Date.parse(mention.publishedAt)).toISOString(),
    indexed_at: indexedAt.toISOString(),
    sentiment_label: mention.sentiment.label,
    sentiment_score: mention.sentiment.score,
    brand_ids: of('brand', 'id'),
    brand_names: of('brand', 'name'),
    person_ids: of('person', 'id'),
    person_names: of('person', 'name'),
    topic_ids: of('topic', 'id'),
    topic_names: of('topic', 'name'),
    story_id: mention.storyId,
    story_key: mention.storyId ?? mention.id,
    shared_url: mention.sharedUrl ?? null,
    amplifier: mention.sharedUrl === undefined ? 0 : 1,
    domains: domainsOf(mention.url ?? mention.canonicalUrl),
    tags: tagsOf(title, text),
    signature: mention.signature,
    reach: mention.reach,
    content_hash: contentHash,
    doc: rest,
  };
}

/** Rebuilds the mention from a stored document's `_source`. */
export function fromEsSource(source: Pick<EsDocument, 'title' | 'text' | 'doc'>): Mention {
  return { ...source.doc, title: source.title, text: source.text } as Mention;
}

/** The `_source` fields needed to rebuild a mention. */
export const MENTION_SOURCE_FIELDS = ['title', 'text', 'doc'];
