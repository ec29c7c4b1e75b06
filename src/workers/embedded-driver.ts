import type { Logger } from '../platform/logger.js';
import { DueQueue } from './due-queue.js';
import type { InProcessJobRunner, JobOutcome } from './in-process-job-runner.js';
import { emptyReport, type PollReport, type SourceRuntime } from './poll-types.js';

export interface EmbeddedDriverOptions {
  /** Sources polled at once. */
  concurrency: number;
  /** Called after every poll (progress, logs, tests). */
  onReport?: (report: PollReport) => void;
  logger: Logger;
  now: () => Date;
}

/** The poll's report in a chain of job outcomes: the last stage that finished the poll. */
function reportOf(outcomes: readonly JobOutcome[]): PollReport | null {
  for (let i = outcomes.length - 1; i >= 0; i -= 1) {
    const outcome = outcomes[i]!;
    if (!outcome.ok) continue;
    if (outcome.key === 'indexBatch') return outcome.result;
    if (outcome.key === 'fetchSource' && outcome.result.kind === 'done') return outcome.result.report;
  }
  return null;
}

/**
 * The in-process driver: every stage in one process, sources polled with bounded concurrency at
 * the times the poll policy sets. It only decides when; what runs is the job catalog, through the
 * in-process job runner (a poll is `fetch-source` and the jobs that follow it).
 */
export class EmbeddedDriver {
  constructor(
    private readonly sources: readonly SourceRuntime[],
    private readonly runner: InProcessJobRunner,
    private readonly nextPollOf: (sourceId: string) => Promise<string | null>,
    private readonly options: EmbeddedDriverOptions,
  ) {}

  /** Polls every source once (bounded concurrency) and returns the reports in source order. */
  async runOnce(): Promise<PollReport[]> {
    const reports: PollReport[] = new Array<PollReport>(this.sources.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < this.sources.length) {
        const index = next++;
        reports[index] = await this.poll(this.sources[index]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, this.sources.length) }, worker));
    return reports;
  }

  /** Polls each source when it is due, until `signal` aborts; waits for polls under way to finish. */
  async runForever(signal: AbortSignal): Promise<void> {
    const queue = new DueQueue<SourceRuntime>();
    const now = this.options.now().getTime();
    for (const source of this.sources) {
      const nextPollAt = await this.nextPollOf(source.definition.id);
      const due = nextPollAt ? Date.parse(nextPollAt) : now;
      queue.push(Math.max(now, Number.isFinite(due) ? due : now), source);
    }
    const active = new Set<Promise<void>>();
    let wake: (() => void) | null = null;
    const onAbort = (): void => wake?.();
    signal.addEventListener('abort', onAbort);
    try {
      while (!signal.aborted) {
        while (active.size < this.options.concurrency && queue.peekTime() <= this.options.now().getTime()) {
          const source = queue.pop()!;
          const task = this.poll(source).then((report) => {
            queue.push(Date.parse(report.nextPollAt), source);
          });
          const tracked: Promise<void> = task.finally(() => {
            active.delete(tracked);
            wake?.();
          });
          active.add(tracked);
        }
        const delay = active.size >= this.options.concurrency ? 60_000 : Math.min(60_000, Math.max(0, queue.peekTime() - this.options.now().getTime()));
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
      await Promise.all(active);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  private async poll(source: SourceRuntime): Promise<PollReport> {
    const outcomes = await this.runner.run({ key: 'fetchSource', payload: { sourceId: source.definition.id } });
    let report = reportOf(outcomes);
    if (!report) {
      // The stages record source faults themselves; what reaches here failed every try (a
      // state-store fault): report it and try the source again after its usual interval.
      const failed = outcomes.find((outcome) => !outcome.ok);
      const error = failed && !failed.ok ? failed.error : new Error('poll ended without a report');
      report = {
        ...emptyReport(source.definition.id),
        outcome: 'error',
        error: error instanceof Error ? error.message : String(error),
        nextPollAt: new Date(this.options.now().getTime() + source.bounds.initial * 1000).toISOString(),
      };
    }
    this.options.onReport?.(report);
    return report;
  }
}
