/**
 * The full-text writer thread, as source text. It is evaluated (`new Worker(code, { eval: true })`)
 * rather than loaded from a file so that it runs the same from the TypeScript sources (tsx, vitest)
 * and from `dist/`, without a loader in the worker. It only applies the batches the main thread
 * builds (`FtsBatch`, flattened); what to write is decided in `fts-writer.ts`.
 *
 * Messages in: `{ type: 'batch', id, ranges: number[] (lo, hi pairs), deletes: number[],
 * inserts: unknown[] (seq, title, body triples) }` and `{ type: 'close' }`. Out: `{ type: 'ready' }`,
 * `{ type: 'done', id, busyMs }`, `{ type: 'failed', id, code, message }`, `{ type: 'closed' }`.
 */
export const FTS_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
let apply;
try {
  db = new Database(workerData.path);
  db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('journal_size_limit = ' + workerData.walLimitBytes);
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('cache_size = -262144');
  if (workerData.maxPageCount !== null) db.pragma('max_page_count = ' + workerData.maxPageCount);
  const deleteRange = db.prepare('DELETE FROM mentions_fts WHERE rowid BETWEEN ? AND ?');
  const deleteOne = db.prepare('DELETE FROM mentions_fts WHERE rowid = ?');
  const insert = db.prepare('INSERT INTO mentions_fts (rowid, title, body) VALUES (?, ?, ?)');
  apply = db.transaction((batch) => {
    for (let i = 0; i < batch.ranges.length; i += 2) deleteRange.run(batch.ranges[i], batch.ranges[i + 1]);
    for (const seq of batch.deletes) deleteOne.run(seq);
    for (let i = 0; i < batch.inserts.length; i += 3) insert.run(batch.inserts[i], batch.inserts[i + 1], batch.inserts[i + 2]);
  });
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'failed', id: -1, code: error.code, message: error.message });
}
parentPort.on('message', (message) => {
  if (message.type === 'close') {
    try {
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
    apply.immediate(message);
    parentPort.postMessage({ type: 'done', id: message.id, busyMs: performance.now() - started });
  } catch (error) {
    parentPort.postMessage({ type: 'failed', id: message.id, code: error.code, message: error.message });
  }
});
`;
