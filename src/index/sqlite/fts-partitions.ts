import type Database from 'better-sqlite3';
import type { PhraseCounts } from './fts-rank.js';
import { statement } from './sqlite-statements.js';

/**
 * The full-text index is one FTS5 table per UTC month of `published` (`mentions_fts_202611`), in
 * the full-text file. A date-bounded search reads only the months it spans, and within them seeks
 * to the window's rowid (seq) range; retention drops whole months. bm25 weighs terms within each
 * month, as Elasticsearch does within each shard (it reads each term's whole list in the month).
 */
export const FTS_TABLE_PREFIX = 'mentions_fts_';

/**
 * Prefix lengths FTS5 keeps an index for. A wildcard whose stem has exactly this many characters
 * reads one prefix doclist instead of expanding to every word it starts (FTS5 uses a prefix
 * index only for its exact length); the query language asks for at least 3 characters, and
 * 3-letter stems are the ones that expand the most.
 */
export const FTS_PREFIX_LENGTHS: readonly number[] = [3];

/**
 * One month's table, `{schema}{name}` standing for its qualified name. Contentless (the texts are in
 * `mention_texts`) with `contentless_delete`, so rows are deleted by rowid alone; snippets are cut
 * from the stored texts (see `sqlite-search.ts`). Fewer, larger merges while loading: about 20 %
 * faster inserts (reference section 5). A 64 MiB pending-data hash (the default is 1 MiB) lets a
 * 10,000-mention batch reach the disk as one segment, not one per MiB of pending data to be merged: the writer
 * thread's time per batch drops by about a quarter. The settings are re-applied each time a
 * process first writes a month, so older tables get them too.
 */
export const FTS_TABLE_SQL = `
  CREATE VIRTUAL TABLE IF NOT EXISTS {schema}{name} USING fts5 (
    title, body, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '${FTS_PREFIX_LENGTHS.join(' ')}'
  );
  INSERT INTO {schema}{name} ({name}, rank) VALUES ('automerge', 16);
  INSERT INTO {schema}{name} ({name}, rank) VALUES ('crisismerge', 64);
  INSERT INTO {schema}{name} ({name}, rank) VALUES ('hashsize', 67108864);
`;

/** The partition key of a time: its UTC year and month, `YYYYMM`. */
export function ftsMonth(ms: number): string {
  const date = new Date(ms);
  const year = Math.min(9999, Math.max(0, date.getUTCFullYear()));
  return `${String(year).padStart(4, '0')}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** SQL listing the partition tables of a schema (not their shadow tables). */
export function partitionListSql(schema: string): string {
  return `SELECT name FROM ${schema}.sqlite_schema WHERE type = 'table' AND name GLOB '${FTS_TABLE_PREFIX}[0-9][0-9][0-9][0-9][0-9][0-9]' ORDER BY name`;
}

/** The months that have a table in the attached `fts` schema and overlap the window, oldest first. */
export function ftsMonths(db: Database.Database, fromMs?: number, toMs?: number): string[] {
  const first = fromMs === undefined ? null : ftsMonth(fromMs);
  const last = toMs === undefined ? null : ftsMonth(toMs - 1);
  return (statement(db, partitionListSql('fts')).pluck().all() as string[])
    .map((name) => name.slice(FTS_TABLE_PREFIX.length))
    .filter((month) => (first === null || month >= first) && (last === null || month <= last));
}

/**
 * How `ftsMatchSql` scores its rows: not at all (`false`); by FTS5's `bm25` (`true`); by
 * `hubwatch_bm25` from the phrase counts the connection keeps (`PhraseCounts`, fts-rank.ts), the
 * same score; or so, but only the rows whose seq is in `among` (a set written by
 * `hubwatch_seq_set`), the others' score being NULL (`hubwatch_bm25_among`).
 */
export type FtsScoring = boolean | PhraseCounts | { counts: PhraseCounts; among: Buffer };

/**
 * The rowids (as `seq`) of the months' rows matching an FTS5 expression, one sub-select per month
 * joined by UNION ALL, each bounded by the seq range when there is one; with `score`, also the
 * negated bm25 (title weighted 4) as `score` (see `FtsScoring`). No month: an empty select.
 */
export function ftsMatchSql(
  months: readonly string[],
  expression: string,
  seqRange: [number, number] | null,
  score: FtsScoring,
  /** One more condition on each month's rows (`rowid` is theirs). */
  condition?: string,
): { sql: string; params: unknown[] } {
  if (months.length === 0) return { sql: `SELECT NULL AS seq${score ? ', NULL AS score' : ''} WHERE 0`, params: [] };
  const params: unknown[] = [];
  const parts = months.map((month) => {
    const table = `${FTS_TABLE_PREFIX}${month}`;
    let scored = '';
    if (score === true) scored = `, -bm25(${table}, 4.0, 1.0) AS score`;
    else if (score !== false && 'among' in score) {
      scored = `, -hubwatch_bm25_among(${table}, ?, ?, 4.0, 1.0) AS score`;
      params.push(score.among, score.counts.of(month, expression));
    } else if (score !== false) {
      scored = `, -hubwatch_bm25(${table}, ?, 4.0, 1.0) AS score`;
      params.push(score.of(month, expression));
    }
    params.push(expression);
    let sql = `SELECT rowid AS seq${scored} FROM fts.${table} WHERE ${table} MATCH ?`;
    if (seqRange) {
      // Integers, not the REAL better-sqlite3 binds a JS number as: FTS5 seeks to a rowid bound
      // only when it is an integer and otherwise reads the term's whole list (SQLite then drops
      // the rows outside), so a search over a quarter of a month cost the whole month.
      sql += ' AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)';
      params.push(seqRange[0], seqRange[1]);
    }
    if (condition) sql += ` AND ${condition}`;
    return sql;
  });
  return { sql: parts.join(' UNION ALL '), params };
}

/** A per-connection fts5vocab table over one month's table (for wildcard expansion checks). */
export function vocabTable(db: Database.Database, month: string): string {
  const name = `vocab_${month}`;
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${name} USING fts5vocab (fts, ${FTS_TABLE_PREFIX}${month}, row)`);
  return `temp.${name}`;
}
