import { buildMentions } from '../build-mentions.js';
import type { PollDeps, PollReport, SourceBatch, SourceRuntime } from '../poll-types.js';
import { emptyReport } from '../poll-types.js';
import { recordPoll } from './record-poll.js';

/**
 * The index stage of a poll: enrich the batch, index it, then (only then) record the ids as
 * delivered and advance the source's cursor. A retryable index failure keeps the old cursor, so
 * the feed is read again in full next time; a batch the index refuses as a whole commits nothing.
 * Never throws for an index fault: it is recorded in the source's state and the report.
 */
export async function indexBatch(batch: SourceBatch, source: SourceRuntime, deps: PollDeps): Promise<PollReport> {
  const logger = deps.logger.child({ sourceId: batch.sourceId });
  const state = await deps.state.get(batch.sourceId);
  const started = new Date(batch.startedAt);
  const report: PollReport = {
    ...emptyReport(batch.sourceId), fetched: batch.fetched, fresh: batch.items.length, problems: [...batch.problems],
    ...(batch.degraded ? { degraded: batch.degraded } : {}),
  };
  let retryLater = false;
  if (batch.items.length > 0) {
    let results;
    try {
      results = await deps.index.upsert(await buildMentions(batch.items, deps.builder));
    } catch (error) {
      // The index refused the whole batch: nothing advances, the next poll fetches the items again.
      return recordPoll(state, report, { kind: 'error', error }, source, deps, started, logger);
    }
    const done: string[] = [];
    for (const result of results) {
      if (result.outcome === 'failed') {
        report.failed++;
        retryLater ||= result.retryable;
        report.problems.push({ ref: result.id, reason: 'index-failed', message: result.reason, outcome: 'dropped' });
        continue;
      }
      if (result.outcome === 'indexed') {
        report.indexed++;
        if (result.created) report.created++;
        report.indexedIds.push(result.id);
      } else {
        report.unchanged++;
      }
      done.push(result.id);
    }
    await deps.state.markSeen(batch.sourceId, done, started);
  }
  if (!retryLater) state.cursor = { ...state.cursor, ...batch.cursor };
  state.itemsPerDay = batch.itemsPerDay;
  state.itemsTotal += report.indexed;
  state.lastSuccessAt = started.toISOString();
  const minInterval = batch.minIntervalSeconds === undefined ? {} : { minIntervalSeconds: batch.minIntervalSeconds };
  return recordPoll(state, report, { kind: 'ok', newItems: report.indexed, ...minInterval }, source, deps, started, logger);
}
