import { z } from 'zod';
import { ParseError } from '../../core/errors.js';
import type { ItemProblem, RawItem } from '../../core/raw-item.js';
import type { ConnectorManifest } from '../connector.js';
import { asId, asRecord, getJson } from '../shared/json-api.js';
import { mapStatus, newerId } from './map-status.js';

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
      const options = source.options;
      const instance = options.instance.replace(/\/$/, '');
      let base: string;
      if (options.hashtag !== undefined) {
        base = `${instance}/api/v1/timelines/tag/${encodeURIComponent(options.hashtag)}`;
      } else {
        const acct = options.account!.replace(/^@/, '');
        const { json } = await getJson(context, source.id, `${instance}/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`);
        const id = asId(asRecord(json)?.['id']);
        if (id === null) throw new ParseError(`source "${source.id}": ${instance} has no account ${acct}`, 'not-found');
        base = `${instance}/api/v1/accounts/${id}/statuses`;
      }
      const since = cursor.position ?? null;
      const items: RawItem[] = [];
      const problems: ItemProblem[] = [];
      let newest = since;
      let maxId: string | null = null;
      let seen = 0;
      for (let page = 0; page < options.maxPages; page += 1) {
        const params = new URLSearchParams({ limit: String(options.limit) });
        if (since) params.set('since_id', since);
        if (maxId) params.set('max_id', maxId);
        const { json } = await getJson(context, source.id, `${base}?${params.toString()}`);
        if (!Array.isArray(json)) throw new ParseError(`source "${source.id}" (${base}): expected a list of statuses`, 'not-an-api-answer');
        let oldest: string | null = null;
        json.forEach((value: unknown) => {
          const { item, problem } = mapStatus(value, seen++);
          if (problem) problems.push(problem);
          if (item) items.push(item);
          const id = asId(asRecord(value)?.['id']);
          if (id !== null) {
            newest = newerId(newest, id);
            oldest = oldest === null || newerId(oldest, id) === oldest ? id : oldest;
          }
        });
        // A full page may hide more: page back (max_id) until a short page, the known position, or maxPages.
        if (json.length < options.limit || oldest === null) break;
        maxId = oldest;
      }
      return { status: 'ok', items, problems, cursor: { ...cursor, position: newest }, detectedType: options.hashtag !== undefined ? 'mastodon-hashtag' : 'mastodon-account' };
    },
  }),
};
