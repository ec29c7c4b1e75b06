import { z } from 'zod';
import type { ConnectorManifest } from '../connector.js';

export const redditOptionsSchema = z
  .strictObject({
    /** A subreddit's newest posts (without `r/`), or the subreddit a search is restricted to. */
    subreddit: z.string().regex(/^[A-Za-z0-9_]{2,21}$/, 'a subreddit name such as france (without r/)').optional(),
    /** A search query (all of Reddit, or `subreddit` only). */
    query: z.string().min(1).max(512).optional(),
    limit: z.number().int().min(1).max(100).default(100),
    /** OAuth application credentials (script or web app); without them the public .json listings are used. */
    clientId: z.string().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
    /** Origins (tests point these at loopback). */
    baseUrl: z.string().url().default('https://www.reddit.com'),
    oauthBaseUrl: z.string().url().default('https://oauth.reddit.com'),
  })
  .refine((options) => options.subreddit !== undefined || options.query !== undefined, { message: 'set subreddit, query, or both' })
  .refine((options) => (options.clientId === undefined) === (options.clientSecret === undefined), { message: 'clientId and clientSecret go together' });
export type RedditOptions = z.infer<typeof redditOptionsSchema>;

/**
 * `reddit`: a subreddit's newest posts or a search (site-wide or in one subreddit), from the
 * `.json` listings; with `clientId`/`clientSecret`, through OAuth (client credentials) on
 * oauth.reddit.com, which Reddit requires of many clients.
 */
export const redditManifest: ConnectorManifest<RedditOptions> = {
  type: 'reddit',
  description: 'Reddit subreddit or search listings (options: subreddit and/or query; clientId/clientSecret for OAuth).',
  requiresUrl: false,
  optionsSchema: redditOptionsSchema as unknown as z.ZodType<RedditOptions>,
  defaults: { channel: 'forum', pollIntervalSeconds: 900, minIntervalSeconds: 300, maxIntervalSeconds: 6 * 3600 },
  matchUrl(url) {
    if (!/(^|\.)reddit\.com$/.test(url.hostname)) return null;
    const sub = /^\/r\/([A-Za-z0-9_]{2,21})\/?$/.exec(url.pathname);
    return sub ? { subreddit: sub[1] } : null;
  },
  create: () => ({
    async fetch(source, cursor, context) {
      const { fetchReddit } = await import('./fetch-reddit.js');
      return fetchReddit(source, cursor, context);
    },
  }),
};
