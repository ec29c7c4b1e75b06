import type { NormalisedItem } from '../../core/normalise.js';
import type { PollDeps, PollReport, SourceBatch, SourceRuntime } from '../poll-types.js';
import { emptyReport } from '../poll-types.js';
import { readSource } from './read-source.js';
import { recordPoll } from './record-poll.js';

const DAY_MS = 86_400_000;

/** New items per day as the feed itself shows it: items published in the last 7 days / 7. */
function itemsPerDay(items: readonly NormalisedItem[], now: Date): number {
  const since = now.getTime() - 7 * DAY_MS;
  const recent = items.filter((item) => Date.parse(item.publishedAt) >= since).length;
  return Math.round((recent / 7) * 10) / 10;
}

/** The fetch stage's result: a batch for the index stage, or a poll already finished (failed or not modified). */
export type FetchStageResult = { kind: 'batch'; batch: SourceBatch } | { kind: 'done'; report: PollReport };

/**
 * The fetch stage of a poll: fetch, normalise, skip the ids this source already delivered. A
 * failed or not-modified poll is finished here (state saved, next poll set); otherwise the fresh
 * items go on as a batch and nothing is committed yet. Never throws for a source fault.
 */
export async function fetchSource(source: SourceRuntime, deps: PollDeps): Promise<FetchStageResult> {
  const { definition } = source;
  const logger = deps.logger.child({ sourceId: definition.id });
  const state = await deps.state.get(definition.id);
  const started = deps.now();
  const report = emptyReport(definition.id);
  const target = state.cursor.movedTo ? { ...definition, url: state.cursor.movedTo } : definition;
  let reading;
  try {
    const parseFeed = deps.feedParserFor?.(target, started, { enrichFresh: source.connector.keepsParsedItems === true });
    reading = await readSource(source.connector, target, state.cursor, { ...deps.fetchContext, ...(parseFeed ? { parseFeed } : {}), logger }, started);
  } catch (error) {
    return { kind: 'done', report: await recordPoll(state, report, { kind: 'error', error }, source, deps, started, logger) };
  }
  const { outcome, items, problems } = reading;
  const minInterval = outcome.minIntervalSeconds === undefined ? {} : { minIntervalSeconds: outcome.minIntervalSeconds };
  if (outcome.status === 'not-modified') {
    report.outcome = 'not-modified';
    state.cursor = { ...state.cursor, ...outcome.cursor };
    return { kind: 'done', report: await recordPoll(state, report, { kind: 'not-modified', ...minInterval }, source, deps, started, logger) };
  }
  const seen = await deps.state.seen(definition.id, items.map((item) => item.id));
  return {
    kind: 'batch',
    batch: {
      sourceId: definition.id,
      startedAt: started.toISOString(),
      fetched: outcome.items.length,
      items: items.filter((item) => !seen.has(item.id)),
      problems,
      itemsPerDay: itemsPerDay(items, started),
      cursor: outcome.cursor,
      ...minInterval,
      ...(outcome.degraded ? { degraded: outcome.degraded } : {}),
    },
  };
}
