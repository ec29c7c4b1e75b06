import type { HubwatchConfig } from '../config/schema.js';
import { acquireIndexWriterLock, type IndexWriterLock } from '../index/sqlite/index-writer-lock.js';

/**
 * The index-writer lock a process that indexes in distributed mode takes before opening the index:
 * the SQLite index has one writer process (a second refuses with `IndexWriterBusyError`, naming the
 * first); Elasticsearch takes writes from any number, so none is needed.
 */
export function writerLockFor(config: Pick<HubwatchConfig, 'index'>): IndexWriterLock | null {
  if (config.index.elasticsearch || config.index.sqlite.path === ':memory:') return null;
  return acquireIndexWriterLock(config.index.sqlite.path);
}
