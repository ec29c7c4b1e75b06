import type Database from 'better-sqlite3';
import type { Logger } from '../../platform/logger.js';
import type { FtsWriter } from './fts-writer.js';
import { toIndexError } from './sqlite-errors.js';

/** Rows per full-text batch when replaying `fts_pending` (a rebuild replays every mention). */
const REPLAY_CHUNK = 10_000;

/**
 * Keeps the full-text file whole: `fts_pending` (in the main file) lists the seq ranges it may
 * lack; this replays them at open (which is also how a missing file is rebuilt) and after a failed
 * full-text write, and settles them once the full-text file has committed them.
 */
export class FtsRecovery {
  private readonly settlePending: Database.Statement;
  private readonly addPending: Database.Statement;
  /** The replay of `fts_pending` in progress (started at open, and after a full-text failure). */
  private replaying: Promise<void> = Promise.resolve();
  /** The full-text file lacks batches that failed: replay `fts_pending` before going on. */
  private behind = false;

  constructor(
    private readonly db: Database.Database,
    private readonly fts: FtsWriter,
    private readonly logger: Logger,
  ) {
    this.settlePending = db.prepare('DELETE FROM fts_pending WHERE id BETWEEN ? AND ?');
    this.addPending = db.prepare('INSERT INTO fts_pending (lo, hi) VALUES (?, ?)');
  }

  /** Starts replaying what `fts_pending` lists (at open); the next operation awaits it. */
  start(): void {
    this.replaying = this.replayPending();
    // Awaited by the next operation; marked handled so that a failure is not an unhandled rejection meanwhile.
    this.replaying.catch(() => undefined);
  }

  /** Adds rows to `fts_pending` (in the caller's transaction) and returns their id range. */
  listPending(ranges: readonly [number, number][]): [number, number] | null {
    let first: number | null = null;
    let last = 0;
    for (const [lo, hi] of ranges) {
      last = Number(this.addPending.run(lo, hi).lastInsertRowid);
      first ??= last;
    }
    return first === null ? null : [first, last];
  }

  /** Deletes the `fts_pending` rows of batches the full-text file has committed (in the caller's transaction). */
  settle(): void {
    for (const [first, last] of this.fts.takeSettled()) this.settlePending.run(first, last);
  }

  /**
   * If the full-text file failed a batch, replays what it lacks; while that fails too, the caller
   * gets the (retryable) error, and the next call tries again.
   */
  async recover(action: string): Promise<void> {
    await this.awaitReplay(action);
    if (this.fts.takeFailure()) {
      if (!this.behind) this.logger.warn({ action }, 'a full-text batch failed; replaying what the full-text file lacks');
      this.behind = true;
    }
    if (!this.behind) return;
    await this.fts.idle();
    this.fts.takeFailure();
    this.start();
    await this.awaitReplay(action);
    const again = this.fts.takeFailure();
    if (again) throw toIndexError(again, `${action} (full-text index)`);
    this.behind = false;
  }

  /** Before reading: waits until the full-text file holds every write of this index. */
  async current(action: string): Promise<void> {
    await this.recover(action);
    await this.fts.idle();
    await this.recover(action);
  }

  /** At close: lets a replay in progress end (what it leaves is replayed at the next open). */
  async stop(): Promise<void> {
    try {
      await this.replaying;
    } catch {
      // Replayed again at the next open.
    }
  }

  /**
   * Replays `fts_pending` into the full-text file: each range is emptied and its stored mentions
   * indexed again, so a replay is idempotent (after a crash between the two files' commits, a
   * failed full-text write, or a rebuild).
   */
  private async replayPending(): Promise<void> {
    const ranges = this.db.prepare('SELECT id, lo, hi FROM fts_pending ORDER BY id').all() as { id: number; lo: number; hi: number }[];
    if (ranges.length === 0) return;
    const total = ranges.reduce((sum, r) => sum + r.hi - r.lo + 1, 0);
    let replayed = 0;
    let logged = Date.now();
    const started = logged;
    for (const range of ranges) {
      let from = range.lo;
      while (from <= range.hi) {
        const to = await this.fts.replay(from, range.hi, REPLAY_CHUNK, [range.id, range.id]);
        if (to === null) return; // the failure is the writer's; the next operation retries
        replayed += to - from + 1;
        from = to + 1;
        if (Date.now() - logged > 5000 && replayed < total) {
          logged = Date.now();
          this.logger.info({ replayed, of: total, seconds: Math.round((logged - started) / 1000) }, 'indexing stored mentions into the full-text file');
        }
      }
    }
    if (total > REPLAY_CHUNK) this.logger.info({ ranges: ranges.length, seqs: total, seconds: Math.round((Date.now() - started) / 1000) }, 'full-text index caught up');
    try {
      this.db.transaction(() => this.settle()).immediate();
    } catch {
      // Another process holds the main file: the ranges stay listed and are replayed (idempotently) again.
    }
  }

  private async awaitReplay(action: string): Promise<void> {
    try {
      await this.replaying;
    } catch (error) {
      this.behind = true;
      throw toIndexError(error, `${action} (full-text replay)`);
    }
  }
}
