import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { threadData } from '../../platform/threads/thread-module.js';
import { attachFtsForReading } from './fts-file.js';
import { enableFtsRank } from './fts-rank.js';
import type { PooledReads, ReadMethod, ReadWorkerData, ReadWorkerReply, ReadWorkerRequest } from './read-pool-protocol.js';
import { histogramSqlite, sentimentOverTimeSqlite, shareOfVoiceSqlite, topStoriesSqlite, topTermsSqlite } from './sqlite-aggregate.js';
import { READ_MMAP_BYTES } from './sqlite-connection.js';
import { toIndexError } from './sqlite-errors.js';
import { searchSqlite } from './sqlite-search.js';

/**
 * A read thread of the pool (started by `sqlite-read-pool.ts`): its own read-only connection to the
 * main file (WAL: it reads the last committed state without blocking the writer) with the full-text
 * file attached, on which it answers searches and aggregations with the same functions as the
 * index's own reader. Protocol: `read-pool-protocol.ts`.
 */
const port = parentPort;
if (!port) throw new Error('sqlite-read-worker.ts runs as a worker thread (see sqlite-read-pool.ts)');
const data = threadData<ReadWorkerData>();

const db = new Database(data.path, { readonly: true });
db.pragma(`busy_timeout = ${data.busyTimeoutMs}`);
db.pragma('cache_size = -131072');
db.pragma('temp_store = MEMORY');
db.pragma(`mmap_size = ${READ_MMAP_BYTES}`);
attachFtsForReading(db, data.ftsPath);
// Without it (not built), relevance is scored by FTS5's bm25; the index's own reader says so at open.
enableFtsRank(db);

const READS: { [M in ReadMethod]: (db: Database.Database, request: PooledReads[M]) => unknown } = {
  search: searchSqlite,
  histogram: histogramSqlite,
  topTerms: topTermsSqlite,
  shareOfVoice: shareOfVoiceSqlite,
  sentimentOverTime: sentimentOverTimeSqlite,
  topStories: topStoriesSqlite,
};

function answer(message: Extract<ReadWorkerRequest, { type: 'read' }>): ReadWorkerReply {
  try {
    const read = READS[message.method] as (db: Database.Database, request: PooledReads[ReadMethod]) => unknown;
    return { id: message.id, ok: true, value: read(db, message.request) };
  } catch (error) {
    if ((error as { name?: string }).name === 'UserInputError') {
      const { message: text, reason, position } = error as { message: string; reason: string; position?: number };
      return { id: message.id, ok: false, error: { userInput: true, message: text, reason, retryable: false, ...(position === undefined ? {} : { position }) } };
    }
    const failure = toIndexError(error, message.method);
    return { id: message.id, ok: false, error: { userInput: false, message: failure.message, reason: failure.reason, retryable: failure.retryable } };
  }
}

port.on('message', (message: ReadWorkerRequest) => {
  if (message.type === 'close') {
    db.close();
    port.close();
    return;
  }
  port.postMessage(answer(message));
});
