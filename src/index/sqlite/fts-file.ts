import { existsSync, renameSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { partitionListSql } from './fts-partitions.js';
import { READ_MMAP_BYTES } from './sqlite-connection.js';

/** SQLite's answers for a file that is not, or no longer, a sound database. */
const DAMAGED = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN']);

/** The full-text file failed its check: it is shorter than its own header says (a cut copy). */
class TruncatedFtsFile extends Error {
  readonly code = 'SQLITE_CORRUPT';
}

function isDamaged(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (DAMAGED.has(code) || DAMAGED.has(code.split('_').slice(0, 2).join('_')));
}

/**
 * A cheap check at open: the file must hold every page its header counts. Skipped while a WAL
 * holds pages the file has not received yet (after a crash the WAL is replayed first).
 */
function checkWhole(db: Database.Database, ftsPath: string): void {
  if (ftsPath === ':memory:') return;
  const wal = `${ftsPath}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) return;
  const pages = Number(db.pragma('fts.page_count', { simple: true }));
  const pageSize = Number(db.pragma('fts.page_size', { simple: true }));
  const bytes = statSync(ftsPath).size;
  if (bytes < pages * pageSize) throw new TruncatedFtsFile(`the file has ${bytes} bytes where its header counts ${pages} pages of ${pageSize}`);
}

/** Moves a damaged file (and its WAL and shared memory) aside, keeping it for a look; returns where. */
function moveAside(ftsPath: string, now: Date): string {
  const aside = `${ftsPath}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(ftsPath, aside);
  for (const suffix of ['-wal', '-shm']) if (existsSync(`${ftsPath}${suffix}`)) renameSync(`${ftsPath}${suffix}`, `${aside}${suffix}`);
  return aside;
}

/** What happened to a damaged full-text file. */
export interface FtsRepair {
  reason: string;
  movedTo: string;
}

/**
 * The full-text index lives in a second SQLite file beside the main one (`hubwatch.db` →
 * `hubwatch.fts.db`), so that a worker thread can write it while the main thread writes the rest:
 * SQLite allows one writer per file. It is derived data: the texts stay in the main file, and
 * `fts_pending` there lists what the full-text file may lack, replayed at open.
 */
export function ftsPathFor(path: string): string {
  if (path === ':memory:') return ':memory:';
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? `${path.slice(0, dot)}.fts${path.slice(dot)}` : `${path}.fts`;
}

/** Bumped when the full-text tables' definition changes: a file of another layout is rebuilt. */
const FTS_LAYOUT = '3';
/**
 * Makes sure the full-text file exists, belongs to this main file (the pair id in `index_meta`) and
 * has the current layout. A missing, foreign or outdated file is emptied and recreated; a damaged
 * one (not a database, corrupt, or shorter than its header says) is moved aside first, and
 * `onRepair` says so; then every stored mention must be
 * replayed into it, which this records as one `fts_pending` range. Returns whether that happened.
 * The file is attached as schema `fts` for the duration; an in-memory one stays attached (it
 * exists only on this connection).
 */
export function prepareFtsFile(db: Database.Database, ftsPath: string, onRepair: (repair: FtsRepair) => void = () => undefined): boolean {
  try {
    return setUpFtsFile(db, ftsPath);
  } catch (error) {
    // Derived data: a file that cannot be opened or fails its check is moved aside and rebuilt
    // from the main file, as a missing one is.
    if (ftsPath === ':memory:' || !isDamaged(error)) throw error;
    const movedTo = moveAside(ftsPath, new Date());
    onRepair({ reason: `${(error as { code?: string }).code}: ${(error as Error).message}`, movedTo });
    return setUpFtsFile(db, ftsPath);
  }
}

function setUpFtsFile(db: Database.Database, ftsPath: string): boolean {
  db.prepare('ATTACH DATABASE ? AS fts').run(ftsPath);
  try {
    if (ftsPath !== ':memory:') db.pragma('fts.journal_mode = WAL');
    checkWhole(db, ftsPath);
    const setUp = db.transaction((): boolean => {
      const pair = (db.prepare("SELECT value FROM index_meta WHERE key = 'fts_pair'").get() as { value: string }).value;
      const hasMeta = db.prepare("SELECT 1 FROM fts.sqlite_schema WHERE name = 'fts_meta'").get() !== undefined;
      const meta = new Map(hasMeta ? (db.prepare('SELECT key, value FROM fts.fts_meta').raw().all() as [string, string][]) : []);
      if (meta.get('pair') === pair && meta.get('layout') === FTS_LAYOUT) return false;
      const old = db.prepare("SELECT name FROM fts.sqlite_schema WHERE type = 'table' AND name IN ('fts_meta', 'mentions_fts')").pluck().all() as string[];
      for (const name of [...old, ...(db.prepare(partitionListSql('fts')).pluck().all() as string[])]) db.exec(`DROP TABLE fts.${name}`);
      db.exec('CREATE TABLE fts.fts_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID');
      db.prepare("INSERT INTO fts.fts_meta (key, value) VALUES ('pair', ?), ('layout', ?)").run(pair, FTS_LAYOUT);
      db.exec('DELETE FROM fts_pending');
      db.exec('INSERT INTO fts_pending (lo, hi) SELECT min(seq), max(seq) FROM mention_texts HAVING count(*) > 0');
      return true;
    });
    return setUp.immediate();
  } finally {
    if (ftsPath !== ':memory:') db.exec('DETACH DATABASE fts');
  }
}

/**
 * Readies a connection for full-text reads: the full-text file attached as schema `fts` (unless
 * `prepareFtsFile` left it attached).
 *
 * Writes never go through this connection: a `BEGIN IMMEDIATE` locks every attached file, which
 * would serialise the main file's writer with the full-text thread.
 */
export function attachFtsForReading(db: Database.Database, ftsPath: string): void {
  if (ftsPath !== ':memory:') {
    db.prepare('ATTACH DATABASE ? AS fts').run(ftsPath);
    // Page cache and memory map are per schema: an attached file would get the 2 MiB default.
    // Mapped as far as SQLite allows, as the main file is: at 1M mentions the file is 1.3 GB, and
    // its newest months, at its end, were read() into each connection's cache past a 1 GiB map
    // (a cold search by date: 9.7 → 7.9 ms of CPU).
    db.pragma('fts.cache_size = -262144');
    db.pragma(`fts.mmap_size = ${READ_MMAP_BYTES}`);
  }
}
