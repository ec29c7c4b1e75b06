import type Database from 'better-sqlite3';
import { createFtsApplier, type FtsApplier, REPLAY_TEXTS_SQL } from './fts-applier.js';
import type { FtsBatch, FtsWriter } from './fts-writer.js';

/** Applies full-text batches on the main connection, to the `fts` schema attached to it. */
export class InlineFtsWriter implements FtsWriter {
  private readonly applier: FtsApplier;
  private readonly replayChunk: (lo: number, hi: number, limit: number) => number;
  private settled: [number, number][] = [];

  constructor(db: Database.Database) {
    const texts = db.prepare(REPLAY_TEXTS_SQL);
    this.applier = createFtsApplier(db, { schema: 'fts', texts: () => texts });
    this.replayChunk = db.transaction((lo: number, hi: number, limit: number) => this.applier.replay(lo, hi, limit));
  }

  stage(batch: FtsBatch): null {
    this.applier.apply(batch);
    return null;
  }

  submit(): Promise<void> {
    return Promise.reject(new Error('an inline full-text writer applies batches when they are staged'));
  }

  replay(lo: number, hi: number, limit: number, pending: [number, number] | null): Promise<number | null> {
    let to: number;
    try {
      to = this.replayChunk(lo, hi, limit);
    } catch (error) {
      this.applier.forget();
      throw error;
    }
    if (to === hi && pending) this.settled.push(pending);
    return Promise.resolve(to);
  }

  merge(months: readonly string[]): Promise<string[]> {
    try {
      return Promise.resolve(this.applier.merge(months));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  idle(): Promise<void> {
    return Promise.resolve();
  }

  takeFailure(): Error | null {
    return null;
  }

  takeSettled(): [number, number][] {
    return this.settled.splice(0);
  }

  reset(): void {
    this.applier.forget();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
