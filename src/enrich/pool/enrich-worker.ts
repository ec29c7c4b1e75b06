import { answerFeedParse, type FeedParseAnswer, type FeedParseTask } from '../../connectors/rss/threaded-feed-parse.js';
import { threadData } from '../../platform/threads/thread-module.js';
import { createEnricher } from '../create-enricher.js';
import type { EnrichInput, Enrichment } from '../enricher.js';
import type { EnrichWorkerData } from './enrich-worker-data.js';

/**
 * A thread of the pipeline's pool (`pooled-batch-enricher.ts`): the watchlist is compiled and the
 * models and lexicons are loaded once, when the thread starts; each enrichment task is a chunk of
 * a batch. The same threads parse fetched feed documents (`parseFeed`), the other large piece of
 * an item's work that does not need the main thread.
 */
const data = threadData<EnrichWorkerData>();
const enricher = createEnricher(data.watchlist, data.options);

export default function enrichChunk(inputs: EnrichInput[]): Enrichment[] {
  return inputs.map((input) => enricher.enrich(input));
}

export function parseFeed(task: FeedParseTask): Promise<FeedParseAnswer> {
  return answerFeedParse(task);
}
