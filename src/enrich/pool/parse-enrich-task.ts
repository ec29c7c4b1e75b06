import type { FeedParseAnswer, FeedParseTask } from '../../connectors/rss/threaded-feed-parse.js';
import type { Enrichment } from '../enricher.js';

/** A feed document for a pool thread: parse it, normalise its items for the poll, and enrich the fresh ones. */
export interface ParseEnrichTask extends FeedParseTask {
  /** Enrich the normalised items the source has not delivered yet, as the state file (SQLite, WAL) lists them. */
  enrichFresh?: { seenFile: string };
}

/** The parse answer, with an enrichment for each normalised item (null for one already delivered) when asked and the state file could be read. */
export type ParseEnrichAnswer = FeedParseAnswer & { enrichments?: (Enrichment | null)[] };
