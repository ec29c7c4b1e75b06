import { FTS_MONTH_SOURCE } from './fts-partitions.js';

/**
 * The full-text writer thread, as source text. It is evaluated (`new Worker(code, { eval: true })`)
 * rather than loaded from a file so that it runs the same from the TypeScript sources (tsx, vitest)
 * and from `dist/`, without a loader in the worker. What to write is decided in `fts-writer.ts`.
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
let db;
let main;
let apply;
let replay;
const months = new Map();
try {
  db = new Database(workerData.path);
  db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('journal_size_limit = ' + workerData.walLimitBytes);
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('cache_size = -262144');
  if (workerData.maxPageCount !== null) db.pragma('max_page_count = ' + workerData.maxPageCount);
  const listTables = db.prepare(workerData.listSql).pluck();
  const partition = (month) => {
    let statements = months.get(month);
    if (!statements) {
      const name = workerData.tablePrefix + month;
      db.exec(workerData.tableSql.replaceAll('{schema}', '').replaceAll('{name}', name));
      statements = {
        deleteOne: db.prepare('DELETE FROM ' + name + ' WHERE rowid = ?'),
        insert: db.prepare('INSERT INTO ' + name + ' (rowid, title, body) VALUES (?, ?, ?)'),
      };
      months.set(month, statements);
    }
    return statements;
  };
  apply = db.transaction((batch) => {
    for (const month of batch.drops) {
      months.delete(month);
      db.exec('DROP TABLE IF EXISTS ' + workerData.tablePrefix + month);
    }
    const dropped = new Set(batch.drops);
    for (let i = 0; i < batch.deletes.length; i += 2) {
      if (!dropped.has(batch.deletes[i + 1])) partition(batch.deletes[i + 1]).deleteOne.run(batch.deletes[i]);
    }
    for (let i = 0; i < batch.inserts.length; i += 4) partition(batch.inserts[i + 1]).insert.run(batch.inserts[i], batch.inserts[i + 2], batch.inserts[i + 3]);
  });
  let texts;
  replay = db.transaction((message) => {
    if (!texts) {
      main = new Database(workerData.mainPath, { readonly: true, fileMustExist: true });
      main.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
      texts = main.prepare('SELECT t.seq, m.published, t.title, t.body FROM mention_texts t JOIN mentions m ON m.seq = t.seq WHERE t.seq BETWEEN ? AND ? ORDER BY t.seq LIMIT ?');
    }
    const rows = texts.all(message.lo, message.hi, message.limit);
    const to = rows.length === message.limit ? rows[rows.length - 1].seq : message.hi;
    for (const name of listTables.all()) db.prepare('DELETE FROM ' + name + ' WHERE rowid BETWEEN ? AND ?').run(message.lo, to);
    for (const row of rows) partition(ftsMonth(row.published)).insert.run(row.seq, row.title, row.body);
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
    // A failed transaction may have created tables that its rollback removed.
    months.clear();
    parentPort.postMessage({ type: 'failed', id: message.id, code: error.code, message: error.message });
  }
});
`;
