import { FTS_APPLIER_SOURCE, REPLAY_TEXTS_SQL } from './fts-applier.js';
import { FTS_MONTH_SOURCE } from './fts-partitions.js';

/**
 * The full-text writer thread, as source text. It is evaluated (`new Worker(code, { eval: true })`)
 * rather than loaded from a file so that it runs the same from the TypeScript sources (tsx, vitest)
 * and from `dist/`, without a loader in the worker. What to write is decided in `fts-writer.ts`;
 * how, in `fts-applier.ts` (shared with the inline writer, passed here as source).
 *
 * The index is one FTS5 table per month (`fts-partitions.ts`); the thread creates them on demand.
 *
 * Messages in:
 * - `{ type: 'batch', id, drops: string[] (months whose table goes), deletes: unknown[] (seq,
 *   month pairs), inserts: unknown[] (seq, month, title, body quads) }`;
 * - `{ type: 'replay', id, lo, hi, limit }`: in one transaction of the full-text file, reads up to
 *   `limit` stored texts of seqs lo..hi from the main file (its own read-only connection), empties
 *   that rowid range in every month and indexes them in their months. The texts are read only once the full-text file's write
 *   lock is held, so a newer version written meanwhile by another process is either read here or
 *   indexed after this transaction by that process's own thread: a replay never leaves an old text;
 * - `{ type: 'close' }`.
 * Out: `{ type: 'ready' }`, `{ type: 'done', id, busyMs, to? }` (`to`: the last seq a replay
 * covered), `{ type: 'failed', id, code, message }`, `{ type: 'closed' }`.
 */
export const FTS_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
${FTS_MONTH_SOURCE}
${FTS_APPLIER_SOURCE}
let db;
let main;
let applier;
let apply;
let replay;
try {
  db = new Database(workerData.path);
  db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('journal_size_limit = ' + workerData.walLimitBytes);
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('cache_size = -262144');
  if (workerData.maxPageCount !== null) db.pragma('max_page_count = ' + workerData.maxPageCount);
  let texts;
  applier = createFtsApplier(db, {
    schema: '',
    tableSql: workerData.tableSql,
    tablePrefix: workerData.tablePrefix,
    listSql: workerData.listSql,
    monthOf: ftsMonth,
    texts: () => {
      if (!texts) {
        main = new Database(workerData.mainPath, { readonly: true, fileMustExist: true });
        main.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
        texts = main.prepare(${JSON.stringify(REPLAY_TEXTS_SQL)});
      }
      return texts;
    },
  });
  apply = db.transaction((batch) => applier.apply(batch));
  replay = db.transaction((message) => applier.replay(message.lo, message.hi, message.limit));
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'failed', id: -1, code: error.code, message: error.message });
}
parentPort.on('message', (message) => {
  if (message.type === 'close') {
    try {
      if (main) main.close();
      if (db) {
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
    } catch {}
    parentPort.postMessage({ type: 'closed' });
    return;
  }
  try {
    if (!apply) throw Object.assign(new Error('the full-text file could not be opened'), { code: 'SQLITE_CANTOPEN' });
    const started = performance.now();
    const to = message.type === 'replay' ? replay.immediate(message) : (apply.immediate(message), undefined);
    parentPort.postMessage({ type: 'done', id: message.id, busyMs: performance.now() - started, to });
  } catch (error) {
    // A failed transaction may have created tables that its rollback removed.
    if (applier) applier.forget();
    parentPort.postMessage({ type: 'failed', id: message.id, code: error.code, message: error.message });
  }
});
`;
