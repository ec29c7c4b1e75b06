/** The sentiment a reader would give an item: the label the samples expect enrichment to find. */
export type ExpectedSentiment = 'positive' | 'negative' | 'neutral';
export type SampleLanguage = 'en' | 'fr';

/** A hand-written (or templated) item before it is placed in a feed and given a date and URL. */
export interface SampleDraft {
  /** Unique, stable key (becomes part of the GUID and URL slug). */
  key: string;
  lang: SampleLanguage;
  expected: ExpectedSentiment;
  /** Watchlist ids (brands, people, topics) a careful reader would tag; empty for off-topic items. */
  entities: string[];
  title: string;
  /** Body paragraphs as HTML fragments (may hold <a>, <strong>, entities such as &amp; &eacute;). */
  paragraphs: string[];
  author?: string;
  /** A homonym ("the acme of his career", the cartoon's Acme crates) that must not count as Acme. */
  trap?: boolean;
}

/** The feeds the sample server publishes. */
export const SAMPLE_FEEDS = [
  'daily-courier',
  'rail-business-review',
  'metro-herald',
  'le-quotidien',
  'gazette-du-rail',
  'ouest-matin',
  'commuter-notes',
  'lettre-mobilite',
  'mastodon-acme',
  'acme-official',
] as const;
export type SampleFeedId = (typeof SAMPLE_FEEDS)[number];

/** One item as published: a draft placed in a feed, with its date, URL and GUID. */
export interface SampleItem extends SampleDraft {
  feed: SampleFeedId;
  /** The item's permalink (fictional `.example` hosts: never fetched). */
  url: string;
  guid: string;
  /** `null` for the one RSS item published without a date (valid RSS). */
  published: Date | null;
  /** Set on every copy of a syndicated wire story: the wire story's key. */
  storyKey?: string;
}

/** What the sample server answers for one path. */
export interface SampleResponse {
  contentType: string;
  body: string;
}
