import type { MastodonStatus } from './render-mastodon.js';

/** One page of a hashtag timeline and the Link header Mastodon sends with it. */
export interface TimelinePage {
  statuses: MastodonStatus[];
  /** `<…?max_id=…>; rel="next", <…?min_id=…>; rel="prev"`, or null for an empty page. */
  link: string | null;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 40;

function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function idParam(params: URLSearchParams, name: string): string | null {
  const value = params.get(name);
  return value !== null && /^\d{1,20}$/.test(value) ? value : null;
}

/**
 * Pages a newest-first timeline the way Mastodon does: `limit` (default 20, at most 40),
 * `max_id` (older than), `since_id` (newer than, newest first) and `min_id` (immediately newer
 * than, for catching up without gaps). Malformed values are ignored, as Mastodon does.
 */
export function pageTimeline(all: MastodonStatus[], params: URLSearchParams, selfUrl: string): TimelinePage {
  const asked = Number.parseInt(params.get('limit') ?? '', 10);
  const limit = Number.isFinite(asked) && asked > 0 ? Math.min(asked, MAX_LIMIT) : DEFAULT_LIMIT;
  const maxId = idParam(params, 'max_id');
  const sinceId = idParam(params, 'since_id');
  const minId = idParam(params, 'min_id');
  let candidates = all.filter(
    (status) =>
      (maxId === null || compareIds(status.id, maxId) < 0) &&
      (sinceId === null || compareIds(status.id, sinceId) > 0) &&
      (minId === null || compareIds(status.id, minId) > 0),
  );
  // With min_id Mastodon returns the statuses right after it (the oldest of the newer ones).
  candidates = minId !== null ? candidates.slice(-limit) : candidates.slice(0, limit);
  const first = candidates[0];
  const last = candidates[candidates.length - 1];
  if (!first || !last) return { statuses: [], link: null };
  const url = (name: string, id: string): string => {
    const next = new URL(selfUrl);
    for (const key of ['max_id', 'since_id', 'min_id']) next.searchParams.delete(key);
    next.searchParams.set(name, id);
    return next.toString();
  };
  return { statuses: candidates, link: `<${url('max_id', last.id)}>; rel="next", <${url('min_id', first.id)}>; rel="prev"` };
}
