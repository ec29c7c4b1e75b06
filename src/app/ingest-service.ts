import type { MentionIndex } from '../index/mention-index.js';
import type { Logger } from '../platform/logger.js';
import type { PollReport } from '../workers/poll-types.js';

/** How often retention runs in a long-lived run. */
const RETENTION_EVERY_MS = 3_600_000;
/** How often a long-lived run logs its totals. */
const TOTALS_EVERY_MS = 60_000;
/** How often windowed alert rules (spike, negative share, silence) and held digests are evaluated. */
const ALERTS_EVERY_MS = 30_000;

/** What a run did, summed over its polls. */
export interface RunTotals {
  /** Polls done (a source polled three times counts three). */
  polls: number;
  ok: number;
  notModified: number;
  failed: number;
  fetched: number;
  /** Mentions new to the index (one two sources publish is counted once). */
  indexed: number;
  /** Stored mentions written again: edited, re-tagged, or the same URL from another source. */
  updated: number;
  unchanged: number;
  problems: number;
}

export function emptyTotals(): RunTotals {
  return { polls: 0, ok: 0, notModified: 0, failed: 0, fetched: 0, indexed: 0, updated: 0, unchanged: 0, problems: 0 };
}

/** Adds one poll's report to the totals. */
export function addUp(totals: RunTotals, report: PollReport): void {
  totals.polls++;
  if (report.outcome === 'ok') totals.ok++;
  else if (report.outcome === 'not-modified') totals.notModified++;
  else totals.failed++;
  totals.fetched += report.fetched;
  totals.indexed += report.created;
  totals.updated += report.indexed - report.created;
  totals.unchanged += report.unchanged;
  totals.problems += report.problems.length;
}

/** One line of totals for people; polls are counted apart from sources when a source was polled more than once. */
export function describeTotals(t: RunTotals, sources: number): string {
  const polled = t.polls === sources ? `${sources} source${sources === 1 ? '' : 's'} polled` : `${t.polls} poll${t.polls === 1 ? '' : 's'} of ${sources} source${sources === 1 ? '' : 's'}`;
  return `${polled} (${t.ok} ok, ${t.notModified} not modified, ${t.failed} failed): ` +
    `${t.fetched} items fetched, ${t.indexed} new mentions indexed, ${t.updated > 0 ? `${t.updated} updated, ` : ''}${t.unchanged} unchanged, ${t.problems} item problems`;
}

/** What ingestion drives: a pipeline built by the role's composition root (src/roles/). */
export interface IngestPipeline {
  readonly sources: readonly unknown[];
  readonly driver: {
    runOnce(): Promise<PollReport[]>;
    runForever(signal: AbortSignal): Promise<void>;
  };
  applyRetention(): Promise<number>;
  /** Alerts: per-mention rules run with each batch; windowed ones on `tick`; `flush` waits for delivery. */
  readonly alerts?: { tick(): Promise<unknown>; flush(): Promise<void> };
  /** True when a queue's scheduler evaluates the windowed rules (distributed mode): no timer here. */
  readonly windowedAlertsScheduled?: boolean;
}

/** Counts every poll of a run; pass `record` as the pipeline's `onReport`. */
export class RunCounter {
  readonly totals = emptyTotals();

  constructor(private readonly onReport: (report: PollReport, totals: RunTotals) => void = () => undefined) {}

  readonly record = (report: PollReport): void => {
    addUp(this.totals, report);
    this.onReport(report, this.totals);
  };
}

/** Polls every source once, applies retention, evaluates the windowed alert rules and waits for delivery. */
export async function ingestOnce(pipeline: IngestPipeline): Promise<void> {
  await pipeline.driver.runOnce();
  await pipeline.applyRetention();
  if (pipeline.alerts) {
    await pipeline.alerts.tick();
    await pipeline.alerts.flush();
  }
}

/**
 * Applies retention, then polls each source when due until `signal` aborts; retention runs again
 * every hour, the totals are logged every minute and windowed alert rules are evaluated every 30 s
 * (`alertsEveryMs`), whether or not a poll brought anything (unless a queue's scheduler does it:
 * `windowedAlertsScheduled`).
 */
export async function ingestUntilAborted(pipeline: IngestPipeline, signal: AbortSignal, deps: { logger: Logger; totals: RunTotals; alertsEveryMs?: number }): Promise<void> {
  const { logger } = deps;
  const alertsEveryMs = deps.alertsEveryMs ?? ALERTS_EVERY_MS;
  await pipeline.applyRetention();
  const totalsTimer = setInterval(() => logger.info({ ...deps.totals }, 'pipeline totals'), TOTALS_EVERY_MS);
  const retentionTimer = setInterval(() => {
    pipeline.applyRetention().catch((error: unknown) => logger.warn({ err: error }, 'retention failed; will try again in an hour'));
  }, RETENTION_EVERY_MS);
  const alerts = pipeline.windowedAlertsScheduled ? undefined : pipeline.alerts;
  let ticking = false;
  const alertsTimer = setInterval(() => {
    if (!alerts || ticking) return;
    ticking = true;
    alerts.tick().catch((error: unknown) => logger.warn({ err: error }, 'alert evaluation failed; will try again')).finally(() => (ticking = false));
  }, alertsEveryMs);
  try {
    await pipeline.driver.runForever(signal);
  } finally {
    clearInterval(totalsTimer);
    clearInterval(retentionTimer);
    clearInterval(alertsTimer);
  }
}

/** How many mentions the index holds (searchable now). */
export async function countMentions(index: MentionIndex): Promise<number> {
  return (await index.search({ query: null, sort: 'date', limit: 1 })).total;
}
