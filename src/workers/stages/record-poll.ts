import { HubwatchError } from '../../core/errors.js';
import { terminalSafe } from '../../core/text/terminal-safe.js';
import type { Logger } from '../../platform/logger.js';
import type { SourceState } from '../../state/state-store.js';
import { nextPoll, type PollOutcome } from '../poll-policy.js';
import type { PollDeps, PollReport, SourceRuntime } from '../poll-types.js';

/** One line for a source's last error: the reason and the message. */
export function describePollError(error: unknown): string {
  if (error instanceof HubwatchError) return `${error.reason}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Ends a poll: decides the next poll from the outcome, records health and the next poll time in
 * the source's state, saves it, and completes the report.
 */
export async function recordPoll(
  state: SourceState,
  report: PollReport,
  outcome: PollOutcome,
  source: SourceRuntime,
  deps: Pick<PollDeps, 'state'>,
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
  if (outcome.kind !== 'error') state.sourceAskedSeconds = outcome.minIntervalSeconds ?? null;
  if (outcome.kind === 'error') {
    report.outcome = 'error';
    // Stored and reported sanitised: the message may quote the source (an HTML page's <title>).
    report.error = terminalSafe(describePollError(outcome.error));
    state.lastError = report.error.slice(0, 500);
    state.lastErrorAt = started.toISOString();
    logger.warn({ reason: report.error, status: state.status, nextPollAt: state.nextPollAt }, 'poll failed');
  } else if (report.degraded) {
    // A document cut off mid-way: its complete items count, and the source shows what was lost.
    state.status = 'degraded';
    state.lastError = terminalSafe(report.degraded).slice(0, 500);
    state.lastErrorAt = started.toISOString();
    logger.warn({ reason: state.lastError }, 'polled an incomplete document');
  } else {
    logger.debug({ fetched: report.fetched, indexed: report.indexed, problems: report.problems.length }, 'polled');
  }
  report.nextPollAt = state.nextPollAt;
  await deps.state.save(state);
  return report;
}
