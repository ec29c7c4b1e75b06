import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { FTS_TABLE_PREFIX, FTS_TABLE_SQL, ftsMonth, ftsTableSql, partitionListSql } from './fts-partitions.js';
import { FTS_WORKER_SOURCE } from './fts-worker-source.js';

/**
 * Changes to the full-text index (one table per month of `published`, see `fts-partitions.ts`),
 * applied in this order: months dropped, rowids deleted, rows inserted.
 */
export interface FtsBatch {
  /** Months whose whole table goes (retention). */
  drops: string[];
  /** `seq, month` pairs. */
  deletes: unknown[];
  /** `seq, month, title, body` quads. */
  inserts: unknown[];
  /** The `fts_pending` ids (first, last) this batch settles once committed, if any. */
  pending: [number, number] | null;
}

/** An empty batch. */
export function emptyFtsBatch(): FtsBatch {
  return { drops: [], deletes: [], inserts: [], pending: null };
}

/**
 * Writes the full-text index. `inline` writers apply a batch on the main connection, inside the
 * caller's transaction (the in-memory index); the threaded writer applies batches in a worker
 * thread on the second file, in order, while the main thread goes on with the next batch.
 */
export interface FtsWriter {
  readonly inline: boolean;
  /** Inline writers only: applies the batch now, on the main connection. */
  apply(batch: FtsBatch): void;
  /** Threaded writers only: queues the batch; resolves once no more than `depth` batches are in flight. */
  submit(batch: FtsBatch): Promise<void>;
  /**
   * Replays part of a `fts_pending` range: empties rowids `lo`.. and indexes the stored texts there,
   * up to `limit` rows. Resolves to the last seq covered (`hi` when the range is done), or null if
   * it failed (see `takeFailure`). `pending` is settled once the last chunk is committed.
   */
  replay(lo: number, hi: number, limit: number, pending: [number, number] | null): Promise<number | null>;
  /** Resolves when every queued batch has been committed or has failed. */
  idle(): Promise<void>;
  /** The first failure since the last call, if any (its batches were not applied). */
  takeFailure(): Error | null;
  /** `fts_pending` id ranges whose batches are committed, since the last call. */
  takeSettled(): [number, number][];
  /** After the caller's transaction rolled back: forgets what it may have undone (month tables created inline). */
  reset(): void;
  close(): Promise<void>;
}

/** Where a threaded writer's time goes, for benchmarks: which of the two threads is the bottleneck. */
export interface FtsWriterStats {
  /** Time the main thread waited in `submit` for the full-text thread. */
  waitedMs: number;
  /** Time the full-text thread spent applying batches. */
  busyMs: number;
}

/** Applies full-text batches on the main connection, to the `fts` schema attached to it. */
export class InlineFtsWriter implements FtsWriter {
  readonly inline = true;
  private readonly months = new Map<string, { deleteOne: Database.Statement; insert: Database.Statement }>();
  private readonly replayChunk: (lo: number, hi: number, limit: number) => number;
  private settled: [number, number][] = [];

  constructor(private readonly db: Database.Database) {
    const texts = db.prepare(
      'SELECT t.seq, m.published, t.title, t.body FROM mention_texts t JOIN mentions m ON m.seq = t.seq WHERE t.seq BETWEEN ? AND ? ORDER BY t.seq LIMIT ?',
    );
    const tables = db.prepare(partitionListSql('fts')).pluck();
    this.replayChunk = db.transaction((lo: number, hi: number, limit: number): number => {
      const rows = texts.all(lo, hi, limit) as { seq: number; published: number; title: string; body: string }[];
      const to = rows.length === limit ? (rows[rows.length - 1] as { seq: number }).seq : hi;
      for (const name of tables.all() as string[]) db.prepare(`DELETE FROM fts.${name} WHERE rowid BETWEEN ? AND ?`).run(lo, to);
      for (const row of rows) this.partition(ftsMonth(row.published)).insert.run(row.seq, row.title, row.body);
      return to;
    });
  }

  private partition(month: string): { deleteOne: Database.Statement; insert: Database.Statement } {
    let statements = this.months.get(month);
    if (!statements) {
      const name = `${FTS_TABLE_PREFIX}${month}`;
      this.db.exec(ftsTableSql(month, 'fts.'));
      statements = {
        deleteOne: this.db.prepare(`DELETE FROM fts.${name} WHERE rowid = ?`),
        insert: this.db.prepare(`INSERT INTO fts.${name} (rowid, title, body) VALUES (?, ?, ?)`),
      };
      this.months.set(month, statements);
    }
    return statements;
  }

  apply(batch: FtsBatch): void {
    for (const month of batch.drops) {
      this.months.delete(month);
      this.db.exec(`DROP TABLE IF EXISTS fts.${FTS_TABLE_PREFIX}${month}`);
    }
    const dropped = new Set(batch.drops);
    for (let i = 0; i < batch.deletes.length; i += 2) {
      const month = batch.deletes[i + 1] as string;
      if (!dropped.has(month)) this.partition(month).deleteOne.run(batch.deletes[i]);
    }
    for (let i = 0; i < batch.inserts.length; i += 4) {
      this.partition(batch.inserts[i + 1] as string).insert.run(batch.inserts[i], batch.inserts[i + 2], batch.inserts[i + 3]);
    }
  }

  submit(): Promise<void> {
    return Promise.reject(new Error('an inline full-text writer applies batches inside the caller transaction'));
  }

