import type { HubwatchConfig } from '../config/schema.js';
import type { FeedDocumentParser } from '../connectors/connector.js';
import type { NormaliseSource } from '../core/normalise-items.js';
import { createInProcessBatchEnricher, type BatchEnricher } from '../enrich/batch-enricher.js';
import { createInProcessStoryMemory } from '../enrich/in-process-story-memory.js';
import { rebuildingStoryMemory } from '../enrich/rebuilding-story-memory.js';
import { enrichThreads } from '../enrich/pool/pool-size.js';
import type { PooledBatchEnricher } from '../enrich/pool/pooled-batch-enricher.js';
import { computeReach } from '../enrich/reach.js';
import type { StoryMemory } from '../enrich/story-memory.js';
import type { MentionIndex } from '../index/mention-index.js';
import type { MentionBuilderDeps } from '../workers/build-mentions.js';

/** How far back the story memory is rebuilt at start. */
const STORY_MEMORY_DAYS = 14;

/** What the enrich stage runs with in one process, and what to release after (the pool's threads). */
export interface MentionBuilder extends MentionBuilderDeps {
  /** Parses feed documents on the enrichment pool's threads; absent when enrichment runs on this thread. */
  feedParser?: FeedDocumentParser;
  /** `feedParser` for one poll, whose thread also normalises the items (see `PollDeps.feedParserFor`). */
  feedParserFor?: (source: NormaliseSource, now: Date, options?: { enrichFresh?: boolean }) => FeedDocumentParser;
  close(): Promise<void>;
}

/**
 * The watchlist's batch enricher: a pool of `enrich.workers` threads (each loads the models once),
 * or, with 0 threads, the enricher on this thread. Each is loaded only when used: with the pool,
 * this thread never loads the models (about 80 MB). Either way the models are loaded before the
 * first batch, as part of start-up.
 */
async function createBatchEnricher(config: Pick<HubwatchConfig, 'watchlist' | 'enrich'>, seenFile: string | undefined): Promise<BatchEnricher | PooledBatchEnricher> {
  const { workers, ...options } = config.enrich;
  const threads = enrichThreads(workers);
  if (threads === 0) {
    const { createEnricher } = await import('../enrich/create-enricher.js');
    return createInProcessBatchEnricher(createEnricher(config.watchlist, options));
  }
  const { createEnrichmentPool } = await import('../enrich/pool/pooled-batch-enricher.js');
  const pool = createEnrichmentPool(config.watchlist, options, { threads, ...(seenFile ? { seenFile } : {}) });
  try {
    await pool.ready();
  } catch (error) {
    await pool.close();
    throw error;
  }
  return pool;
}

/**
 * The enrich stage's dependencies for one process, as `run` and `import` build them (and the
 * distributed enrich role): the watchlist's batch enricher (a pool of worker threads, see
 * `enrich.workers`; given `seenFile`, the source state file, its threads also enrich each poll's
 * fresh items as they parse its document), an in-process story memory taught the index's last 14
 * days, on this thread so stories do not depend on the pool, and each source's reach (its `tier`
 * or `audience`; unknown sources get the default).
 */
export async function createMentionBuilder(
  config: Pick<HubwatchConfig, 'watchlist' | 'sources' | 'enrich'>,
  index: MentionIndex,
  now: Date,
  options: { stories?: StoryMemory; seenFile?: string } = {},
): Promise<MentionBuilder> {
  // The distributed mode passes one shared across processes; one process keeps its own. It is
  // rebuilt while the pool's threads start and the first polls fetch and parse: on an existing
  // index that is most of the main thread's work at start (about 20 ms per 1,000 mentions).
  const since = new Date(now.getTime() - STORY_MEMORY_DAYS * 86_400_000);
  const stories = rebuildingStoryMemory(options.stories ?? createInProcessStoryMemory(), index, since);
  let enricher: BatchEnricher | PooledBatchEnricher;
  try {
    enricher = await createBatchEnricher(config, options.seenFile);
  } catch (error) {
    // A memory the caller passed is the caller's to close.
    if (!options.stories) await stories.close();
    throw error;
  }
  const reachBySource = new Map(
    config.sources.map((s) => [s.id, { ...(s.tier ? { tier: s.tier } : {}), ...(s.audience !== undefined ? { audience: s.audience } : {}) }]),
  );
  return {
    enricher,
    ...('parseFeed' in enricher ? { feedParser: enricher.parseFeed, feedParserFor: enricher.parseFeedFor } : {}),
    stories,
    reachOf: (item) => computeReach(reachBySource.get(item.sourceId) ?? {}, item.audience),
    async close() {
      await enricher.close();
      await stories.close();
    },
  };
}
