import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { FTS_TABLE_PREFIX } from './fts-partitions.js';
import { statement } from './sqlite-statements.js';

/**
 * The SQLite extension of `native/hubwatch_fts5.c`, built by `npm install` (`scripts/build-native.ts`):
 * it adds `hubwatch_bm25(table, counts, weights…)`, FTS5's bm25 given how many rows of the table hold
 * each phrase of the query. FTS5's own bm25 counts them in every query by reading each phrase's
 * whole list in the month's table: 0.95 ms a month for two common words at 1M mentions, most of a
 * relevance search's scoring. The counts are kept here per connection between searches.
 */
export const FTS_RANK_LIBRARY = fileURLToPath(
  new URL(`../../../build/native/hubwatch_fts5.${process.platform === 'win32' ? 'dll' : process.platform === 'darwin' ? 'dylib' : 'so'}`, import.meta.url),
);

/** Phrases counted per month before the month's counts are dropped and counted afresh. */
const KEPT_PER_MONTH = 2_000;

/**
 * A phrase of an FTS5 expression as `ftsExpression` (sqlite-compile.ts) writes it: an optional
 * `title : ` column filter, a double-quoted string (quotes doubled inside), an optional `*`.
 */
const PHRASE = /(?:title : )?"(?:[^"]|"")*"\*?/g;

/**
 * The phrases of an expression written by `ftsExpression`, in the order FTS5 numbers them (the
 * order they are written in). A quoted string that holds no token is no phrase to FTS5: the list
 * is then longer than FTS5's, and `hubwatch_bm25` counts the phrases itself.
 */
export function ftsPhrases(expression: string): string[] {
  return expression.match(PHRASE) ?? [];
}

interface MonthCounts {
  /** The table's averages and structure records when the counts were read: any write changes them. */
  stamp: Buffer;
  counts: Map<string, number>;
}

/** One connection's counts of rows per phrase and month, read on first use and kept until the month's table changes. */
export class PhraseCounts {
  private readonly months = new Map<string, MonthCounts>();

  constructor(private readonly db: Database.Database) {}

  /**
   * The `counts` argument of `hubwatch_bm25` for one month's table and expression: one count per
   * phrase, space-separated. Null when a phrase cannot be counted on its own (FTS5 then counts).
   */
  of(month: string, expression: string): string | null {
    const table = `${FTS_TABLE_PREFIX}${month}`;
    const kept = this.current(month, table);
    const phrases = ftsPhrases(expression);
    const missing = [...new Set(phrases.filter((phrase) => !kept.counts.has(phrase)))];
    if (missing.length > 0) {
      const counted = this.count(table, missing);
      if (counted === null) return null;
      if (kept.counts.size + missing.length > KEPT_PER_MONTH) kept.counts.clear();
      missing.forEach((phrase, i) => kept.counts.set(phrase, counted[i]!));
    }
    return phrases.map((phrase) => kept.counts.get(phrase)).join(' ');
  }

  /**
   * The rows holding each phrase, counted by FTS5 for all of them at once (`hubwatch_phrase_rows`
   * on any row holding one; none: all zero). `count(*)` over each phrase's matches cost about twice
   * as much: each row went through SQLite's virtual machine. Null when FTS5 reads them as other
   * phrases than these (a quoted string with no token is none).
   */
  private count(table: string, phrases: string[]): number[] | null {
    let row: { counts: string } | undefined;
    try {
      row = statement(this.db, `SELECT hubwatch_phrase_rows(${table}) AS counts FROM fts.${table} WHERE ${table} MATCH ? LIMIT 1`).get(phrases.join(' OR ')) as
        | { counts: string }
        | undefined;
    } catch {
      return null;
    }
    if (row === undefined) return phrases.map(() => 0);
    const counts = row.counts.split(' ').map(Number);
    return counts.length === phrases.length ? counts : null;
  }

  private current(month: string, table: string): MonthCounts {
    // FTS5 rewrites the averages record (rowid 1: rows and tokens) and the structure record (rowid
    // 10: its segments) in every transaction that writes the table.
    const records = statement(this.db, `SELECT block FROM fts.${table}_data WHERE id IN (1, 10) ORDER BY id`).pluck().all() as Buffer[];
    const stamp = Buffer.concat(records);
    const kept = this.months.get(month);
    if (kept && kept.stamp.equals(stamp)) return kept;
    const fresh = { stamp, counts: new Map<string, number>() };
    this.months.set(month, fresh);
    return fresh;
  }
}

const counters = new WeakMap<Database.Database, PhraseCounts>();

/**
 * Adds `hubwatch_bm25` to a reading connection. Returns why it could not (the library not built, or
 * not loadable here), in which case relevance is scored by FTS5's bm25: the same scores, slower.
 */
export function enableFtsRank(db: Database.Database): string | null {
  if (counters.has(db)) return null;
  if (!existsSync(FTS_RANK_LIBRARY)) return `${FTS_RANK_LIBRARY} is not built (npm install builds it with the C compiler)`;
  try {
    // Entry point: SQLite's default for this file name, `sqlite3_hubwatchfts_init`.
    db.loadExtension(FTS_RANK_LIBRARY);
  } catch (error) {
    return `${FTS_RANK_LIBRARY} could not be loaded: ${(error as Error).message}`;
  }
  counters.set(db, new PhraseCounts(db));
  return null;
}

/** Whether the native library's functions (`hubwatch_bm25`, `hubwatch_top_sum`…) are on this connection. */
export function hasNativeFunctions(db: Database.Database): boolean {
  return counters.has(db);
}

/** The connection's phrase counts when `hubwatch_bm25` is on it; undefined otherwise. */
export function phraseCounts(db: Database.Database): PhraseCounts | undefined {
  return counters.get(db);
}
