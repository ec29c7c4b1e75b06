import { Worker } from 'node:worker_threads';
import { threadModule } from '../../platform/threads/thread-module.js';
import type { FtsWorkerData, FtsWorkerMessage, FtsWorkerRequest } from './fts-worker-protocol.js';
import type { FtsBatch, FtsWriter, FtsWriterStats } from './fts-writer.js';

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

/** Starts the thread on `fts-worker`, beside this file (compiled or from the sources: see `threadModule`). */
function startFtsWorker(data: FtsWorkerData): Worker {
  const { filename, workerData } = threadModule(import.meta.url, 'fts-worker', data);
  return new Worker(filename, { workerData });
}

/**
 * Applies full-text batches in a worker thread with its own connection to the full-text file, so
 * that FTS5 tokenising and segment writing (over half of an upsert's cost) run on another core.
 * The thread is started on first use and kept referenced only while batches are in flight.
 */
export class ThreadedFtsWriter implements FtsWriter {
  private worker: Worker | null = null;
  private readonly inFlight = new Map<number, [number, number] | null>();
  /** Replays in flight: what to settle when the range is done, and who awaits the answer. */
  private readonly replays = new Map<number, { hi: number; pending: [number, number] | null; answer: (to: number | null) => void }>();
  private readonly merges = new Map<number, { resolve: (merged: string[]) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private waiters: (() => void)[] = [];
  private failure: Error | null = null;
  private settled: [number, number][] = [];
  private readonly depth: number;
  private readonly timings: FtsWriterStats = { waitedMs: 0, busyMs: 0 };

  constructor(private readonly options: ThreadedFtsWriterOptions) {
    this.depth = Math.max(1, options.depth ?? 1);
  }

  stage(batch: FtsBatch, listPending: () => [number, number] | null): FtsBatch {
    batch.pending = listPending();
    return batch;
  }

  private start(): Worker {
    const worker = startFtsWorker({
      path: this.options.path,
      mainPath: this.options.mainPath,
      busyTimeoutMs: this.options.busyTimeoutMs,
      walLimitBytes: this.options.walLimitBytes,
      maxPageCount: this.options.maxPageCount,
    });
    worker.on('message', (message: FtsWorkerMessage) => this.onMessage(message));
    worker.on('error', (error: Error) => this.lose(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.lose(new Error(`the full-text writer thread exited (code ${code})`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private onMessage(message: FtsWorkerMessage): void {
    if (message.type === 'done') {
      const pending = this.inFlight.get(message.id);
      if (pending) this.settled.push(pending);
      this.inFlight.delete(message.id);
      this.timings.busyMs += message.busyMs;
      this.merges.get(message.id)?.resolve(message.merged ?? []);
      this.merges.delete(message.id);
      const replay = this.replays.get(message.id);
      if (replay) {
        this.replays.delete(message.id);
        if (message.to === replay.hi && replay.pending) this.settled.push(replay.pending);
        replay.answer(message.to ?? null);
      }
    } else if (message.type === 'failed') {
      const error = Object.assign(new Error(message.message), { code: message.code });
      const merge = this.merges.get(message.id);
      this.merges.delete(message.id);
      // A failed merge leaves the index as it was: it is no failure of the batches.
      if (merge) merge.reject(error);
      else this.failure ??= error;
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
    for (const merge of this.merges.values()) merge.reject(error);
    this.merges.clear();
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
    post(worker, { type: 'batch', id, drops: batch.drops, deletes: batch.deletes, inserts: batch.inserts });
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
      post(worker, { type: 'replay', id, lo, hi, limit });
    });
  }

  merge(months: readonly string[]): Promise<string[]> {
    if (months.length === 0) return Promise.resolve([]);
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    this.inFlight.set(id, null);
    worker.ref();
    return new Promise((resolve, reject) => {
      this.merges.set(id, { resolve, reject });
      post(worker, { type: 'merge', id, months: [...months] });
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
      worker.on('message', (message: FtsWorkerMessage) => {
        if (message.type === 'closed') resolve();
      });
      worker.on('exit', () => resolve());
    });
    post(worker, { type: 'close' });
    await closed;
    await worker.terminate();
  }
}

function post(worker: Worker, request: FtsWorkerRequest): void {
  worker.postMessage(request);
}
