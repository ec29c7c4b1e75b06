import { availableParallelism } from 'node:os';

/**
 * Enrichment threads for the `enrich.workers` setting: a number as given; `auto`, one per core
 * this process may use (its CPU affinity counts), or none on a single core, where a thread would
 * only add messaging and a second copy of the models to the same core's work. Enrichment is most
 * of an item's CPU: on an idle 2-core machine two threads beside the main thread and the
 * full-text writer read 790–821 mentions/s against 693/s with one (docs/benchmarks.md, pipeline);
 * on the fastest machine measured the two made the same rate as one for 10–17 % more CPU, each
 * thread compiling its own copy of the code (docs/enrichment.md: when 1 is the better setting).
 */
export function enrichThreads(setting: 'auto' | number, cores: number = availableParallelism()): number {
  if (setting !== 'auto') return setting;
  return cores > 1 ? cores : 0;
}
