import type Database from 'better-sqlite3';
import type { Mention } from '../../core/mention.js';
import type { Logger } from '../../platform/logger.js';
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
import {
  histogramSqlite,
  sentimentOverTimeSqlite,
  shareOfVoiceSqlite,
  topStoriesSqlite,
  topTermsSqlite,
} from './sqlite-aggregate.js';
import { attachFtsForReading, ftsPathFor, prepareFtsFile } from './fts-file.js';
import { enableFtsRank } from './fts-rank.js';
import { ftsMonth, ftsMonths } from './fts-partitions.js';
import { FtsRecovery } from './fts-recovery.js';
import type { FtsBatch, FtsWriter, FtsWriterStats } from './fts-writer.js';
import { InlineFtsWriter } from './inline-fts-writer.js';
import { ThreadedFtsWriter } from './threaded-fts-writer.js';
import { busyTimeout, openReader, openWriter, tidyBeforeClose, WAL_LIMIT_BYTES, type ConnectionOptions } from './sqlite-connection.js';
import { toIndexError } from './sqlite-errors.js';
import { deleteMentionsBefore, retentionFtsBatch } from './sqlite-retention.js';
import { migrate, schemaVersion } from './sqlite-schema.js';
import { scanSqlite, type ScanPosition } from './sqlite-scan.js';
import { searchSqlite } from './sqlite-search.js';
import { storySqlite } from './sqlite-story.js';
import { rowToMention, SqliteUpserter, type WrittenFts } from './sqlite-upsert.js';

/** A month of the full-text index counts as finished this long after its end (late items come in). */
const FINISHED_AFTER_MS = 2 * 86_400_000;

/** Options of the SQLite index. */
export interface SqliteIndexOptions extends ConnectionOptions {
  logger: Logger;
  /** Mentions per transaction (default 10,000). */
  batchSize?: number;
}

/**
 * The embedded index: SQLite in WAL mode, the full-text index (FTS5) in a second file written by a
 * worker thread (see `fts-file.ts`). Other components may keep their own tables in the main file
 * through their own connections; this one never locks a file exclusively. Connections and their
 * pragmas: `sqlite-connection.ts`; keeping the full-text file whole: `fts-recovery.ts`; rollups and
 * retention: `sqlite-retention.ts`.
 *
 * An upsert resolves once its mentions are committed in the main file and the full-text thread has
 * at most one batch left to commit; searches and aggregations of this index wait for it first, so
 * they always see the index's own writes. Another process sees a batch in full text once that
 * thread commits it (well under a second), like Elasticsearch's refresh.
 */
export class SqliteMentionIndex implements MentionIndex {
  /** Writes, and reads that need no full text. */
  private readonly db: Database.Database;
  /** Searches and aggregations: the main file with the full-text file attached (the same connection in memory). */
  private readonly reader: Database.Database;
  private readonly upserter: SqliteUpserter;
  private readonly batchSize: number;
  private readonly logger: Logger;
  private readonly fts: FtsWriter;
  private readonly recovery: FtsRecovery;
  private closed = false;

  private constructor(db: Database.Database, reader: Database.Database, options: SqliteIndexOptions, rebuild: boolean) {
    this.db = db;
    this.reader = reader;
    this.logger = options.logger;
    this.batchSize = options.batchSize ?? 10_000;
    this.upserter = new SqliteUpserter(db);
    this.fts =
      options.path === ':memory:'
        ? new InlineFtsWriter(db)
        : new ThreadedFtsWriter({
            path: ftsPathFor(options.path),
            mainPath: options.path,
            busyTimeoutMs: busyTimeout(options),
            walLimitBytes: WAL_LIMIT_BYTES,
            maxPageCount: options.maxPageCount === undefined ? null : Math.floor(options.maxPageCount),
          });
    this.recovery = new FtsRecovery(db, this.fts, this.logger);
    if (rebuild) this.logger.info({ path: ftsPathFor(options.path) }, 'full-text index file created; indexing the stored mentions into it');
    this.recovery.start();
  }

  /** Opens (creating when needed) the database file and applies pending schema migrations. */
  static open(options: SqliteIndexOptions): SqliteMentionIndex {
    let db: Database.Database | undefined;
    let reader: Database.Database | undefined;
    try {
      db = openWriter(options);
      const applied = migrate(db);
      if (applied > 0) options.logger.info({ path: options.path, applied }, 'index schema migrated');
      const ftsPath = ftsPathFor(options.path);
      const rebuild = prepareFtsFile(db, ftsPath, ({ reason, movedTo }) =>
        options.logger.warn({ path: ftsPath, movedTo, reason }, 'the full-text index file was damaged: moved aside, rebuilding it from the main file'));
      reader = openReader(options, db);
      attachFtsForReading(reader, ftsPath);
      const noRank = enableFtsRank(reader);
      if (noRank !== null) options.logger.warn({ reason: noRank }, 'relevance is scored by FTS5 bm25 and top lists are summed by SQL, both slower: the hubwatch_fts5 extension is missing');
      return new SqliteMentionIndex(db, reader, options, rebuild);
    } catch (error) {
      if (reader !== db) reader?.close();
      db?.close();
      throw toIndexError(error, `opening ${options.path}`);
    }
  }

