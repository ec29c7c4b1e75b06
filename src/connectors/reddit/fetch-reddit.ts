import { decodeHTML } from 'entities';
import { ParseError } from '../../core/errors.js';
import type { ItemProblem, RawItem } from '../../core/raw-item.js';
import type { ConnectorCursor, FetchContext, FetchOutcome, SourceDefinition } from '../connector.js';
import { asNumber, asRecord, asString, audienceOf, getJson } from '../shared/json-api.js';
import { redditToken } from './reddit-auth.js';
import type { RedditOptions } from './manifest.js';

function listingPath(options: RedditOptions): string {
  const limit = `limit=${options.limit}&raw_json=1`;
  if (options.query === undefined) return `/r/${options.subreddit}/new.json?${limit}`;
  const q = encodeURIComponent(options.query);
  return options.subreddit ? `/r/${options.subreddit}/search.json?q=${q}&restrict_sr=1&sort=new&${limit}` : `/search.json?q=${q}&sort=new&${limit}`;
}

/**
 * A link post's target (an article, a crosspost): what the post shares. A self post's `url` is its
 * own permalink, so it shares nothing.
 */
function sharedOf(data: Record<string, unknown>, permalink: string | null, baseUrl: string): { sharedUrl?: string } {
  const target = asString(data['url']);
  if (!target || data['is_self'] === true) return {};
  try {
    const href = new URL(target, baseUrl);
    // Compared by path: a self post's url names www.reddit.com whichever origin was asked.
    return permalink && href.pathname === new URL(permalink, baseUrl).pathname ? {} : { sharedUrl: href.href };
  } catch {
    return {};
  }
}

function mapPost(value: unknown, index: number, baseUrl: string): { item: RawItem | null; problem: ItemProblem | null } {
  const data = asRecord(asRecord(value)?.['data']);
  const id = asString(data?.['name']);
  if (!data || !id) return { item: null, problem: { index, reason: 'not-a-post', message: `listing child ${index} is not a post`, outcome: 'dropped' } };
  const permalink = asString(data['permalink']);
  const created = asNumber(data['created_utc']);
  const selftext = asString(data['selftext_html']);
  const named = asString(data['author']);
  // A deleted account or post leaves "[deleted]" in place of the name: no author, not one called so.
  const author = named === '[deleted]' ? null : named;
  const item: RawItem = {
    guid: `reddit:${id}`,
    link: permalink ? new URL(permalink, baseUrl).href : asString(data['url']),
    ...sharedOf(data, permalink, baseUrl),
    title: asString(data['title']),
    // selftext_html is HTML-escaped once more in the JSON; raw_json=1 usually avoids it.
    contentHtml: selftext && selftext.startsWith('&lt;') ? decodeHTML(selftext) : selftext,
    summaryHtml: null,
    author: author ? `u/${author}` : null,
    published: created !== undefined ? new Date(created * 1000) : null,
    channel: 'forum',
    categories: [asString(data['subreddit_name_prefixed']), asString(data['link_flair_text'])].filter((c): c is string => c !== null),
  };
  const audience = audienceOf({
    score: asNumber(data['score']),
    comments: asNumber(data['num_comments']),
    shares: asNumber(data['num_crossposts']),
    followers: asNumber(data['subreddit_subscribers']),
  });
  if (audience) item.audience = audience;
  return { item, problem: null };
}

/** Polls one `reddit` source (see ./manifest.ts); loaded on the first poll, not with the registry. */
export async function fetchReddit(source: SourceDefinition<RedditOptions>, cursor: ConnectorCursor, context: FetchContext): Promise<FetchOutcome> {
  const options = source.options;
  const headers: Record<string, string> = {};
  let origin = options.baseUrl.replace(/\/$/, '');
  if (options.clientId && options.clientSecret) {
    headers['authorization'] = `Bearer ${await redditToken(context, source.id, options.baseUrl, options.clientId, options.clientSecret)}`;
    origin = options.oauthBaseUrl.replace(/\/$/, '');
  }
  const { json } = await getJson(context, source.id, `${origin}${listingPath(options)}`, headers);
  const children = asRecord(asRecord(json)?.['data'])?.['children'];
  if (!Array.isArray(children)) throw new ParseError(`source "${source.id}": the Reddit answer is not a listing`, 'not-an-api-answer');
  const items: RawItem[] = [];
  const problems: ItemProblem[] = [];
  children.forEach((child: unknown, index) => {
    const { item, problem } = mapPost(child, index, 'https://www.reddit.com');
    if (problem) problems.push(problem);
    if (item) items.push(item);
  });
  return { status: 'ok', items, problems, cursor, detectedType: options.query ? 'reddit-search' : 'reddit-subreddit' };
}
