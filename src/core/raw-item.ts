import type { Audience, Channel } from './mention.js';

/**
 * What a connector hands downstream: one item as the source gave it, mapped to common fields
 * but not cleaned. HTML stays HTML, dates stay strings; normalisation happens once, in core.
 */
export interface RawItem {
  /** The source's own identifier (RSS guid, Atom id, a post id). */
  guid?: string | null;
  /** The item's link, possibly relative (resolved against `baseUrl`). */
  link?: string | null;
  /**
   * When the item is a post that shares an article (a Hacker News story, a Reddit link post, a
   * Bluesky or Mastodon post with a link card): the article's URL. The post keeps its own
   * permalink as `link`, which gives its identity; the share never takes the article's.
   */
  sharedUrl?: string | null;
  /** Base for relative links (xml:base or the feed URL). */
  baseUrl?: string | null;
  title?: string | null;
  /** Whether `title` holds HTML (Atom type="html"/"xhtml") rather than plain text. */
  titleIsHtml?: boolean;
  /** The fullest body available, as HTML (content:encoded, Atom content, a post's HTML). */
  contentHtml?: string | null;
  /** A short summary, as HTML (description, Atom summary). */
  summaryHtml?: string | null;
  /** A body that is already plain text (JSON APIs). */
  contentText?: string | null;
  author?: string | null;
  /** The publication date exactly as the source wrote it, or a Date. */
  published?: string | Date | null;
  /** The last-update date as the source wrote it. */
  updated?: string | Date | null;
  /** Language the source declares for the item or its feed (`fr`, `en-GB`). */
  languageHint?: string | null;
  /** Overrides the source's channel when the item says better (a podcast episode). */
  channel?: Channel;
  categories?: string[];
  audience?: Audience;
}

/** A problem with one item: the item is dropped or repaired, the rest of the feed goes on. */
export interface ItemProblem {
  /** Position of the item in the document (0-based), when known. */
  index?: number;
  /** The item's guid or link, when known, to find it again. */
  ref?: string;
  /** Short machine-readable reason (`missing-link-and-guid`, `invalid-date`, `future-date`). */
  reason: string;
  /** One readable sentence for people. */
  message: string;
  /** `dropped`: the item was not ingested; `repaired`: it was, with a fix or a flag. */
  outcome: 'dropped' | 'repaired';
}
