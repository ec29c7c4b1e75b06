import { z } from 'zod';
import type { ConnectorManifest } from '../connector.js';

export const hackerNewsOptionsSchema = z.strictObject({
  /** Words to find in stories and comments (Algolia full-text search). */
  query: z.string().min(1).max(300),
  /** Which kinds of item to return. */
  kinds: z.array(z.enum(['story', 'comment'])).min(1).default(['story', 'comment']),
  hitsPerPage: z.number().int().min(1).max(100).default(50),
  /** The Algolia HN API origin (tests point this at loopback). */
  baseUrl: z.string().url().default('https://hn.algolia.com'),
});
export type HackerNewsOptions = z.infer<typeof hackerNewsOptionsSchema>;

/**
 * `hackernews`: stories and comments matching a query, newest first, through the Algolia HN API
 * (`/api/v1/search_by_date`). The cursor keeps the newest `created_at_i`; later polls ask only for
 * newer items.
 */
export const hackerNewsManifest: ConnectorManifest<HackerNewsOptions> = {
  type: 'hackernews',
  description: 'Hacker News stories and comments matching a query (options: query).',
  requiresUrl: false,
  optionsSchema: hackerNewsOptionsSchema,
  defaults: { channel: 'forum', pollIntervalSeconds: 900, minIntervalSeconds: 300, maxIntervalSeconds: 6 * 3600 },
  create: () => ({
    async fetch(source, cursor, context) {
      const { fetchHackerNews } = await import('./fetch-hackernews.js');
      return fetchHackerNews(source, cursor, context);
    },
  }),
};
