import { FetchError, ParseError } from '../../core/errors.js';
import type { ItemProblem, RawItem } from '../../core/raw-item.js';
import type { ConnectorCursor, FetchContext, FetchOutcome, SourceDefinition } from '../connector.js';
import { asRecord, asString, getJson } from '../shared/json-api.js';
import { mapPost } from './map-post.js';
import type { BlueskyOptions } from './manifest.js';

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

/** Polls one `bluesky` source (see ./manifest.ts); loaded on the first poll, not with the registry. */
export async function fetchBluesky(source: SourceDefinition<BlueskyOptions>, cursor: ConnectorCursor, context: FetchContext): Promise<FetchOutcome> {
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
}
