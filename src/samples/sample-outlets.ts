import type { SampleFeedId, SampleLanguage } from './sample-types.js';

/** The id of Acme's own account (@AcmeRail) on the sample instance. */
export const OFFICIAL_ACCOUNT_ID = '109348712300001';

export type FeedFormat = 'rss' | 'rss-content' | 'atom' | 'json-feed' | 'mastodon-tag' | 'mastodon-account';

/** A fictional outlet and how its feed is published. Hosts use the reserved `.example` TLD. */
export interface SampleOutlet {
  feed: SampleFeedId;
  name: string;
  host: string;
  lang: SampleLanguage;
  /** The path the sample server publishes the feed at. */
  path: string;
  format: FeedFormat;
  /** RSS only: CDATA-wrapped HTML (true) or XML-escaped HTML (false). */
  cdata?: boolean;
}

export const SAMPLE_OUTLETS: readonly SampleOutlet[] = [
  { feed: 'daily-courier', name: 'The Daily Courier', host: 'www.dailycourier.example', lang: 'en', path: '/feeds/daily-courier.xml', format: 'rss', cdata: true },
  { feed: 'rail-business-review', name: 'Rail Business Review', host: 'railbusinessreview.example', lang: 'en', path: '/feeds/rail-business-review.xml', format: 'rss-content' },
  { feed: 'metro-herald', name: 'Metro Herald', host: 'metroherald.example', lang: 'en', path: '/feeds/metro-herald.xml', format: 'rss', cdata: false },
  { feed: 'le-quotidien', name: 'Le Quotidien National', host: 'www.lequotidien.example', lang: 'fr', path: '/feeds/le-quotidien.xml', format: 'rss', cdata: true },
  { feed: 'gazette-du-rail', name: 'La Gazette du Rail', host: 'gazettedurail.example', lang: 'fr', path: '/feeds/gazette-du-rail.xml', format: 'rss-content' },
  { feed: 'ouest-matin', name: 'Ouest Matin', host: 'www.ouestmatin.example', lang: 'fr', path: '/feeds/ouest-matin.xml', format: 'rss', cdata: false },
  { feed: 'commuter-notes', name: 'Commuter Notes', host: 'commuternotes.example', lang: 'en', path: '/feeds/commuter-notes.atom', format: 'atom' },
  { feed: 'lettre-mobilite', name: 'La Lettre Mobilité', host: 'lettre-mobilite.example', lang: 'fr', path: '/feeds/lettre-mobilite.json', format: 'json-feed' },
  { feed: 'mastodon-acme', name: 'Mastodon #acme', host: 'mastodon.example', lang: 'en', path: '/api/v1/timelines/tag/acme', format: 'mastodon-tag' },
  { feed: 'acme-official', name: 'Acme Rail on Mastodon (@AcmeRail)', host: 'mastodon.example', lang: 'en', path: `/api/v1/accounts/${OFFICIAL_ACCOUNT_ID}/statuses`, format: 'mastodon-account' },
];

export function outletFor(feed: SampleFeedId): SampleOutlet {
  const outlet = SAMPLE_OUTLETS.find((candidate) => candidate.feed === feed);
  if (!outlet) throw new Error(`no sample outlet for feed "${feed}"`);
  return outlet;
}
