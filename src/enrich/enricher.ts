import type { EntityMatch, Sentiment } from '../core/mention.js';

/** The text of one item to enrich: plain text only. */
export interface EnrichInput {
  title: string;
  text: string;
  /** Language the source declared, used when detection is unsure. */
  languageHint?: string | null;
  /** Force the language (the `analyze --lang` option). */
  language?: string | null;
}

/** What enrichment adds to a mention. */
export interface Enrichment {
  /** ISO 639-1 code or null. */
  language: string | null;
  entities: EntityMatch[];
  /** Document-level sentiment (`unscored` for languages not covered). */
  sentiment: Sentiment;
  /** Near-duplicate signature of the normalised text (`s2` then hex, see signature/minhash.ts), or null for empty texts. */
  signature: string | null;
}

/**
 * The enrichment stage: language, watchlist entities with offsets, document- and entity-level
 * sentiment, near-duplicate signature. Pure and synchronous: no I/O, safe to run in a worker thread.
 */
export interface Enricher {
  enrich(input: EnrichInput): Enrichment;
}

/**
 * Joins near-duplicates into stories: the first-seen copy is the origin, later copies whose
 * signature is close enough get its story id.
 */
export interface StoryClusterer {
  /** Returns the story id for this mention (its own id when it starts a new story). */
  assign(record: { id: string; signature: string | null; publishedAt: string }): string;
  /** Teaches the clusterer a mention already indexed (at start, from `signaturesSince`). */
  remember(record: { id: string; storyId: string | null; signature: string; publishedAt: string }): void;
}
