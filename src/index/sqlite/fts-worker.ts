import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createFtsApplier, type FtsApplier, REPLAY_TEXTS_SQL } from './fts-applier.js';
import { threadData } from '../../platform/threads/thread-module.js';
import type { FtsWorkerData, FtsWorkerMessage, FtsWorkerRequest } from './fts-worker-protocol.js';

/**
 * The full-text writer thread (started by `threaded-fts-writer.ts`): its own connection to the
 * full-text file, on which it applies batches and replays in order. What to write is decided in
 * `fts-writer.ts`; how, in `fts-applier.ts` (shared with the inline writer). Protocol:
 * `fts-worker-protocol.ts`.
 */
const port = parentPort;
if (!port) throw new Error('fts-worker.ts runs as a worker thread (see threaded-fts-writer.ts)');
const data = threadData<FtsWorkerData>();
const post = (message: FtsWorkerMessage): void => port.postMessage(message);

interface Opened {
  db: Database.Database;
  applier: FtsApplier;
  apply: Database.Transaction<(batch: Extract<FtsWorkerRequest, { type: 'batch' }>) => void>;
  replay: Database.Transaction<(lo: number, hi: number, limit: number) => number>;
}

let main: Database.Database | undefined;
let opened: Opened | undefined;
let db: Database.Database | undefined;

function open(): Opened {
  const file = new Database(data.path);
  db = file;
  file.pragma(`busy_timeout = ${data.busyTimeoutMs}`);
  file.pragma('journal_mode = WAL');
  file.pragma('synchronous = FULL');
  file.pragma(`journal_size_limit = ${data.walLimitBytes}`);
  file.pragma('wal_autocheckpoint = 10000');
  file.pragma('cache_size = -262144');
  if (data.maxPageCount !== null) file.pragma(`max_page_count = ${data.maxPageCount}`);
  let texts: Database.Statement | undefined;
  const applier = createFtsApplier(file, {
    schema: 'main',
    texts: () => {
      if (!texts) {
        main = new Database(data.mainPath, { readonly: true, fileMustExist: true });
        main.pragma(`busy_timeout = ${data.busyTimeoutMs}`);
        texts = main.prepare(REPLAY_TEXTS_SQL);
      }
      return texts;
    },
  });
  return {
    db: file,
    applier,
    apply: file.transaction((batch: Extract<FtsWorkerRequest, { type: 'batch' }>) => applier.apply(batch)),
    replay: file.transaction((lo: number, hi: number, limit: number) => applier.replay(lo, hi, limit)),
  };
}

function failure(error: unknown): { code?: string; message: string } {
  const { code, message } = error as { code?: string; message?: string };
  return { code, message: message ?? String(error) };
}

try {
  opened = open();
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'failed', id: -1, ...failure(error) });
}

port.on('message', (message: FtsWorkerRequest) => {
  if (message.type === 'close') {
    try {
      main?.close();
      if (db?.open) {
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
    } catch {
      // Closing anyway: the WAL is checkpointed at the next open.
    }
    post({ type: 'closed' });
    return;
  }
  try {
    if (!opened) throw Object.assign(new Error('the full-text file could not be opened'), { code: 'SQLITE_CANTOPEN' });
    const started = performance.now();
    if (message.type === 'merge') {
      const merged = opened.applier.merge(message.months);
      post({ type: 'done', id: message.id, busyMs: performance.now() - started, merged });
      return;
    }
    const to = message.type === 'replay' ? opened.replay.immediate(message.lo, message.hi, message.limit) : (opened.apply.immediate(message), undefined);
    post({ type: 'done', id: message.id, busyMs: performance.now() - started, to });
  } catch (error) {
    // A failed transaction may have created tables that its rollback removed.
    opened?.applier.forget();
    post({ type: 'failed', id: message.id, ...failure(error) });
  }
});
