import { renderAtom } from './render-atom.js';
import { renderJsonFeed } from './render-json-feed.js';
import { toStatus, type MastodonStatus } from './render-mastodon.js';
import { renderRss } from './render-rss.js';
import { buildSampleCatalogue } from './sample-catalogue.js';
import { SAMPLE_OUTLETS } from './sample-outlets.js';
import type { SampleItem, SampleResponse } from './sample-types.js';
import { startOfUtcDay } from './seeded.js';

/** The Mastodon hashtag timeline's path (the real API's shape: GET /api/v1/timelines/tag/:hashtag). */
export const SAMPLE_TIMELINE_PATH = '/api/v1/timelines/tag/acme';

/** Everything the sample server publishes for one UTC day. */
export interface SampleSite {
  /** Start of the UTC day the content was built for (its Last-Modified). */
  builtAt: Date;
  items: SampleItem[];
  /** Feed documents keyed by URL path; the timeline path holds every status, newest first. */
  feeds: Map<string, SampleResponse>;
  /** The hashtag timeline, newest first, for Mastodon-style paging. */
  statuses: MastodonStatus[];
  /** Every Mastodon-style timeline by path (the hashtag and @AcmeRail's statuses), newest first. */
  timelines: Map<string, MastodonStatus[]>;
}

const newestFirst = (a: SampleItem, b: SampleItem): number =>
  (b.published?.getTime() ?? -Infinity) - (a.published?.getTime() ?? -Infinity) || a.key.localeCompare(b.key);

/** Builds the sample site for `now`'s UTC day: same day in, byte-identical documents out. */
export function buildSampleSite(now: Date): SampleSite {
  const builtAt = startOfUtcDay(now);
  const items = buildSampleCatalogue(now);
  const feeds = new Map<string, SampleResponse>();
  const timelines = new Map<string, MastodonStatus[]>();
  for (const outlet of SAMPLE_OUTLETS) {
    const mine = items.filter((item) => item.feed === outlet.feed).sort(newestFirst);
    switch (outlet.format) {
      case 'rss':
      case 'rss-content':
        feeds.set(outlet.path, { contentType: 'application/rss+xml; charset=utf-8', body: renderRss(outlet, mine, builtAt) });
        break;
      case 'atom':
        feeds.set(outlet.path, { contentType: 'application/atom+xml; charset=utf-8', body: renderAtom(outlet, mine, builtAt) });
        break;
      case 'json-feed':
        feeds.set(outlet.path, { contentType: 'application/feed+json; charset=utf-8', body: renderJsonFeed(outlet, mine) });
        break;
      case 'mastodon-tag':
      case 'mastodon-account': {
        const statuses = mine.map(toStatus);
        timelines.set(outlet.path, statuses);
        feeds.set(outlet.path, { contentType: 'application/json; charset=utf-8', body: JSON.stringify(statuses) });
        break;
      }
    }
  }
  return { builtAt, items, feeds, statuses: timelines.get(SAMPLE_TIMELINE_PATH) ?? [], timelines };
}

/**
 * The bundled sample feeds for `now`'s UTC day, keyed by URL path: RSS 2.0 news (EN and FR, one
 * with content:encoded and dc:creator), an Atom blog, a JSON Feed newsletter and a Mastodon
 * hashtag timeline plus @AcmeRail's own statuses. Deterministic: the same day always yields the same bytes.
 */
export function buildSampleFeeds(now: Date): Map<string, SampleResponse> {
  return buildSampleSite(now).feeds;
}

/** Every sample item with its expected sentiment and entities, for tests that check enrichment. */
export function buildSampleItems(now: Date): SampleItem[] {
  return buildSampleCatalogue(now);
}
