import { Worker } from 'node:worker_threads';
import { IndexError, UserInputError } from '../../core/errors.js';
import type { Mention } from '../../core/mention.js';
import { threadModule } from '../../platform/threads/thread-module.js';
import type {
  AggregationScope,
  HistogramBucket,
  HistogramRequest,
  MentionIndex,
  SearchPage,
  SearchRequest,
  SentimentBucket,
  SignatureRecord,
  StoryBucket,
  StoryMembers,
  TermBucket,
  TermDimension,
  UpsertOutcome,
} from '../mention-index.js';
import { ftsPathFor } from './fts-file.js';
import type { PooledReads, ReadMethod, ReadWorkerData, ReadWorkerReply, ReadWorkerRequest } from './read-pool-protocol.js';
import type { SqliteMentionIndex } from './sqlite-index.js';

interface Thread {
  worker: Worker;
  /** Reads answered so far. */
  answered: number;
  /** The thread has exited (it takes no more reads). */
  dead: boolean;
  /** Reads sent and not answered, by id. */
  waiting: Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>;
}

/** A read waiting in the pool for a thread. */
interface Queued {
  id: number;
  method: ReadMethod;
  request: PooledReads[ReadMethod];
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * Reads a thread is given before it answers one: the second spares it the wait for the next to
 * come back through this thread; more would wait behind a slow read there while another thread
 * could take them.
 */
export const READS_SENT_PER_THREAD = 2;

/** Options of the read pool. */
export interface SqliteReadPoolOptions {
  /** The index file the wrapped index opened (not `:memory:`: threads need a file). */
  path: string;
  /** Read threads (each with its own connection). */
  threads: number;
  busyTimeoutMs?: number;
}

/**
 * The SQLite index with its searches and aggregations answered by a pool of worker threads, each
 * with its own read-only connection, so concurrent requests use every core while the calling
 * thread only waits (better-sqlite3 is synchronous: on one connection, reads queue). Writes, `get`,
 * `story`, scans and signatures stay with the wrapped index. Before each pooled read the wrapped
 * index's own writes are flushed to the full-text file, so a read sees them as it would there.
 * Reads wait in one queue here and go, in order, to the thread with the fewest in flight once it
 * has fewer than `READS_SENT_PER_THREAD`: sent at once to the thread with the fewest, twenty
 * concurrent searches queued ten to a thread, and one slow search held up the nine behind it
 * while the other thread ran dry.
 */
export class SqliteReadPool implements MentionIndex {
  private readonly threads: Thread[];
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly queued: Queued[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly inner: SqliteMentionIndex, options: SqliteReadPoolOptions) {
    if (options.path === ':memory:') throw new Error('a read pool needs an index file, not :memory:');
    const data: ReadWorkerData = { path: options.path, ftsPath: ftsPathFor(options.path), busyTimeoutMs: options.busyTimeoutMs ?? 5000 };
    this.threads = Array.from({ length: Math.max(1, Math.floor(options.threads)) }, (_, slot) => this.start(data, slot));
  }

  /**
   * Starts the thread of `slot`. One that exits while the pool is open fails its reads (retryable)
   * and, if it had answered reads before, is started again; one that never answered (it could not
   * open the file) stays down, so that a broken file does not restart threads in a loop.
   */
  private start(data: ReadWorkerData, slot: number): Thread {
    const { filename, workerData } = threadModule(import.meta.url, 'sqlite-read-worker', data);
    const thread: Thread = { worker: new Worker(filename, { workerData }), answered: 0, dead: false, waiting: new Map() };
    thread.worker.on('message', (reply: ReadWorkerReply) => {
      const waiter = thread.waiting.get(reply.id);
      if (!waiter) return;
      thread.waiting.delete(reply.id);
      thread.answered += 1;
      this.send();
      if (reply.ok) waiter.resolve(reply.value);
      else if (reply.error.userInput) waiter.reject(new UserInputError(reply.error.message, reply.error.reason, reply.error.position));
      else waiter.reject(new IndexError(reply.error.message, { reason: reply.error.reason, retryable: reply.error.retryable }));
    });
    const fail = (error: Error): void => {
      for (const waiter of thread.waiting.values()) waiter.reject(new IndexError(`sqlite index: a read thread failed: ${error.message}`, { reason: 'read-thread', retryable: true, cause: error }));
      thread.waiting.clear();
    };
    thread.worker.on('error', fail);
    thread.worker.on('exit', (code) => {
      thread.dead = true;
      fail(new Error(`exited (code ${code})`));
      if (!this.closed && thread.answered > 0 && this.threads[slot] === thread) this.threads[slot] = this.start(data, slot);
      this.send();
    });
    return thread;
  }

