import type { Connector, FetchContext, FetchOutcome, SourceDefinition } from '../connectors/connector.js';
import { HubwatchError } from '../core/errors.js';
import { normaliseItem, type NormalisedItem } from '../core/normalise.js';
import type { ItemProblem } from '../core/raw-item.js';
import type { MentionIndex } from '../index/mention-index.js';
import type { Logger } from '../platform/logger.js';
import type { SourceState, StateStore } from '../state/state-store.js';
import { buildMentions, type MentionBuilderDeps } from './build-mentions.js';
import { nextPoll } from './poll-policy.js';

/** A configured source ready to poll: its definition, its connector and its interval bounds. */
export interface SourceRuntime {
  definition: SourceDefinition;
  connector: Connector;
  bounds: { min: number; max: number; initial: number };
}

export interface PollDeps {
  state: StateStore;
  index: MentionIndex;
  builder: MentionBuilderDeps;
  fetchContext: Omit<FetchContext, 'logger'>;
  logger: Logger;
  now: () => Date;
}

/** What one poll did; the driver logs it and `run --once` sums it. */
export interface PollReport {
  sourceId: string;
  outcome: 'ok' | 'not-modified' | 'error';
  /** Items the source delivered. */
  fetched: number;
  /** Items new to this source and sent to the index. */
  fresh: number;
  indexed: number;
  unchanged: number;
  failed: number;
  problems: ItemProblem[];
  error?: string;
  /** The document was incomplete (cut off): what was lost. The source is then `degraded`. */
  degraded?: string;
  nextPollAt: string;
}

const DAY_MS = 86_400_000;

function describeError(error: unknown): string {
  if (error instanceof HubwatchError) return `${error.reason}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** New items per day as the feed itself shows it: items published in the last 7 days / 7. */
function itemsPerDay(items: readonly NormalisedItem[], now: Date): number {
  const since = now.getTime() - 7 * DAY_MS;
  const recent = items.filter((item) => Date.parse(item.publishedAt) >= since).length;
  return Math.round((recent / 7) * 10) / 10;
}

function normaliseAll(outcome: FetchOutcome, source: SourceDefinition, now: Date): { items: NormalisedItem[]; problems: ItemProblem[] } {
  const items: NormalisedItem[] = [];
  const problems: ItemProblem[] = [...outcome.problems];
  const ids = new Set<string>();
  outcome.items.forEach((raw, index) => {
    const result = normaliseItem(raw, source, { now, index });
    if (!result.ok) {
      problems.push(result.problem);
      return;
    }
    problems.push(...result.problems);
    // Duplicates within one document (a repeated GUID or link) collapse on the mention id.
    if (ids.has(result.item.id)) return;
    ids.add(result.item.id);
    items.push(result.item);
  });
  return { items, problems };
}

/**
 * Polls one source end to end: fetch, normalise, skip what it already delivered, enrich, index,
 * then (only then) advance its cursor and schedule the next poll. Never throws for a source fault:
 * the fault is recorded in the source's state and in the report. One job per source, in both
 * embedded and distributed mode.
 */
export async function pollSource(source: SourceRuntime, deps: PollDeps): Promise<PollReport> {
  const { definition } = source;
  const logger = deps.logger.child({ sourceId: definition.id });
  const state = await deps.state.get(definition.id);
  const started = deps.now();
  const report: PollReport = {
    sourceId: definition.id, outcome: 'ok', fetched: 0, fresh: 0, indexed: 0, unchanged: 0, failed: 0, problems: [], nextPollAt: '',
  };
  const target = state.cursor.movedTo ? { ...definition, url: state.cursor.movedTo } : definition;
  let outcome: FetchOutcome;
  try {
    outcome = await source.connector.fetch(target, state.cursor, { ...deps.fetchContext, logger });
  } catch (error) {
    return finish(state, report, { kind: 'error', error }, source, deps, started, logger);
  }
  if (outcome.status === 'not-modified') {
    report.outcome = 'not-modified';
    state.cursor = { ...state.cursor, ...outcome.cursor };
    return finish(state, report, withMin({ kind: 'not-modified' }, outcome), source, deps, started, logger);
  }
  const { items, problems } = normaliseAll(outcome, definition, started);
  report.fetched = outcome.items.length;
  report.problems = problems;
  if (outcome.degraded) report.degraded = outcome.degraded;
  const seen = await deps.state.seen(definition.id, items.map((item) => item.id));
  const fresh = items.filter((item) => !seen.has(item.id));
  report.fresh = fresh.length;
  let retryLater = false;
  if (fresh.length > 0) {
    let results;
    try {
      results = await deps.index.upsert(buildMentions(fresh, deps.builder));
    } catch (error) {
      // The index refused the whole batch: nothing advances, the next poll fetches the items again.
      return finish(state, report, { kind: 'error', error }, source, deps, started, logger);
    }
    const done: string[] = [];
    for (const result of results) {
      if (result.outcome === 'failed') {
        report.failed++;
        retryLater ||= result.retryable;
        problems.push({ ref: result.id, reason: 'index-failed', message: result.reason, outcome: 'dropped' });
        continue;
      }
      if (result.outcome === 'indexed') report.indexed++;
      else report.unchanged++;
      done.push(result.id);
    }
    await deps.state.markSeen(definition.id, done, started);
  }
  // A retryable index failure keeps the old cursor, so the feed is read again in full next time.
  if (!retryLater) state.cursor = { ...state.cursor, ...outcome.cursor };
  state.itemsPerDay = itemsPerDay(items, started);
  state.itemsTotal += report.indexed;
  state.lastSuccessAt = started.toISOString();
  return finish(state, report, withMin({ kind: 'ok', newItems: report.indexed }, outcome), source, deps, started, logger);
}

type PollOutcome = Parameters<typeof nextPoll>[0]['outcome'];

function withMin<T extends PollOutcome>(outcome: T, fetched: FetchOutcome): T {
  return fetched.minIntervalSeconds === undefined ? outcome : { ...outcome, minIntervalSeconds: fetched.minIntervalSeconds };
}

async function finish(
  state: SourceState,
  report: PollReport,
  outcome: PollOutcome,
  source: SourceRuntime,
  deps: PollDeps,
  started: Date,
  logger: Logger,
): Promise<PollReport> {
  const decision = nextPoll({
    now: started,
    previousIntervalSeconds: state.intervalSeconds ?? source.bounds.initial,
    bounds: source.bounds,
    outcome,
    consecutiveFailures: state.consecutiveFailures,
  });
  state.lastPollAt = started.toISOString();
  state.status = decision.status;
  state.consecutiveFailures = decision.consecutiveFailures;
  state.intervalSeconds = decision.intervalSeconds;
  state.nextPollAt = decision.nextPollAt.toISOString();
  if (outcome.kind === 'error') {
    report.outcome = 'error';
    report.error = describeError(outcome.error);
    state.lastError = report.error.slice(0, 500);
    state.lastErrorAt = started.toISOString();
    logger.warn({ reason: report.error, status: state.status, nextPollAt: state.nextPollAt }, 'poll failed');
  } else if (report.degraded) {
    state.status = 'degraded';
    state.lastError = report.degraded.slice(0, 500);
    state.lastErrorAt = started.toISOString();
    logger.warn({ reason: state.lastError }, 'polled an incomplete document');
  } else {
    logger.debug({ fetched: report.fetched, indexed: report.indexed, problems: report.problems.length }, 'polled');
  }
  report.nextPollAt = state.nextPollAt;
  await deps.state.save(state);
  return report;
}
