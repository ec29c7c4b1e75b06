import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
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
import { ftsMonth } from './fts-partitions.js';
import { emptyFtsBatch, type FtsBatch, type FtsWriter, type FtsWriterStats } from './fts-writer.js';
import { InlineFtsWriter } from './inline-fts-writer.js';
import { ThreadedFtsWriter } from './threaded-fts-writer.js';
import { toIndexError } from './sqlite-errors.js';
import { migrate, schemaVersion } from './sqlite-schema.js';
import { scanSqlite, type ScanPosition } from './sqlite-scan.js';
import { searchSqlite } from './sqlite-search.js';
import { rowToMention, SqliteUpserter, type WrittenFts } from './sqlite-upsert.js';

/** Options of the SQLite index. */
export interface SqliteIndexOptions {
  /** Database file (parent directories are created), or `:memory:`. */
  path: string;
  logger: Logger;
  /** How long a writer waits for another one before SQLITE_BUSY (default 5 s). */
  busyTimeoutMs?: number;
  /** Mentions per transaction (default 10,000). */
  batchSize?: number;
  /** Upper bound on the file size, in 4 KiB pages (writes beyond it fail with SQLITE_FULL). */
  maxPageCount?: number;
}

const DAY_MS = 86_400_000;
/** The WAL is truncated back to this size after checkpoints. */
const WAL_LIMIT_BYTES = 64 * 1024 * 1024;
/** Rows per full-text batch when replaying `fts_pending` (a rebuild replays every mention). */
const REPLAY_CHUNK = 10_000;

