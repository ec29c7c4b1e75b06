import { z } from 'zod';
import type { ConnectorManifest } from '../connector.js';

export const blueskyOptionsSchema = z
  .strictObject({
    /** An author's feed: a handle (`acme.bsky.social`) or a DID. */
    actor: z.string().regex(/^(did:[a-z]+:[\w.:%-]+|@?[\w.-]+\.[\w.-]+)$/, 'a handle such as acme.bsky.social, or a DID').optional(),
    /** A post search (needs `identifier` and `appPassword`: the AppView refuses anonymous search). */
    search: z.string().min(1).max(300).optional(),
    /** Account handle or email used to sign in for search. */
    identifier: z.string().min(1).optional(),
    /** An app password (Settings → App passwords), never the account password. */
    appPassword: z.string().min(1).optional(),
    limit: z.number().int().min(1).max(100).default(50),
    /** The public AppView (author feeds) and the PDS/entryway (sign-in and search); tests point these at loopback. */
    appViewUrl: z.string().url().default('https://public.api.bsky.app'),
    serviceUrl: z.string().url().default('https://bsky.social'),
  })
  .refine((options) => (options.actor === undefined) !== (options.search === undefined), { message: 'set exactly one of actor or search' })
  .refine((options) => options.search === undefined || (options.identifier !== undefined && options.appPassword !== undefined), {
    message: 'search needs identifier and appPassword (the AppView refuses unauthenticated search)',
  });
export type BlueskyOptions = z.infer<typeof blueskyOptionsSchema>;

/**
 * `bluesky`: an author's feed through the public AppView (`app.bsky.feed.getAuthorFeed`, no
 * account needed), or a post search (`app.bsky.feed.searchPosts`) signed in with a handle and an
 * app password from the configuration (`createSession`), newest first.
 */
export const blueskyManifest: ConnectorManifest<BlueskyOptions> = {
  type: 'bluesky',
  description: 'Bluesky author feed (option actor) or post search (options search, identifier, appPassword).',
  requiresUrl: false,
  optionsSchema: blueskyOptionsSchema as unknown as z.ZodType<BlueskyOptions>,
  defaults: { channel: 'social', pollIntervalSeconds: 300, minIntervalSeconds: 60, maxIntervalSeconds: 3600 },
  matchUrl(url) {
    if (url.hostname !== 'bsky.app') return null;
    const profile = /^\/profile\/([^/]+)\/?$/.exec(url.pathname);
    return profile ? { actor: profile[1] } : null;
  },
  create: () => ({
    async fetch(source, cursor, context) {
      const { fetchBluesky } = await import('./fetch-bluesky.js');
      return fetchBluesky(source, cursor, context);
    },
  }),
};
