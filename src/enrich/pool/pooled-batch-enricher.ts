import { Piscina } from 'piscina';
import type { FeedDocumentParser } from '../../connectors/connector.js';
import { feedFromAnswer } from '../../connectors/rss/threaded-feed-parse.js';
import { EnrichmentError } from '../../core/errors.js';
import type { NormaliseSource } from '../../core/normalise-items.js';
import { threadModule, type ThreadModule } from '../../platform/threads/thread-module.js';
import type { AheadInput, BatchEnricher } from '../batch-enricher.js';
import type { EnricherOptions } from '../create-enricher.js';
import type { EnrichInput, Enrichment } from '../enricher.js';
import type { Watchlist } from '../../config/watchlist.js';
import type { EnrichWorkerData } from './enrich-worker-data.js';
import type { ParseEnrichAnswer, ParseEnrichTask } from './parse-enrich-task.js';

/** Options of the pool. */
export interface PoolOptions {
  /** Worker threads (at least 1). */
  threads: number;
  /**
   * Items per task at most. A batch is cut into one chunk per thread, no larger than this, so one
   * large batch keeps every thread busy and several batches interleave. Default 64.
   */
  maxChunk?: number;
  /**
   * The source state file (SQLite, WAL) that lists each source's delivered ids: given, a poll's
   * parse task (`parseFeedFor`) also enriches the items not delivered yet, on the same thread.
   */
  seenFile?: string;
}

/** A batch enricher on threads, which can be waited on until every thread has loaded, and which parses feed documents on the same threads. */
export interface PooledBatchEnricher extends BatchEnricher {
  /** `parseFeedDocument` on one of the threads (the module's `parseFeed` export), for the fetch stage. */
  parseFeed: FeedDocumentParser;
  /**
   * `parseFeed` for one poll: the thread also normalises the items for `source` at `now`, and the
   * poll's `normaliseOutcome` takes that result instead of normalising on this thread; with
   * `enrichFresh` and a `seenFile`, it enriches the items the source has not delivered yet too.
   */
  parseFeedFor(source: NormaliseSource, now: Date, options?: { enrichFresh?: boolean }): FeedDocumentParser;
  /** See `BatchEnricher.enrichedAhead`: made by `parseFeedFor` with `enrichFresh` when the pool was given `seenFile`. */
  enrichedAhead(sourceId: string, items: readonly AheadInput[]): (Enrichment | undefined)[];
  /**
   * Resolves once every thread has loaded its module (models, lexicons, the compiled watchlist),
   * so that loading happens at start and not in the first batches; rejects with an
   * `EnrichmentError` when a thread cannot load.
   */
  ready(): Promise<void>;
}

/**
 * A batch enricher over a piscina pool of worker threads started on `module`, whose default export
 * enriches a chunk (`EnrichInput[]` → `Enrichment[]`). Only the plain inputs cross (title, text,
 * language hint) and plain results come back. A task that throws, or a thread that dies (piscina
 * starts another), fails its batch with an `EnrichmentError`; the pool goes on with the next.
 */