  private async read<M extends ReadMethod, T>(method: M, request: PooledReads[M]): Promise<T> {
    if (this.closed) throw new IndexError(`sqlite index: ${method} failed: the index is closed`, { reason: 'closed', retryable: false });
    // Counted from the call, so that a close called meanwhile waits for it.
    const answer = this.dispatch<M, T>(method, request);
    this.inFlight.add(answer);
    try {
      return await answer;
    } finally {
      this.inFlight.delete(answer);
    }
  }

  private async dispatch<M extends ReadMethod, T>(method: M, request: PooledReads[M]): Promise<T> {
    await this.inner.flush();
    if (!this.threads.some((thread) => !thread.dead)) throw noThread(method);
    return new Promise<T>((resolve, reject) => {
      this.queued.push({ id: this.nextId++, method, request, resolve: resolve as (value: unknown) => void, reject });
      this.send();
    });
  }

  /** Sends queued reads, oldest first, to the threads with room for them. */
  private send(): void {
    while (this.queued.length > 0) {
      const live = this.threads.filter((candidate) => !candidate.dead);
      if (live.length === 0) {
        for (const read of this.queued.splice(0)) read.reject(noThread(read.method));
        return;
      }
      const thread = live.reduce((best, candidate) => (candidate.waiting.size < best.waiting.size ? candidate : best));
      if (thread.waiting.size >= READS_SENT_PER_THREAD) return;
      const { id, method, request, resolve, reject } = this.queued.shift()!;
      thread.waiting.set(id, { resolve, reject });
      thread.worker.postMessage({ type: 'read', id, method, request } satisfies ReadWorkerRequest);
    }
  }

  /** Reads each thread has answered (benchmarks, tests). */
  readsPerThread(): number[] {
    return this.threads.map((thread) => thread.answered);
  }

  search(request: SearchRequest): Promise<SearchPage> {
    return this.read('search', request);
  }

  histogram(request: HistogramRequest): Promise<HistogramBucket[]> {
    return this.read('histogram', request);
  }

  topTerms(request: AggregationScope & { dimension: TermDimension; size: number }): Promise<TermBucket[]> {
    return this.read('topTerms', request);
  }

  shareOfVoice(request: AggregationScope & { brands?: string[] }): Promise<TermBucket[]> {
    return this.read('shareOfVoice', request);
  }

  sentimentOverTime(request: HistogramRequest): Promise<SentimentBucket[]> {
    return this.read('sentimentOverTime', request);
  }

  topStories(request: AggregationScope & { size: number }): Promise<StoryBucket[]> {
    return this.read('topStories', request);
  }

  upsert(mentions: readonly Mention[]): Promise<UpsertOutcome[]> {
    return this.inner.upsert(mentions);
  }

  get(id: string): Promise<Mention | null> {
    return this.inner.get(id);
  }

  story(storyId: string, limit: number): Promise<StoryMembers> {
    return this.inner.story(storyId, limit);
  }

  scan(request: AggregationScope & { batchSize?: number }): AsyncIterable<Mention[]> {
    return this.inner.scan(request);
  }

  signaturesSince(since: Date): AsyncIterable<SignatureRecord> {
    return this.inner.signaturesSince(since);
  }

  deleteOlderThan(before: Date): Promise<number> {
    return this.inner.deleteOlderThan(before);
  }

  compact(now: Date): Promise<number> {
    return this.inner.compact(now);
  }

  /** Waits for the reads in flight, stops the threads (each closes its connection), then closes the wrapped index. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
    await Promise.all(
      this.threads.filter((thread) => !thread.dead).map(({ worker }) => {
        const exited = new Promise<void>((done) => worker.once('exit', () => done()));
        worker.postMessage({ type: 'close' } satisfies ReadWorkerRequest);
        return exited;
      }),
    );
    await this.inner.close();
  }
}

function noThread(method: string): IndexError {
  return new IndexError(`sqlite index: ${method} failed: no read thread is running (they could not open the file)`, { reason: 'read-thread', retryable: false });
}
