import { FetchError, ParseError, UserInputError } from '../../core/errors.js';
import type { ConnectorCursor, FetchContext, FetchOutcome, SourceDefinition } from '../connector.js';
import type { HttpResponse } from '../http/http-fetcher.js';
import { displayUrl } from '../http/display-url.js';
import { describeSource, feedOutcome, fetchFeed } from '../rss/fetch-feed.js';
import { parseFeedDocument } from '../rss/parse-feed.js';
import { alternateFeeds, conventionalFeeds } from './discover-feeds.js';
import type { BlogOptions } from './manifest.js';

function isTruncated(error: unknown): boolean {
  return error instanceof ParseError && error.reason === 'truncated-document';
}

/**
 * Finds the feed of a site or article URL: the URL itself if it is a feed (its response is handed
 * back, so it is not fetched twice), the page's alternates, then the usual paths.
 */
async function discover(pageUrl: string, options: BlogOptions, context: FetchContext, sourceId: string): Promise<{ feedUrl: string; response?: HttpResponse }> {
  const where = describeSource(sourceId, pageUrl);
  const page = await context.fetcher.fetch({ url: pageUrl, ...(context.signal ? { signal: context.signal } : {}) });
  const contentType = page.headers['content-type'] ?? '';
  const text = context.fetcher.decodeText(page, /json/.test(contentType) ? 'json' : /html/.test(contentType) ? 'html' : 'xml');
  const notAFeed = await parseFeedDocument(text, { feedUrl: page.finalUrl, where }).then(
    () => null,
    (error: unknown) => {
      // A feed cut off mid-way is that feed failing this time, not a page to discover from.
      if (isTruncated(error)) throw error;
      return error instanceof Error ? error.message : String(error);
    },
  );
  if (notAFeed === null) return { feedUrl: page.finalUrl, response: page };
  const candidates = alternateFeeds(text, page.finalUrl);
  if (candidates[0]) return { feedUrl: candidates[0] };
  for (const candidate of conventionalFeeds(page.finalUrl).slice(0, options.maxProbes)) {
    try {
      const response = await context.fetcher.fetch({ url: candidate, ...(context.signal ? { signal: context.signal } : {}) });
      await parseFeedDocument(context.fetcher.decodeText(response, 'xml'), { feedUrl: response.finalUrl, where });
      return { feedUrl: response.finalUrl, response };
    } catch (error) {
      // A refused address or a timeout is the site's answer for every path: stop probing.
      if (error instanceof FetchError && (error.reason === 'egress-blocked' || error.reason === 'timeout')) throw error;
      if (isTruncated(error)) throw error;
      if (!(error instanceof FetchError) && !(error instanceof ParseError)) throw error;
    }
  }
  throw new ParseError(`${notAFeed}; no feed found (none linked with <link rel="alternate">, none at the usual paths)`, 'not-a-feed');
}

/** Polls one `blog` source (see ./manifest.ts); loaded on the first poll, not with the registry. */
export async function fetchBlog(source: SourceDefinition<BlogOptions>, cursor: ConnectorCursor, context: FetchContext): Promise<FetchOutcome> {
  if (!source.url) throw new UserInputError(`source "${source.id}": type blog needs a url`);
  let feedUrl = cursor.position ?? null;
  let feedCursor: ConnectorCursor = cursor;
  if (feedUrl) {
    try {
      const outcome = await fetchFeed(feedUrl, feedCursor, context, source.id);
      return { ...outcome, cursor: { ...outcome.cursor, position: feedUrl } };
    } catch (error) {
      const gone = (error instanceof FetchError && (error.status === 404 || error.status === 410)) || (error instanceof ParseError && !isTruncated(error));
      if (!gone) throw error;
      context.logger.info({ source: source.id, feed: displayUrl(feedUrl) }, 'discovered feed no longer answers; discovering again');
      feedCursor = {};
    }
  }
  const found = await discover(source.url, source.options, context, source.id);
  feedUrl = found.feedUrl;
  const fresh = { ...feedCursor, movedTo: null };
  const outcome = found.response
    ? await feedOutcome(found.response, fresh, context, describeSource(source.id, feedUrl))
    : await fetchFeed(feedUrl, fresh, context, source.id);
  return { ...outcome, cursor: { ...outcome.cursor, position: feedUrl }, detectedType: `${outcome.detectedType ?? 'feed'} (discovered: ${displayUrl(feedUrl)})` };
}
