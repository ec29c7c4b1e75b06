import { z } from 'zod';
import type { ConnectorManifest } from '../connector.js';

export const blogOptionsSchema = z.strictObject({
  /** How many conventional paths to try when the page names no feed. */
  maxProbes: z.number().int().min(0).max(10).default(6),
});
export type BlogOptions = z.infer<typeof blogOptionsSchema>;

/**
 * `blog`: a site or article URL. The feed is discovered once (the page's `<link rel="alternate">`,
 * then the usual WordPress, Ghost, Substack, Medium, Blogger, Hugo and Jekyll paths), remembered in
 * the cursor, and polled like an `rss` source; when it stops being a feed, discovery runs again.
 */
export const blogManifest: ConnectorManifest<BlogOptions> = {
  type: 'blog',
  description: 'A blog or site URL whose feed is discovered (link rel=alternate, then the usual paths).',
  requiresUrl: true,
  optionsSchema: blogOptionsSchema,
  defaults: { channel: 'blog', pollIntervalSeconds: 1800, minIntervalSeconds: 600, maxIntervalSeconds: 12 * 3600 },
  create: () => ({
    keepsParsedItems: true,
    async fetch(source, cursor, context) {
      const { fetchBlog } = await import('./fetch-blog.js');
      return fetchBlog(source, cursor, context);
    },
  }),
};