export function createPooledBatchEnricher<T>(module: ThreadModule<T>, options: PoolOptions): PooledBatchEnricher {
  const threads = Math.max(1, Math.floor(options.threads));
  const maxChunk = Math.max(1, options.maxChunk ?? 64);
  const pool = new Piscina({ filename: module.filename, workerData: module.workerData, minThreads: threads, maxThreads: threads, idleTimeout: 2 ** 31 - 1 });
  // A thread's error reaches the task it fails (and `ready`); piscina also emits it on the pool, where unheard it would end the process.
  pool.on('error', () => undefined);
  // Settles after the last batch submitted: each batch resolves after the one before it.
  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;

  const run = async (inputs: readonly EnrichInput[]): Promise<Enrichment[]> => {
    if (inputs.length === 0) return [];
    const size = Math.min(maxChunk, Math.ceil(inputs.length / threads));
    const chunks: EnrichInput[][] = [];
    for (let at = 0; at < inputs.length; at += size) {
      chunks.push(inputs.slice(at, at + size).map(({ title, text, languageHint, language }) => ({ title, text, languageHint, language })));
    }
    try {
      const results = await Promise.all(chunks.map((chunk) => pool.run(chunk) as Promise<Enrichment[]>));
      return results.flat();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new EnrichmentError(`enrichment of a batch of ${inputs.length} items failed in a worker thread: ${message}`, {
        reason: 'enrich-failed',
        retryable: true,
        cause: error,
      });
    }
  };

  // Each source's latest poll's enrichments done with its parsing, by mention id, with what they were made from, until its batch takes them.
  const ahead = new Map<string, Map<string, { input: AheadInput; enrichment: Enrichment }>>();

  const parse = async (task: ParseEnrichTask) => {
    if (closed) throw new EnrichmentError('the enrichment pool is closed', { reason: 'enrich-closed', retryable: false });
    const answer = (await pool.run(task, { name: 'parseFeed' })) as ParseEnrichAnswer;
    if (task.normalise) ahead.delete(task.normalise.source.id);
    if (answer.ok && answer.normalised && answer.enrichments && task.normalise) {
      const byId = new Map<string, { input: AheadInput; enrichment: Enrichment }>();
      answer.normalised.items.forEach((item, i) => {
        const enrichment = answer.enrichments![i];
        if (enrichment) byId.set(item.id, { input: item, enrichment });
      });
      ahead.set(task.normalise.source.id, byId);
    }
    return feedFromAnswer(answer, task);
  };

  return {
    parseFeed: (text, options) => parse({ text, feedUrl: options.feedUrl, where: options.where }),
    parseFeedFor(source, now, poll = {}) {
      // Only the fields normalisation reads cross: a source's options may hold anything.
      const normalise = { source: { id: source.id, name: source.name, channel: source.channel, url: source.url }, now: now.getTime() };
      const enrichFresh = poll.enrichFresh && options.seenFile ? { seenFile: options.seenFile } : undefined;
      return (text, options) => parse({ text, feedUrl: options.feedUrl, where: options.where, normalise, ...(enrichFresh ? { enrichFresh } : {}) });
    },
    enrichedAhead(sourceId, items) {
      const byId = ahead.get(sourceId);
      if (!byId) return items.map(() => undefined);
      ahead.delete(sourceId);
      // Only for the very text it was made from (enrichment reads nothing else).
      return items.map((item) => {
        const made = byId.get(item.id);
        const same = made && made.input.title === item.title && made.input.text === item.text && made.input.languageHint === item.languageHint;
        return same ? made.enrichment : undefined;
      });
    },
    async ready() {
      // Piscina loads a thread's module with its first task; one empty task a thread, at once, reaches each.
      try {
        await Promise.all(Array.from({ length: threads }, () => pool.run([])));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new EnrichmentError(`the enrichment threads could not start: ${message}`, { reason: 'enrich-failed', retryable: false, cause: error });
      }
    },
    enrichBatch(inputs) {
      if (closed) return Promise.reject(new EnrichmentError('the enrichment pool is closed', { reason: 'enrich-closed', retryable: false }));
      const previous = tail;
      const ordered = run(inputs).then(
        (enrichments) => previous.then(() => enrichments),
        (error: unknown) => previous.then(() => Promise.reject(error)),
      );
      tail = ordered.catch(() => undefined);
      return ordered;
    },
    async close() {
      if (closed) return;
      closed = true;
      await tail;
      await pool.destroy();
    },
  };
}

/** The enrichment pool for a watchlist: `threads` threads, each with its own enricher. */
export function createEnrichmentPool(watchlist: Watchlist, enricherOptions: EnricherOptions, options: PoolOptions): PooledBatchEnricher {
  const data: EnrichWorkerData = { watchlist, options: enricherOptions };
  return createPooledBatchEnricher(threadModule(import.meta.url, 'enrich-worker', data), options);
}