/**
 * The embedded index: SQLite in WAL mode, the full-text index (FTS5) in a second file written by a
 * worker thread (see `fts-file.ts`). Other components may keep their own tables in the main file
 * through their own connections; this one never locks a file exclusively.
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
  private readonly settlePending: Database.Statement;
  private readonly addPending: Database.Statement;
  /** The replay of `fts_pending` in progress (started at open, and after a full-text failure). */
  private replaying: Promise<void> = Promise.resolve();
  /** The full-text file lacks batches that failed: replay `fts_pending` before going on. */
  private ftsBehind = false;
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
    this.settlePending = db.prepare('DELETE FROM fts_pending WHERE id BETWEEN ? AND ?');
    this.addPending = db.prepare('INSERT INTO fts_pending (lo, hi) VALUES (?, ?)');
    if (rebuild) this.logger.info({ path: ftsPathFor(options.path) }, 'full-text index file created; indexing the stored mentions into it');
    this.replaying = this.replayPending();
    // Awaited by the next operation; marked handled so that a failure is not an unhandled rejection meanwhile.
    this.replaying.catch(() => undefined);
  }

  /** Opens (creating when needed) the database file and applies pending schema migrations. */
  static open(options: SqliteIndexOptions): SqliteMentionIndex {
    let db: Database.Database | undefined;
    let reader: Database.Database | undefined;
    try {
      if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
      db = new Database(options.path);
      db.pragma(`busy_timeout = ${busyTimeout(options)}`);
      db.pragma('journal_mode = WAL');
      // FULL on both files (the full-text thread's too): each commit reaches the disk before the
      // other file acts on it, so after a power loss the full-text file never holds rows the main
      // file lost (their seqs would be reused) and `fts_pending` never lists as done what it lacks.
      db.pragma('synchronous = FULL');
      db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
      // Checkpoint every 10,000 pages (40 MiB): pages rewritten while loading reach the file once
      // per checkpoint, about 15 % faster loads than the default 1,000; journal_size_limit trims after.
      db.pragma('wal_autocheckpoint = 10000');
      db.pragma('cache_size = -262144');
      db.pragma('temp_store = MEMORY');
      db.pragma('mmap_size = 268435456');
      if (options.maxPageCount !== undefined) db.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`);
      const applied = migrate(db);
      if (applied > 0) options.logger.info({ path: options.path, applied }, 'index schema migrated');
      const ftsPath = ftsPathFor(options.path);
      const rebuild = prepareFtsFile(db, ftsPath);
      if (options.path === ':memory:') {
        reader = db;
      } else {
        reader = new Database(options.path);
        reader.pragma(`busy_timeout = ${busyTimeout(options)}`);
        reader.pragma('cache_size = -131072');
        reader.pragma('temp_store = MEMORY');
        reader.pragma('mmap_size = 268435456');
      }
      attachFtsForReading(reader, ftsPath);
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
    await this.recoverFts('upsert');
    const outcomes: UpsertOutcome[] = [];
    const write = this.db.transaction((batch: readonly Mention[]) => {
      this.settle();
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
      return this.listPending(ranges);
    });
  }

  /** Adds rows to `fts_pending` (in the caller's transaction) and returns their id range. */
  private listPending(ranges: readonly [number, number][]): [number, number] | null {
    let first: number | null = null;
    let last = 0;
    for (const [lo, hi] of ranges) {
      last = Number(this.addPending.run(lo, hi).lastInsertRowid);
      first ??= last;
    }
    return first === null ? null : [first, last];
  }

  /** Deletes the `fts_pending` rows of batches the full-text file has committed (in the caller's transaction). */
  private settle(): void {
    for (const [first, last] of this.fts.takeSettled()) this.settlePending.run(first, last);
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

  /**
   * If the full-text file failed a batch, replays what it lacks; while that fails too, the caller
   * gets the (retryable) error, and the next call tries again.
   */
  private async recoverFts(action: string): Promise<void> {
    await this.awaitReplay(action);
    if (this.fts.takeFailure()) {
      if (!this.ftsBehind) this.logger.warn({ action }, 'a full-text batch failed; replaying what the full-text file lacks');
      this.ftsBehind = true;
    }
    if (!this.ftsBehind) return;
    await this.fts.idle();
    this.fts.takeFailure();
    this.replaying = this.replayPending();
    this.replaying.catch(() => undefined);
    await this.awaitReplay(action);
    const again = this.fts.takeFailure();
    if (again) throw toIndexError(again, `${action} (full-text index)`);
    this.ftsBehind = false;
  }

  private async awaitReplay(action: string): Promise<void> {
    try {
      await this.replaying;
    } catch (error) {
      this.ftsBehind = true;
      throw toIndexError(error, `${action} (full-text replay)`);
    }
  }

  /** Before reading: waits until the full-text file holds every write of this index. */
  private async ftsCurrent(action: string): Promise<void> {
    this.guard(action, () => undefined);
    await this.recoverFts(action);
    await this.fts.idle();
    await this.recoverFts(action);
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
      const rows = this.guard('signatures', () =>
        this.db
          .prepare(
            'SELECT m.seq, m.id, m.story_id, m.published, t.doc FROM mentions m JOIN mention_texts t ON t.seq = m.seq WHERE (m.published > ? OR (m.published = ? AND m.seq > ?)) ORDER BY m.published, m.seq LIMIT 1000',
          )
          .all(published, published, seq),
      ) as { seq: number; id: string; story_id: string | null; published: number; doc: string }[];
      for (const row of rows) {
        const { signature } = JSON.parse(row.doc) as { signature: string | null };
        if (signature) yield { id: row.id, storyId: row.story_id, signature, publishedAt: new Date(row.published).toISOString() };
      }
      const last = rows[rows.length - 1];
      if (!last || rows.length < 1000) return;
      published = last.published;
      seq = last.seq;
    }
  }

  async deleteOlderThan(before: Date): Promise<number> {
    this.guard('retention', () => undefined);
    await this.recoverFts('retention');
    const { count, fts } = this.guard('retention', () => {
      const cutoff = before.getTime();
      const run = this.db.transaction(() => {
        this.settle();
        const gone = this.db.prepare('SELECT seq, published FROM mentions WHERE published < ? ORDER BY seq').all(cutoff) as { seq: number; published: number }[];
        this.db
          .prepare(
            `INSERT INTO entity_days (kind, entity_id, day, label, count)
               SELECT kind, entity_id, published / ${DAY_MS}, label, -count(*) FROM mention_entities WHERE published < ? GROUP BY 1, 2, 3, 4
               ON CONFLICT (kind, entity_id, day, label) DO UPDATE SET count = count + excluded.count`,
          )
          .run(cutoff);
        this.db.prepare('DELETE FROM entity_days WHERE count <= 0').run();
        this.db.prepare('DELETE FROM mention_entities WHERE published < ?').run(cutoff);
        this.db.prepare('DELETE FROM mention_texts WHERE seq IN (SELECT seq FROM mentions WHERE published < ?)').run(cutoff);
        this.db.prepare('DELETE FROM mentions WHERE published < ?').run(cutoff);
        this.db.prepare('DELETE FROM mention_days WHERE day < ?').run(Math.floor(cutoff / DAY_MS));
        if (gone.length === 0) return { count: 0, fts: null };
        const batch = emptyFtsBatch();
        // Months wholly before the cutoff lose every row: their tables are dropped instead.
        const cutoffMonth = ftsMonth(cutoff);
        const drops = new Set<string>();
        for (const { seq, published } of gone) {
          const month = ftsMonth(published);
          if (month < cutoffMonth) drops.add(month);
          else batch.deletes.push(seq, month);
        }
        batch.drops = [...drops];
        // One replay range over all of them: replaying it re-indexes the rows still stored in between.
        const range: [number, number] = [(gone[0] as { seq: number }).seq, (gone[gone.length - 1] as { seq: number }).seq];
        return { count: gone.length, fts: this.fts.stage(batch, () => this.listPending([range])) };
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

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.replaying;
    } catch {
      // Replayed again at the next open.
    }
    await this.fts.close();
    if (this.reader !== this.db) this.reader.close();
    try {
      this.db.transaction(() => this.settle()).immediate();
      // Keeps planner statistics fresh (cheap: bounded by analysis_limit), then trims the WAL.
      this.db.pragma('analysis_limit = 1000');
      this.db.pragma('optimize');
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Another connection may be busy; pending rows are replayed (idempotently) at the next open.
    }
    this.db.close();
  }
}

function busyTimeout(options: SqliteIndexOptions): number {
  return Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000));
}
