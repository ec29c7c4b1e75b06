import type Database from 'better-sqlite3';

/** Statements kept per connection; past it the least recently used is dropped. */
const KEPT = 256;

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The connection's prepared statement for `sql`, prepared once: a search's statements are built
 * from its shape (months, filters, page size), and the same shapes come back. Preparing them anew
 * took about 3 % of a read thread's time under the API benchmark. For `all`/`get`/`run` (an
 * iterator on a shared statement would block its reuse until it ends).
 */
export function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const found = cache.get(sql);
  if (found) {
    cache.delete(sql);
    cache.set(sql, found);
    return found;
  }
  const prepared = db.prepare(sql);
  cache.set(sql, prepared);
  if (cache.size > KEPT) cache.delete(cache.keys().next().value as string);
  return prepared;
}
