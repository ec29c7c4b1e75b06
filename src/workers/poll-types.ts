import type { Connector, ConnectorCursor, FeedDocumentParser, FetchContext, SourceDefinition } from '../connectors/connector.js';
import type { NormaliseSource } from '../core/normalise-items.js';
import type { NormalisedItem } from '../core/normalise.js';
import type { ItemProblem } from '../core/raw-item.js';
import type { MentionIndex } from '../index/mention-index.js';
import type { Logger } from '../platform/logger.js';
import type { StateStore } from '../state/state-store.js';
import type { MentionBuilderDeps } from './build-mentions.js';
import type { PollBounds } from './poll-policy.js';

/** A configured source ready to poll: its definition, its connector and its interval bounds. */
export interface SourceRuntime {
  definition: SourceDefinition;
  connector: Connector;
  bounds: PollBounds;
}

/** What the poll stages need: ports, the enrich stage's parts, the fetch context, a clock. */
export interface PollDeps {
  state: StateStore;
  index: MentionIndex;
  builder: MentionBuilderDeps;
  fetchContext: Omit<FetchContext, 'logger'>;
  /**
   * A feed parser for one poll that also normalises the parsed items for its source and time, on
   * the thread that parses (the embedded run's pool); it replaces `fetchContext.parseFeed` for that
   * poll. With `enrichFresh` (the connector keeps the parsed items), the thread may enrich the items
   * not delivered yet as well (see `BatchEnricher.enrichedAhead`). Absent: documents are normalised
   * on this thread.
   */
  feedParserFor?: (source: NormaliseSource, now: Date, options?: { enrichFresh?: boolean }) => FeedDocumentParser;
  logger: Logger;
  now: () => Date;
}

/**
 * What the fetch stage hands the index stage: one source's fresh items (not yet delivered) and
 * what to commit once they are indexed. Plain data, so it can cross a queue.
 */
export interface SourceBatch {
  sourceId: string;
  /** When the poll started (ISO): the fetch time of every item and the poll's time in the state. */
  startedAt: string;
  /** Items the source delivered. */
  fetched: number;
  /** Items new to this source, to enrich and index. */
  items: NormalisedItem[];
  problems: ItemProblem[];
  /** New items per day as the feed shows it. */
  itemsPerDay: number;
  /** The connector's cursor to store once the items are durably indexed (never before). */
  cursor: ConnectorCursor;
  /** Seconds the source asked us to wait before the next poll. */
  minIntervalSeconds?: number;
  /** The document was incomplete (cut off): what was lost. */
  degraded?: string;
}

/** What one poll did; the driver logs it and `run --once` sums it. */
export interface PollReport {
  sourceId: string;
  outcome: 'ok' | 'not-modified' | 'error';
  /** Items the source delivered. */
  fetched: number;
  /** Items new to this source and sent to the index. */
  fresh: number;
  /** Mentions written to the index (new ones and replacements of stored ones). */
  indexed: number;
  /** Of `indexed`, those new to the index: not the same URL another source already brought in. */
  created: number;
  unchanged: number;
  failed: number;
  /** Ids of the mentions this poll newly indexed (`indexed`, never `unchanged`): what alerts evaluate. */
  indexedIds: string[];
  problems: ItemProblem[];
  error?: string;
  /** The document was incomplete (cut off): what was lost. The source is then `degraded`. */
  degraded?: string;
  nextPollAt: string;
}

/** A report with nothing done yet. */
export function emptyReport(sourceId: string): PollReport {
  return { sourceId, outcome: 'ok', fetched: 0, fresh: 0, indexed: 0, created: 0, unchanged: 0, failed: 0, indexedIds: [], problems: [], nextPollAt: '' };
}
