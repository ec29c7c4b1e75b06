import type { Logger } from '../platform/logger.js';
import { DueQueue } from './due-queue.js';
import { pollSource, type PollDeps, type PollReport, type SourceRuntime } from './poll-source.js';

export interface EmbeddedDriverOptions {
  /** Sources polled at once. */
  concurrency: number;
  /** Called after every poll (progress, logs, tests). */
  onReport?: (report: PollReport) => void;
  logger: Logger;
}

/**
 * The in-process driver: every stage in one process, sources polled with bounded concurrency at
 * the times the poll policy sets. It only moves work; the stage code is `pollSource`.
 */
export class EmbeddedDriver {
  constructor(
    private readonly sources: readonly SourceRuntime[],
    private readonly deps: PollDeps,
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
    const now = this.deps.now().getTime();
    for (const source of this.sources) {
      const state = await this.deps.state.get(source.definition.id);
      const due = state.nextPollAt ? Date.parse(state.nextPollAt) : now;
      queue.push(Math.max(now, Number.isFinite(due) ? due : now), source);
    }
    const active = new Set<Promise<void>>();
    let wake: (() => void) | null = null;
    const onAbort = (): void => wake?.();
    signal.addEventListener('abort', onAbort);
    try {
      while (!signal.aborted) {
        while (active.size < this.options.concurrency && queue.peekTime() <= this.deps.now().getTime()) {
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
        const delay = active.size >= this.options.concurrency ? 60_000 : Math.min(60_000, Math.max(0, queue.peekTime() - this.deps.now().getTime()));
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
    let report: PollReport;
    try {
      report = await pollSource(source, this.deps);
    } catch (error) {
      // pollSource records source faults itself; what reaches here is a state-store fault.
      this.options.logger.error({ err: error, sourceId: source.definition.id }, 'poll crashed');
      report = {
        sourceId: source.definition.id, outcome: 'error', fetched: 0, fresh: 0, indexed: 0, unchanged: 0, failed: 0,
        problems: [], error: error instanceof Error ? error.message : String(error),
        nextPollAt: new Date(this.deps.now().getTime() + source.bounds.initial * 1000).toISOString(),
      };
    }
    this.options.onReport?.(report);
    return report;
  }
}
