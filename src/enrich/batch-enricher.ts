import type { Enricher, EnrichInput, Enrichment } from './enricher.js';

/** An item as `enrichedAhead` matches it: its mention id and what enrichment reads. */
export interface AheadInput {
  id: string;
  title: string;
  text: string;
  languageHint: string | null;
}

/**
 * The enrich stage's port: a batch of items in, their enrichments out, in the same order. Adapters
 * run the enricher in this thread (`createInProcessBatchEnricher`) or in a pool of worker threads
 * (`pool/`). Batches resolve in the order they were submitted, whatever runs them, so the caller
 * can place them in stories in that order (same input, same stories, whatever the pool's size).
 * A batch that cannot be enriched rejects with an `EnrichmentError`; later batches still run.
 */
export interface BatchEnricher {
  enrichBatch(inputs: readonly EnrichInput[]): Promise<Enrichment[]>;
  /**
   * Enrichments already made for these items of the source's latest poll (on the thread that
   * parsed its document), each given once; undefined for an item without one, or whose title, text
   * or language hint differ from what it was made from. Absent: none are made ahead.
   */
  enrichedAhead?(sourceId: string, items: readonly AheadInput[]): (Enrichment | undefined)[];
  /** Releases the threads, if any (pending batches finish first). */
  close(): Promise<void>;
}

/** The enricher in this thread: each batch is enriched at once, when submitted. */
export function createInProcessBatchEnricher(enricher: Enricher): BatchEnricher {
  return {
    enrichBatch(inputs) {
      try {
        return Promise.resolve(inputs.map((input) => enricher.enrich(input)));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    close: () => Promise.resolve(),
  };
}
