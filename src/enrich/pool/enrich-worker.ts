import { threadData } from '../../platform/threads/thread-module.js';
import { createEnricher } from '../create-enricher.js';
import type { EnrichInput, Enrichment } from '../enricher.js';
import type { EnrichWorkerData } from './enrich-worker-data.js';

/**
 * An enrichment thread of the pool (`pooled-batch-enricher.ts`): the watchlist is compiled and the
 * models and lexicons are loaded once, when the thread starts; each task is a chunk of a batch.
 */
const data = threadData<EnrichWorkerData>();
const enricher = createEnricher(data.watchlist, data.options);

export default function enrichChunk(inputs: EnrichInput[]): Enrichment[] {
  return inputs.map((input) => enricher.enrich(input));
}
