import { availableParallelism } from 'node:os';

/**
 * Enrichment threads for the `enrich.workers` setting: a number as given; `auto`, one per core
 * this process may use (its CPU affinity counts), or none on a single core, where a thread would
 * only add messaging to the same core's work.
 */
export function enrichThreads(setting: 'auto' | number, cores: number = availableParallelism()): number {
  if (setting !== 'auto') return setting;
  return cores > 1 ? cores : 0;
}
