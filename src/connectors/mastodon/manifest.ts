import { z } from 'zod';
import type { ConnectorManifest } from '../connector.js';

const httpOrigin = z.string().refine((value) => /^https?:\/\/[^/]+\/?$/.test(value), 'must be an instance origin such as https://mastodon.social');

export const mastodonOptionsSchema = z
  .strictObject({
    /** The instance to ask (any Mastodon-compatible server with its public API open). */
    instance: httpOrigin,
    /** A hashtag timeline (without `#`). */
    hashtag: z.string().regex(/^[\p{L}\p{N}_]+$/u, 'letters, digits and _ only, without #').optional(),
    /** An account's statuses (`user` or `user@other.instance`). */
    account: z.string().regex(/^@?[\w.-]+(@[\w.-]+)?$/, 'a handle such as user or user@instance').optional(),
    /** Statuses per page (Mastodon allows at most 40). */
    limit: z.number().int().min(1).max(40).default(40),
    /** Pages read per poll: the first poll backfills this much history, later ones close gaps. */
    maxPages: z.number().int().min(1).max(25).default(10),
  })
  .refine((options) => (options.hashtag === undefined) !== (options.account === undefined), { message: 'set exactly one of hashtag or account' });
export type MastodonOptions = z.infer<typeof mastodonOptionsSchema>;

/**
 * `mastodon`: a hashtag timeline (`/api/v1/timelines/tag/:tag`) or an account's statuses
 * (`/api/v1/accounts/lookup` then `/api/v1/accounts/:id/statuses`) on any instance, through the
 * public API. The first poll backfills up to `maxPages` pages; the cursor keeps the newest status
 * id and later polls ask only for newer ones (`since_id`), paging back with `max_id` while pages
 * come back full.
 */
export const mastodonManifest: ConnectorManifest<MastodonOptions> = {
  type: 'mastodon',
  description: 'Mastodon hashtag timeline or account statuses on any instance (options: instance, and hashtag or account).',
  requiresUrl: false,
  optionsSchema: mastodonOptionsSchema as unknown as z.ZodType<MastodonOptions>,
  defaults: { channel: 'social', pollIntervalSeconds: 300, minIntervalSeconds: 60, maxIntervalSeconds: 3600 },
  matchUrl(url) {
    const tag = /^\/tags\/([\p{L}\p{N}_]+)\/?$/u.exec(decodeURIComponent(url.pathname));
    if (tag) return { instance: url.origin, hashtag: tag[1] };
    const account = /^\/@([\w.-]+(?:@[\w.-]+)?)\/?$/.exec(url.pathname);
    return account ? { instance: url.origin, account: account[1] } : null;
  },
  create: () => ({
    async fetch(source, cursor, context) {
      const { fetchMastodon } = await import('./fetch-mastodon.js');
      return fetchMastodon(source, cursor, context);
    },
  }),
};
