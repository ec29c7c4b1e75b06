import { availableParallelism } from 'node:os';

/**
 * Enrichment threads for the `enrich.workers` setting: a number as given; `auto`, one per core
 * this process may use (its CPU affinity counts) but one, which the main thread keeps for
 * fetching, parsing, stories and indexing (about half the work), or none on a single core, where
 * a thread would only add messaging and a second copy of the models to the same core's work.
 * On 2 cores one thread measured faster than two (docs/benchmarks.md, pipeline).
 */
export function enrichThreads(setting: 'auto' | number, cores: number = availableParallelism()): number {
  if (setting !== 'auto') return setting;
  return cores > 1 ? cores - 1 : 0;
}
