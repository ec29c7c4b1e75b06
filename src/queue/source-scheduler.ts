import type { Queue } from 'bullmq';
import type { Logger } from '../platform/logger.js';
import { JOBS } from '../workers/job-catalog.js';
import { jobOptions } from './job-options.js';
import { redisTimeout, withDeadline } from './redis-connection.js';

/** When a source should be polled: its interval and, if known, its next poll time. */
export interface SourceSchedule {
  sourceId: string;
  intervalSeconds: number;
  /** ISO time; null or past = now. */
  nextPollAt: string | null;
}

const MIN_EVERY_MS = 1_000;

/**
 * One BullMQ job scheduler per source on the fetch queue, named by the source id: however many
 * processes upsert it, Redis holds one, so a source is never polled twice at once. After each poll
 * its `every` follows the adaptive interval and its next run is the poll policy's `nextPollAt`.
 */
export class SourceScheduler {
  constructor(
    private readonly fetchQueue: Queue,
    private readonly options: { logger: Logger; timeoutMs: number; redisUrl: string; now?: () => number },
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Upserts a scheduler per source and removes those of sources no longer configured. */
  async sync(schedules: readonly SourceSchedule[]): Promise<{ upserted: number; removed: string[] }> {
    const wanted = new Set(schedules.map((s) => s.sourceId));
    const removed: string[] = [];
    for (const existing of await this.deadline(this.fetchQueue.getJobSchedulers(0, -1), 'cannot list the poll schedules')) {
      const id = existing.key;
      if (!wanted.has(id) && existing.name === JOBS.fetchSource.name) {
        await this.deadline(this.fetchQueue.removeJobScheduler(id), 'cannot remove a poll schedule');
        // Its pending poll goes too (one already running finishes; a removed source's job fails as unknown).
        if (existing.next !== undefined) await this.deadline(this.fetchQueue.remove(`repeat:${id}:${existing.next}`), 'cannot remove a pending poll');
        removed.push(id);
      }
    }
    for (const schedule of schedules) await this.upsert(schedule);
    if (removed.length > 0) this.options.logger.info({ removed }, 'removed the poll schedules of sources no longer configured');
    return { upserted: schedules.length, removed };
  }

  /** Moves a source's next poll to `nextPollAt` with the interval from now to then. */
  async reschedule(sourceId: string, nextPollAt: string): Promise<void> {
    const at = Date.parse(nextPollAt);
    if (!Number.isFinite(at)) return;
    await this.upsert({ sourceId, intervalSeconds: Math.max(MIN_EVERY_MS, at - this.now()) / 1000, nextPollAt });
  }

  private async upsert(schedule: SourceSchedule): Promise<void> {
    const every = Math.max(MIN_EVERY_MS, Math.round(schedule.intervalSeconds) * 1000);
    const next = schedule.nextPollAt ? Date.parse(schedule.nextPollAt) : NaN;
    // A changed `every` restarts the schedule at `startDate` (else BullMQ would run it at once).
    const startDate = Number.isFinite(next) && next > this.now() ? next : this.now();
    await this.deadline(
      this.fetchQueue.upsertJobScheduler(schedule.sourceId, { every, startDate }, {
        name: JOBS.fetchSource.name,
        data: { sourceId: schedule.sourceId },
        opts: jobOptions(JOBS.fetchSource),
      }),
      'cannot schedule a source',
    );
  }

  private deadline<T>(work: Promise<T>, what: string): Promise<T> {
    return withDeadline(work, this.options.timeoutMs, () => redisTimeout(what, this.options.redisUrl, this.options.timeoutMs));
  }
}
