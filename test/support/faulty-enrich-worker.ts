import { threadData } from '../../src/platform/threads/thread-module.js';
import { createEnricher } from '../../src/enrich/create-enricher.js';
import type { EnrichInput, Enrichment } from '../../src/enrich/enricher.js';
import type { EnrichWorkerData } from '../../src/enrich/pool/enrich-worker-data.js';

/**
 * An enrichment thread for the pool's fault tests: the real enricher, except that an item titled
 * `throw` makes the task throw and one titled `crash` ends the thread.
 */
const data = threadData<EnrichWorkerData>();
const enricher = createEnricher(data.watchlist, data.options);

export default function enrichChunk(inputs: EnrichInput[]): Enrichment[] {
  return inputs.map((input) => {
    if (input.title === 'throw') throw new Error('this item cannot be enriched');
    if (input.title === 'crash') process.exit(3);
    return enricher.enrich(input);
  });
}
