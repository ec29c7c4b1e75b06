import type { ConnectorCursor, FetchContext, FetchOutcome } from '../connector.js';
import { displayUrl } from '../http/display-url.js';
import type { HttpResponse } from '../http/http-fetcher.js';
import { parseFeedDocument } from './parse-feed.js';

/** How errors name a source: its id and its URL (credentials and secret-looking parameters masked). */
export function describeSource(sourceId: string, url: string): string {
  return `source "${sourceId}" (${displayUrl(url)})`;
}

/**
 * Fetches and parses one feed URL (RSS, Atom or JSON Feed) with a conditional GET: a 304 costs no
 * parsing. A validated permanent redirect is remembered in the cursor (`movedTo`) and used next
 * time; temporary ones never are. The wait the source asks for (RSS ttl, Cache-Control, Expires)
 * comes back as `minIntervalSeconds`.
 */
export async function fetchFeed(
  url: string,
  cursor: ConnectorCursor,
  context: FetchContext,
  sourceId: string,
  headers: Record<string, string> = {},
): Promise<FetchOutcome> {
  const target = cursor.movedTo ?? url;
  const where = describeSource(sourceId, target);
  const response = await context.fetcher.fetch({
    url: target,
    etag: cursor.etag ?? null,
    lastModified: cursor.lastModified ?? null,
    headers,
    ...(context.signal ? { signal: context.signal } : {}),
  });
  return feedOutcome(response, cursor, context, where);
}

/** Turns a fetched feed response into an outcome (a 304 becomes `not-modified`, with no parsing). */
export async function feedOutcome(response: HttpResponse, cursor: ConnectorCursor, context: FetchContext, where: string): Promise<FetchOutcome> {
  const movedTo = response.permanentlyMovedTo ?? cursor.movedTo ?? null;
  if (response.notModified) {
    return {
      status: 'not-modified',
      items: [],
      problems: [],
      cursor: { ...cursor, movedTo },
      ...(response.freshForSeconds ? { minIntervalSeconds: response.freshForSeconds } : {}),
    };
  }
  const contentType = response.headers['content-type'] ?? '';
  const kind = /json/i.test(contentType) ? 'json' : 'xml';
  const decoded = context.fetcher.decode(response, kind);
  const parsed = await (context.parseFeed ?? parseFeedDocument)(decoded.text, { feedUrl: response.finalUrl, where });
  const waits = [parsed.ttlSeconds, response.freshForSeconds].filter((value): value is number => typeof value === 'number' && value > 0);
  const problems = decoded.correction
    ? [{ reason: 'charset-corrected', message: decoded.correction, outcome: 'repaired' as const }, ...parsed.problems]
    : parsed.problems;
  // A cut-off document must not be answered 304 next time: its validators are not kept.
  const validators = parsed.degraded
    ? { etag: cursor.etag ?? null, lastModified: cursor.lastModified ?? null }
    : { etag: response.headers['etag'] ?? null, lastModified: response.headers['last-modified'] ?? null };
  return {
    status: 'ok',
    items: parsed.items,
    problems,
    cursor: { ...cursor, ...validators, movedTo },
    ...(waits.length > 0 ? { minIntervalSeconds: Math.max(...waits) } : {}),
    detectedType: parsed.detectedType,
    ...(parsed.title ? { title: parsed.title } : {}),
    ...(parsed.degraded ? { degraded: parsed.degraded } : {}),
  };
}
