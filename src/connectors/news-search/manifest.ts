import { z } from 'zod';
import type { ConnectorManifest } from '../connector.js';

export const newsSearchOptionsSchema = z.strictObject({
  /** What to search for, as the engine reads it (`"Acme Rail" OR AcmeRail`). */
  query: z.string().min(1).max(500),
  /** Language of the results (ISO 639-1). */
  language: z.string().regex(/^[a-z]{2}$/, 'a two-letter language code such as fr').default('en'),
  /** Country edition (ISO 3166-1 alpha-2). */
  country: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code such as FR').default('US'),
  engine: z.enum(['google-news', 'bing-news']).default('google-news'),
  /** The engine's origin (tests point this at loopback). */
  baseUrl: z.string().url().optional(),
});
export type NewsSearchOptions = z.infer<typeof newsSearchOptionsSchema>;

/** The engine's RSS URL for a query, language and country (Google News: hl, gl, ceid). */
export function newsSearchUrl(options: NewsSearchOptions): string {
  const q = encodeURIComponent(options.query);
  switch (options.engine) {
    case 'google-news': {
      const base = (options.baseUrl ?? 'https://news.google.com').replace(/\/$/, '');
      const hl = options.language === 'en' ? `en-${options.country}` : options.language;
      return `${base}/rss/search?q=${q}&hl=${hl}&gl=${options.country}&ceid=${options.country}:${options.language}`;
    }
    case 'bing-news': {
      const base = (options.baseUrl ?? 'https://www.bing.com').replace(/\/$/, '');
      return `${base}/news/search?q=${q}&format=rss&setlang=${options.language}&cc=${options.country}`;
    }
  }
}

/**
 * `news-search`: a query turned into a news engine's search feed (Google News RSS by default, with
 * language and country), read by the feed parser; each item's `<source>` (the publisher) stands
 * in as author when the engine gives no byline. Results link to the publisher's URL when the
 * engine's redirect holds it (`publisherLink`), so an article also in its outlet's feed is one mention.
 */
export const newsSearchManifest: ConnectorManifest<NewsSearchOptions> = {
  type: 'news-search',
  description: 'A news search query as a feed (options: query, language, country, engine).',
  requiresUrl: false,
  optionsSchema: newsSearchOptionsSchema,
  defaults: { channel: 'news', pollIntervalSeconds: 1800, minIntervalSeconds: 900, maxIntervalSeconds: 6 * 3600 },
  create: () => ({
    async fetch(source, cursor, context) {
      const [{ fetchFeed }, { publisherLink }] = await Promise.all([import('../rss/fetch-feed.js'), import('./publisher-link.js')]);
      const outcome = await fetchFeed(newsSearchUrl(source.options), cursor, context, source.id);
      // A result is the publisher's article: its identity is the article's URL, not the engine's redirect.
      const items = outcome.items.map((item) => (item.link ? { ...item, link: publisherLink(item.link) } : item));
      return { ...outcome, items, detectedType: outcome.status === 'ok' ? `news-search (${source.options.engine})` : outcome.detectedType };
    },
  }),
};
