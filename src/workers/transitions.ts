import type { JobKey, JobPayload } from './job-catalog.js';
import type { JobResults } from './job-handlers.js';

/** A job to run: its catalog key and its payload. */
export type JobRequest = { [K in JobKey]: { key: K; payload: JobPayload<K> } }[JobKey];

/**
 * Which jobs follow which: the one place that decides it, for every driver. Handlers return
 * results; the driver asks this table what comes next.
 */
export const TRANSITIONS: { [K in JobKey]: (result: JobResults[K]) => JobRequest[] } = {
  // A poll that fetched fresh items hands them on; a failed or not-modified one is finished.
  fetchSource: (result) => (result.kind === 'batch' ? [{ key: 'indexBatch', payload: { batch: result.batch } }] : []),
  // The mentions it newly indexed (`indexedIds`, never `unchanged` re-reads) go to the alert rules.
  indexBatch: (result) => (result.indexedIds.length > 0 ? [{ key: 'evaluateAlerts', payload: { ids: result.indexedIds } }] : []),
  evaluateAlerts: () => [],
  evaluateWindowedAlerts: () => [],
  applyRetention: () => [],
};

/** The jobs that follow one that finished with `result`. */
export function nextJobs<K extends JobKey>(key: K, result: JobResults[K]): JobRequest[] {
  return (TRANSITIONS[key] as (result: JobResults[K]) => JobRequest[])(result);
}