  private guard<T>(action: string, run: () => T): T {
    if (this.closed) throw toIndexError(new Error('the index is closed'), action);
    try {
      return run();
    } catch (error) {
      if ((error as { name?: string }).name === 'UserInputError') throw error;
      throw toIndexError(error, action);
    }
  }

  /** The schema version of the file (migrations run at open). */
  schemaVersion(): number {
    return this.guard('schema version', () => schemaVersion(this.db));
  }

  async upsert(mentions: readonly Mention[]): Promise<UpsertOutcome[]> {
    this.guard('upsert', () => undefined);
    await this.recovery.recover('upsert');
    const outcomes: UpsertOutcome[] = [];
    const write = this.db.transaction((batch: readonly Mention[]) => {
      this.recovery.settle();
      const written = this.upserter.write(batch);
      return { outcomes: written.outcomes, fts: this.recordFts(written.fts) };
    });
    for (let i = 0; i < mentions.length; i += this.batchSize) {
      const written = this.guard('upsert', () => {
        try {
          return write.immediate(mentions.slice(i, i + this.batchSize));
        } catch (error) {
          this.upserter.reset();
          this.fts.reset();
          throw error;
        }
      });
      outcomes.push(...written.outcomes);
      if (written.fts) await this.fts.submit(written.fts);
    }
    return outcomes;
  }

  /**
   * Inside the batch's transaction: stages the full-text changes (applied now by the inline writer;
   * listed in `fts_pending` and returned for the thread by the threaded one).
   */
  private recordFts(written: WrittenFts): FtsBatch | null {
    const { batch } = written;
    if (batch.inserts.length === 0 && batch.deletes.length === 0) return null;
    return this.fts.stage(batch, () => {
      const ranges: [number, number][] = written.updated.map((seq) => [seq, seq]);
      if (written.inserted) ranges.push(written.inserted);
      return this.recovery.listPending(ranges);
    });
  }

  /** Before reading: waits until the full-text file holds every write of this index. */
  private async ftsCurrent(action: string): Promise<void> {
    this.guard(action, () => undefined);
    await this.recovery.current(action);
  }

  /** Time the main thread waited for the full-text thread, and that thread's busy time (benchmarks). */
  ftsStats(): FtsWriterStats | null {
    return this.fts instanceof ThreadedFtsWriter ? this.fts.stats() : null;
  }

  /** Resolves once the full-text file holds every write of this index (searches wait for this themselves). */
  async flush(): Promise<void> {
    await this.ftsCurrent('flush');
  }

  async get(id: string): Promise<Mention | null> {
    return (
      this.guard('get', () => {
        const row = this.db.prepare('SELECT t.title, t.body, t.doc FROM mentions m JOIN mention_texts t ON t.seq = m.seq WHERE m.id = ?').get(id) as
          | { title: string; body: string; doc: string }
          | undefined;
        return row ? rowToMention(row) : null;
      })
    );
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    await this.ftsCurrent('search');
    return (this.guard('search', () => searchSqlite(this.reader, request)));
  }

  async histogram(request: HistogramRequest): Promise<HistogramBucket[]> {
    await this.ftsCurrent('histogram');
    return (this.guard('histogram', () => histogramSqlite(this.reader, request)));
  }

  async topTerms(request: AggregationScope & { dimension: TermDimension; size: number }): Promise<TermBucket[]> {
    await this.ftsCurrent('top terms');
    return (this.guard('top terms', () => topTermsSqlite(this.reader, request)));
  }

  async shareOfVoice(request: AggregationScope & { brands?: string[] }): Promise<TermBucket[]> {
    await this.ftsCurrent('share of voice');
    return (this.guard('share of voice', () => shareOfVoiceSqlite(this.reader, request)));
  }

  async sentimentOverTime(request: HistogramRequest): Promise<SentimentBucket[]> {
    await this.ftsCurrent('sentiment over time');
    return (this.guard('sentiment over time', () => sentimentOverTimeSqlite(this.reader, request)));
  }

  async topStories(request: AggregationScope & { size: number }): Promise<StoryBucket[]> {
    await this.ftsCurrent('top stories');
    return (this.guard('top stories', () => topStoriesSqlite(this.reader, request)));
  }

