import type { AlertPass, Alerting } from '../alerts/alerting.js';
import type { JobKey, JobPayload } from './job-catalog.js';
import { UnknownTargetError } from './job-errors.js';
import type { PollDeps, PollReport, SourceRuntime } from './poll-types.js';
import { fetchSource, type FetchStageResult } from './stages/fetch-source.js';
import { indexBatch } from './stages/index-batch.js';

/** What each job returns. */
export interface JobResults {
  fetchSource: FetchStageResult;
  indexBatch: PollReport;
  evaluateAlerts: AlertPass;
  evaluateWindowedAlerts: AlertPass;
  applyRetention: { deleted: number };
}

/** What a handler gets besides its payload. */
export interface JobContext {
  /** Aborted when the try times out or the driver stops. */
  signal: AbortSignal;
  /** 1 for the first try. */
  attempt: number;
}

/** One handler per job in the catalog: a job without a handler does not compile. */
export type JobHandlers = { [K in JobKey]: (payload: JobPayload<K>, context: JobContext) => Promise<JobResults[K]> };

/** What the handlers run on. */
export interface JobHandlerDeps {
  /** The configured, enabled sources by id. */
  sources: ReadonlyMap<string, SourceRuntime>;
  poll: PollDeps;
  /** Deletes what `index.retention` says is too old; returns how many. */
  applyRetention(): Promise<number>;
  /** Evaluates the per-mention alert rules on newly indexed mentions, and the windowed ones on a tick. */
  alerts: Pick<Alerting, 'onIndexed' | 'tick'>;
}

function sourceOf(deps: JobHandlerDeps, sourceId: string): SourceRuntime {
  const source = deps.sources.get(sourceId);
  if (!source) throw new UnknownTargetError(`source "${sourceId}" is not in the configuration (removed or disabled)`);
  return source;
}

/** The handlers of every job, wired to one set of ports. Handlers return results; they never enqueue. */
export function createJobHandlers(deps: JobHandlerDeps): JobHandlers {
  return {
    fetchSource: ({ sourceId }) => fetchSource(sourceOf(deps, sourceId), deps.poll),
    indexBatch: ({ batch }) => indexBatch(batch, sourceOf(deps, batch.sourceId), deps.poll),
    evaluateAlerts: ({ ids }) => deps.alerts.onIndexed(ids),
    evaluateWindowedAlerts: () => deps.alerts.tick(),
    applyRetention: async () => ({ deleted: await deps.applyRetention() }),
  };
}
