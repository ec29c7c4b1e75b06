import { fetchSource } from './stages/fetch-source.js';
import { indexBatch } from './stages/index-batch.js';
import type { PollDeps, PollReport, SourceRuntime } from './poll-types.js';

export type { PollDeps, PollReport, SourceBatch, SourceRuntime } from './poll-types.js';

/**
 * Polls one source end to end, both stages in a row: fetch, normalise, skip what it already
 * delivered (`fetchSource`), then enrich, index and only then advance its cursor (`indexBatch`).
 * Never throws for a source fault: the fault is recorded in the source's state and the report.
 * The drivers run the two stages as separate jobs (src/workers/job-catalog.ts); this is the same
 * code in a row, for callers that want one poll.
 */
export async function pollSource(source: SourceRuntime, deps: PollDeps): Promise<PollReport> {
  const fetched = await fetchSource(source, deps);
  return fetched.kind === 'done' ? fetched.report : indexBatch(fetched.batch, source, deps);
}