  async story(storyId: string, limit: number): Promise<StoryMembers> {
    return this.guard('story', () => storySqlite(this.db, storyId, limit));
  }

  async *scan(request: AggregationScope & { batchSize?: number }): AsyncIterable<Mention[]> {
    await this.ftsCurrent('scan');
    const size = Math.max(1, Math.min(10_000, Math.floor(request.batchSize ?? 1000)));
    let after: ScanPosition | null = null;
    for (;;) {
      const position: ScanPosition | null = after;
      const rows: { mentions: Mention[]; last: ScanPosition | null } = this.guard('scan', () => scanSqlite(this.reader, request, position, size));
      if (rows.mentions.length > 0) yield rows.mentions;
      if (rows.last === null || rows.mentions.length < size) return;
      after = rows.last;
    }
  }

  /** Pages through the signatures in keyset chunks, so no statement stays open across awaits. */
  async *signaturesSince(since: Date): AsyncIterable<SignatureRecord> {
    let published = since.getTime();
    let seq = -1;
    for (;;) {
      // The two fields are read out of each stored mention by SQLite: parsing every whole mention
      // here took about a third longer, on each start of every run (the last 14 days are read).
      // The row value lets SQLite seek to the page's start in the date index; `a > ? OR (a = ? AND
      // b > ?)` made it walk the index from the first date for every page, a cost that grows with
      // the square of the mentions (30,000: 38-40 ms of paging against 22-27).
      const rows = this.guard('signatures', () =>
        this.db
          .prepare(
            "SELECT m.seq, m.id, m.story_id, m.published, json_extract(t.doc, '$.signature') AS signature, json_extract(t.doc, '$.sharedUrl') AS shared_url FROM mentions m JOIN mention_texts t ON t.seq = m.seq WHERE (m.published, m.seq) > (?, ?) ORDER BY m.published, m.seq LIMIT 1000",
          )
          .all(published, seq),
      ) as { seq: number; id: string; story_id: string | null; published: number; signature: string | null; shared_url: string | null }[];
      for (const row of rows) {
        const { signature, shared_url: sharedUrl } = row;
        if (signature) yield { id: row.id, storyId: row.story_id, signature, publishedAt: new Date(row.published).toISOString(), ...(sharedUrl ? { sharedUrl } : {}) };
      }
      const last = rows[rows.length - 1];
      if (!last || rows.length < 1000) return;
      published = last.published;
      seq = last.seq;
    }
  }

  async deleteOlderThan(before: Date): Promise<number> {
    this.guard('retention', () => undefined);
    await this.recovery.recover('retention');
    const { count, fts } = this.guard('retention', () => {
      const cutoff = before.getTime();
      const run = this.db.transaction(() => {
        this.recovery.settle();
        const gone = deleteMentionsBefore(this.db, cutoff);
        if (gone.length === 0) return { count: 0, fts: null };
        // One replay range over all of them: replaying it re-indexes the rows still stored in between.
        const range: [number, number] = [gone[0]!.seq, gone[gone.length - 1]!.seq];
        return { count: gone.length, fts: this.fts.stage(retentionFtsBatch(gone, cutoff), () => this.recovery.listPending([range])) };
      });
      try {
        return run.immediate();
      } catch (error) {
        this.fts.reset();
        throw error;
      }
    });
    if (fts) await this.fts.submit(fts);
    if (count > 0) this.logger.info({ count, before: before.toISOString() }, 'old mentions deleted');
    return count;
  }

  /**
   * Merges each finished month's full-text table into one segment when it holds more (FTS5's
   * `optimize`, on the full-text writer thread, after the batches queued before). A month is
   * finished two days after it ends, so that late items have come in; a month that receives
   * back-dated items later is merged again at the next call. At 1M mentions a month's merge takes
   * about 2 s, and two common words then cost about a third less to find in it.
   */
  async compact(now: Date): Promise<number> {
    const last = ftsMonth(now.getTime() - FINISHED_AFTER_MS);
    const finished = this.guard('compact', () => ftsMonths(this.reader).filter((month) => month < last));
    try {
      const merged = await this.fts.merge(finished);
      if (merged.length > 0) this.logger.info({ months: merged }, 'finished months of the full-text index merged');
      return merged.length;
    } catch (error) {
      throw toIndexError(error, 'compact');
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.recovery.stop();
    await this.fts.close();
    if (this.reader !== this.db) this.reader.close();
    try {
      this.db.transaction(() => this.recovery.settle()).immediate();
      tidyBeforeClose(this.db);
    } catch {
      // Another connection may be busy; pending rows are replayed (idempotently) at the next open.
    }
    this.db.close();
  }
}
