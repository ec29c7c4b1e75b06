import { z } from 'zod';
import { FetchError, ParseError } from '../../core/errors.js';
import type { ItemProblem, RawItem } from '../../core/raw-item.js';
import type { ConnectorManifest, FetchContext } from '../connector.js';
import { asRecord, asString, getJson } from '../shared/json-api.js';
import { mapPost } from './map-post.js';

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

async function createSession(context: FetchContext, sourceId: string, options: BlueskyOptions): Promise<string> {
  const { json } = await getJson(context, sourceId, `${options.serviceUrl.replace(/\/$/, '')}/xrpc/com.atproto.server.createSession`, { 'content-type': 'application/json' }, {
    method: 'POST',
    body: JSON.stringify({ identifier: options.identifier, password: options.appPassword }),
  }).catch((error: unknown) => {
    // Never echo the request: it carries the app password.
    if (error instanceof FetchError && (error.status === 401 || error.status === 400)) {
      throw new FetchError(`source "${sourceId}": Bluesky refused the sign-in for ${options.identifier ?? '?'} (check identifier and appPassword)`, { reason: 'forbidden', retryable: false, status: error.status });
    }
    throw error;
  });
  const token = asString(asRecord(json)?.['accessJwt']);
  if (!token) throw new ParseError(`source "${sourceId}": Bluesky sign-in answer has no accessJwt`, 'not-an-api-answer');
  return token;
}

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
      const options = source.options;
      let posts: unknown[];
      if (options.actor !== undefined) {
        const params = new URLSearchParams({ actor: options.actor.replace(/^@/, ''), limit: String(options.limit), filter: 'posts_and_author_threads' });
        const { json } = await getJson(context, source.id, `${options.appViewUrl.replace(/\/$/, '')}/xrpc/app.bsky.feed.getAuthorFeed?${params.toString()}`);
        const feed = asRecord(json)?.['feed'];
        if (!Array.isArray(feed)) throw new ParseError(`source "${source.id}": the author feed answer has no "feed" list`, 'not-an-api-answer');
        posts = feed.map((entry: unknown) => asRecord(entry)?.['post']);
      } else {
        const token = await createSession(context, source.id, options);
        const params = new URLSearchParams({ q: options.search!, sort: 'latest', limit: String(options.limit) });
        const { json } = await getJson(context, source.id, `${options.serviceUrl.replace(/\/$/, '')}/xrpc/app.bsky.feed.searchPosts?${params.toString()}`, { authorization: `Bearer ${token}` });
        const found = asRecord(json)?.['posts'];
        if (!Array.isArray(found)) throw new ParseError(`source "${source.id}": the search answer has no "posts" list`, 'not-an-api-answer');
        posts = found;
      }
      const items: RawItem[] = [];
      const problems: ItemProblem[] = [];
      posts.forEach((post, index) => {
        const { item, problem } = mapPost(post, index);
        if (problem) problems.push(problem);
        if (item) items.push(item);
      });
      return { status: 'ok', items, problems, cursor, detectedType: options.actor !== undefined ? 'bluesky-author-feed' : 'bluesky-search' };
    },
  }),
};
