/**
 * The full-text writer thread, as source text. It is evaluated (`new Worker(code, { eval: true })`)
 * rather than loaded from a file so that it runs the same from the TypeScript sources (tsx, vitest)
 * and from `dist/`, without a loader in the worker. What to write is decided in `fts-writer.ts`.
 *
 * Messages in:
 * - `{ type: 'batch', id, deletes: number[], inserts: unknown[] (seq, title, body triples) }`;
 * - `{ type: 'replay', id, lo, hi, limit }`: in one transaction of the full-text file, reads up to
 *   `limit` stored texts of seqs lo..hi from the main file (its own read-only connection), empties
 *   that rowid range and indexes them. The texts are read only once the full-text file's write
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
let db;
let main;
let apply;
let replay;
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
    for (const seq of batch.deletes) deleteOne.run(seq);
    for (let i = 0; i < batch.inserts.length; i += 3) insert.run(batch.inserts[i], batch.inserts[i + 1], batch.inserts[i + 2]);
  });
  let texts;
  replay = db.transaction((message) => {
    if (!texts) {
      main = new Database(workerData.mainPath, { readonly: true, fileMustExist: true });
      main.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
      texts = main.prepare('SELECT seq, title, body FROM mention_texts WHERE seq BETWEEN ? AND ? ORDER BY seq LIMIT ?');
    }
    const rows = texts.all(message.lo, message.hi, message.limit);
    const to = rows.length === message.limit ? rows[rows.length - 1].seq : message.hi;
    deleteRange.run(message.lo, to);
    for (const row of rows) insert.run(row.seq, row.title, row.body);
    return to;
  });
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
    parentPort.postMessage({ type: 'failed', id: message.id, code: error.code, message: error.message });
  }
});
`;