  replay(lo: number, hi: number, limit: number, pending: [number, number] | null): Promise<number | null> {
    let to: number;
    try {
      to = this.replayChunk(lo, hi, limit);
    } catch (error) {
      this.months.clear();
      throw error;
    }
    if (to === hi && pending) this.settled.push(pending);
    return Promise.resolve(to);
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
    this.months.clear();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Options of the threaded writer. */
export interface ThreadedFtsWriterOptions {
  /** The full-text database file. */
  path: string;
  /** The main database file (read by replays). */
  mainPath: string;
  busyTimeoutMs: number;
  walLimitBytes: number;
  maxPageCount: number | null;
  /** Batches allowed in flight before `submit` waits (1: the thread works on one while the next is built). */
  depth?: number;
}

type WorkerMessage =
  | { type: 'ready' | 'closed' }
  | { type: 'done'; id: number; busyMs: number; to?: number }
  | { type: 'failed'; id: number; code?: string; message: string };

/**
 * Applies full-text batches in a worker thread with its own connection to the full-text file, so
 * that FTS5 tokenising and segment writing (over half of an upsert's cost) run on another core.
 * The thread is started on first use and kept referenced only while batches are in flight.
 */
export class ThreadedFtsWriter implements FtsWriter {
  readonly inline = false;
  private worker: Worker | null = null;
  private readonly inFlight = new Map<number, [number, number] | null>();
  /** Replays in flight: what to settle when the range is done, and who awaits the answer. */
  private readonly replays = new Map<number, { hi: number; pending: [number, number] | null; answer: (to: number | null) => void }>();
  private nextId = 1;
  private waiters: (() => void)[] = [];
  private failure: Error | null = null;
  private settled: [number, number][] = [];
  private readonly depth: number;
  private readonly timings: FtsWriterStats = { waitedMs: 0, busyMs: 0 };

  constructor(private readonly options: ThreadedFtsWriterOptions) {
    this.depth = Math.max(1, options.depth ?? 1);
  }

  apply(): void {
    throw new Error('a threaded full-text writer applies batches in its thread');
  }

  private start(): Worker {
    const worker = new Worker(FTS_WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        path: this.options.path,
        mainPath: this.options.mainPath,
        tablePrefix: FTS_TABLE_PREFIX,
        tableSql: FTS_TABLE_SQL,
        listSql: partitionListSql('main'),
        busyTimeoutMs: this.options.busyTimeoutMs,
        walLimitBytes: this.options.walLimitBytes,
        maxPageCount: this.options.maxPageCount,
      },
    });
    worker.on('message', (message: WorkerMessage) => this.onMessage(message));
    worker.on('error', (error: Error) => this.lose(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.lose(new Error(`the full-text writer thread exited (code ${code})`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private onMessage(message: WorkerMessage): void {
    if (message.type === 'done') {
      const pending = this.inFlight.get(message.id);
      if (pending) this.settled.push(pending);
      this.inFlight.delete(message.id);
      this.timings.busyMs += message.busyMs;
      const replay = this.replays.get(message.id);
      if (replay) {
        this.replays.delete(message.id);
        if (message.to === replay.hi && replay.pending) this.settled.push(replay.pending);
        replay.answer(message.to ?? null);
      }
    } else if (message.type === 'failed') {
      this.failure ??= Object.assign(new Error(message.message), { code: message.code });
      this.inFlight.delete(message.id);
      this.replays.get(message.id)?.answer(null);
      this.replays.delete(message.id);
    } else {
      return;
    }
    this.notify();
  }

  /** The thread died: every batch in flight is lost (the pending table replays them). */
  private lose(error: Error): void {
    this.failure ??= error;
    this.inFlight.clear();
    for (const replay of this.replays.values()) replay.answer(null);
    this.replays.clear();
    this.worker = null;
    this.notify();
  }

  private notify(): void {
    if (this.inFlight.size === 0) this.worker?.unref();
    for (const wake of this.waiters.splice(0)) wake();
  }

  private changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async submit(batch: FtsBatch): Promise<void> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    this.inFlight.set(id, batch.pending);
    worker.ref();
    worker.postMessage({ type: 'batch', id, drops: batch.drops, deletes: batch.deletes, inserts: batch.inserts });
    if (this.inFlight.size <= this.depth) return;
    const started = performance.now();
    while (this.inFlight.size > this.depth) await this.changed();
    this.timings.waitedMs += performance.now() - started;
  }

  reset(): void {
    // The thread's own transactions are separate from the caller's.
  }

  stats(): FtsWriterStats {
    return { ...this.timings };
  }

  replay(lo: number, hi: number, limit: number, pending: [number, number] | null): Promise<number | null> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    this.inFlight.set(id, null);
    worker.ref();
    return new Promise((answer) => {
      this.replays.set(id, { hi, pending, answer });
      worker.postMessage({ type: 'replay', id, lo, hi, limit });
    });
  }

  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await this.changed();
  }

  takeFailure(): Error | null {
    const failure = this.failure;
    this.failure = null;
    return failure;
  }

  takeSettled(): [number, number][] {
    return this.settled.splice(0);
  }

  async close(): Promise<void> {
    await this.idle();
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    worker.ref();
    const closed = new Promise<void>((resolve) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'closed') resolve();
      });
      worker.on('exit', () => resolve());
    });
    worker.postMessage({ type: 'close' });
    await closed;
    await worker.terminate();
  }
}
