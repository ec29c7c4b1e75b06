import type { HubwatchConfig } from '../config/schema.js';
import { HubwatchError } from '../core/errors.js';
import type { MentionIndex } from '../index/mention-index.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { PollReport } from '../workers/poll-types.js';

/**
 * A stand-in for a part this process's roles do not include: any use is a permanent error naming
 * the role that has it (a job routed to the wrong process fails with that reason, never retried).
 */
export function missingInRole<T extends object>(what: string, role: string): T {
  return new Proxy({} as T, {
    get(_target, property) {
      if (property === 'then') return undefined;
      return () => {
        throw new HubwatchError(`${what} runs in processes with the ${role} role, not in this one`, { reason: 'wrong-role', retryable: false });
      };
    },
  });
}

/**
 * The index's upkeep, run at start and hourly: deletes mentions older than `index.retention` (none
 * when unset), then merges finished periods (`MentionIndex.compact`); returns how many mentions
 * were deleted.
 */
export function retentionOf(config: Pick<HubwatchConfig, 'index'>, index: MentionIndex, clock: Clock, logger: Logger): () => Promise<number> {
  return async () => {
    let deleted = 0;
    if (config.index.retention !== undefined) {
      deleted = await index.deleteOlderThan(new Date(clock().getTime() - config.index.retention * 1000));
      if (deleted > 0) logger.info({ deleted, retentionSeconds: config.index.retention }, 'retention applied');
    }
    await index.compact(clock());
    return deleted;
  };
}

/** Waits for the polls of one round: a report per source, in source order. */
export function pollCompletion(): {
  expect(sourceIds: readonly string[]): Promise<PollReport[]>;
  finished(report: PollReport): void;
} {
  let pending: { ids: string[]; reports: Map<string, PollReport>; resolve: (reports: PollReport[]) => void } | null = null;
  return {
    expect(sourceIds) {
      return new Promise((resolve) => {
        pending = { ids: [...sourceIds], reports: new Map(), resolve };
        if (sourceIds.length === 0) resolve([]);
      });
    },
    finished(report) {
      if (!pending || !pending.ids.includes(report.sourceId)) return;
      pending.reports.set(report.sourceId, report);
      if (pending.reports.size === pending.ids.length) {
        const { ids, reports, resolve } = pending;
        pending = null;
        resolve(ids.map((id) => reports.get(id)!));
      }
    },
  };
}
