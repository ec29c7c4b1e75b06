import type Database from 'better-sqlite3';
import { UserInputError } from '../../core/errors.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { plainSnippet } from '../plain-snippet.js';
import type { SearchHit, SearchPage, SearchRequest } from '../mention-index.js';
import { ftsMatchSql } from './fts-partitions.js';
import { phraseCounts, type PhraseCounts } from './fts-rank.js';
import { highlightQuery, highlightRow } from './fts5-highlight.js';
import { seqRangeOf, type Fragment } from './sqlite-compile.js';
import { andFragments, buildScope, type Scope } from './sqlite-scope.js';
import { statement } from './sqlite-statements.js';
import { rowToMention } from './sqlite-upsert.js';

const SNIPPET_TOKENS = 24;
/** Unfiltered searches count exactly up to this many mentions; past it the total is a lower bound. */
export const UNFILTERED_COUNT_CAP = 10_000;

/** A row of a page by date. */
interface Row {
  seq: number;
  published: number;
  total?: number;
}

/** A row of a relevance page: its score, and the count of all the search's rows. */
interface ScoredRow {
  seq: number;
  score: number;
  total: number;
}

/**
 * With an exact entity filter at the top naming one watchlist entry (`brand=acme`): the FROM/WHERE
 * of the search driven by that entry's rows (their index holds published and seq, and they carry
 * the label and channel), with text the full-text matches checked on those rows. When the other
 * conditions read only what the rows hold (the window, a sentiment, a channel), the rows stand for
 * `m` and no mention is read; otherwise each row is joined to its mention. An entry has one row per
 * mention, so neither repeats a mention. Null otherwise; without `text`, the same rows before the
 * full-text condition. `m.seq IN (…)` built the list of the
 * entry's mentions first: a brand's negative news over 90 days at 1M mentions cost 4.7 ms of SQL
 * that way, 3.8 joined, and the most frequent brand's (6,262 of them) 20.7 ms joined before the
 * rows held the channel, 7.3 from the rows alone.
 */
function entityBody(db: Database.Database, scope: Scope, text = true): { sql: string; params: unknown[]; alone: boolean } | null {
  const at = scope.where.findIndex((fragment) => fragment.entity !== undefined);
  if (at < 0) return null;
  const { kind, value, label, channel } = scope.where[at]!.entity!;
  const ids = statement(db, 'SELECT entity_id FROM entities WHERE kind = ? AND (entity_id = ? OR name_key = ?) LIMIT 2').all(kind, value, value) as { entity_id: string }[];
  if (ids.length !== 1) return null;
  const rest = scope.where.filter((_, i) => i !== at);
  const alone = rest.every((fragment) => fragment.entityColumns === true);
  const e = alone ? 'm' : 'me';
  const rows: Fragment[] = [{ sql: `${e}.kind = ? AND ${e}.entity_id = ?`, params: [kind, ids[0]!.entity_id] }];
  if (!alone) {
    // On their own, the rows are checked by the other conditions themselves.
    if (scope.bounds.fromMs !== undefined) rows.push({ sql: 'me.published >= ?', params: [scope.bounds.fromMs] });
    if (scope.bounds.toMs !== undefined) rows.push({ sql: 'me.published < ?', params: [scope.bounds.toMs] });
    if (label !== undefined) rows.push({ sql: 'me.label = ?', params: [label] });
    if (channel !== undefined) rows.push({ sql: 'me.channel = ?', params: [channel] });
  }
  if (text && scope.compiled.fts !== null) {
    const match = ftsMatchSql(scope.bounds.months ?? [], scope.compiled.fts, seqRangeOf(scope.bounds), false);
    rows.push({ sql: `${e}.seq IN (${match.sql})`, params: match.params });
  }
  const conditions = andFragments([...rows, ...rest]);
  // CROSS JOIN: the entry's rows outside, whatever the planner would guess.
  const from = alone ? 'mention_entities m' : 'mention_entities me CROSS JOIN mentions m ON m.seq = me.seq';
  return { sql: `FROM ${from} WHERE ${conditions.sql}`, params: conditions.params, alone };
}

/**
 * With text and an entity filter (`q=… & brand=…`) at the top, the FROM/WHERE of the search over
 * `mentions m` alone, the full-text matches checked on the entity's rows (seq and published, in its
 * index) before any mention is looked up, so only the mentions with both are read; null otherwise.
 * Joining the matches to `mentions` first read one row per match (5,500 for two common words over
 * 30 days at 1M mentions, to keep 441) and built the entity's list once per month: 10 ms of SQL for
 * that search, 4.6 ms this way. A filter naming one entry is read as `entityBody` reads it; this
 * form serves the others (a prefix, a value naming two entries).
 */
function narrowedBody(db: Database.Database, scope: Scope): { sql: string; params: unknown[] } | null {
  if (scope.compiled.fts === null) return null;
  const driven = entityBody(db, scope);
  if (driven) return driven;
  const entity = scope.where.findIndex((fragment) => fragment.narrowed !== undefined);
  if (entity < 0) return null;
  const match = ftsMatchSql(scope.bounds.months ?? [], scope.compiled.fts, seqRangeOf(scope.bounds), false);
  const narrowed = scope.where.map((fragment, i) => (i === entity ? fragment.narrowed!({ sql: `me.seq IN (${match.sql})`, params: match.params }) : fragment));
  const conditions = andFragments(narrowed);
  return { sql: `FROM mentions m WHERE ${conditions.sql}`, params: conditions.params };
}

/**
 * The FROM/WHERE of a search, without order or page: the matches of the window's full-text
 * months (`f.seq`, and `f.score` with `score`) joined to `mentions m`, or without `score` the
 * form of `narrowedBody` when it applies. A query whose top is not
 * text (`"Claire Dubois" OR person:claire-dubois`) is selected by SQL; with `score`, its text
 * part is scored beside it (`f.score`, null where the text did not match), so it ranks too.
 * `ordered`: the rows are one entry's alone (`entityBody`), which its index gives newest first.
 */
function body(db: Database.Database, scope: Scope, score: boolean): { sql: string; params: unknown[]; fts: boolean; ordered?: boolean } {
  const where = andFragments(scope.where);
  if (scope.compiled.fts === null) {
    if (score && scope.compiled.highlight !== null) {
      const text = ftsMatchSql(scope.bounds.months ?? [], scope.compiled.highlight, seqRangeOf(scope.bounds), scoring(db));
      return { sql: `FROM mentions m LEFT JOIN (${text.sql}) f ON f.seq = m.seq WHERE ${where.sql}`, params: [...text.params, ...where.params], fts: true };
    }
    const driven = entityBody(db, scope);
    if (driven) return { sql: driven.sql, params: driven.params, fts: false, ordered: driven.alone };
    return { sql: `FROM mentions m WHERE ${where.sql}`, params: where.params, fts: false };
  }
  if (!score) {
    const narrowed = narrowedBody(db, scope);
    if (narrowed) return { ...narrowed, fts: true };
  }
  const match = ftsMatchSql(scope.bounds.months ?? [], scope.compiled.fts, seqRangeOf(scope.bounds), score && scoring(db));
  return {
    sql: `FROM (${match.sql}) f JOIN mentions m ON m.seq = f.seq WHERE ${where.sql}`,
    params: [...match.params, ...where.params],
    fts: true,
  };
}

/** How this connection scores: with the phrase counts it keeps when it has `hubwatch_bm25`, else FTS5's bm25 (the same scores). */
function scoring(db: Database.Database): true | PhraseCounts {
  return phraseCounts(db) ?? true;
}

function hits(db: Database.Database, scope: Scope, rows: readonly { seq: number; score?: number }[]): SearchHit[] {
  if (rows.length === 0) return [];
  const marks = rows.map(() => '?').join(',');
  const docs = new Map<number, { title: string; body: string; doc: string }>();
  for (const row of statement(db, `SELECT seq, title, body, doc FROM mention_texts WHERE seq IN (${marks})`).all(...rows.map((r) => r.seq)) as {
    seq: number;
    title: string;
    body: string;
    doc: string;
  }[]) {
    docs.set(row.seq, row);
  }
  // FTS5's highlight() and snippet() as computed by `highlightRow` (the same strings; an FTS5 table
  // of the page's texts cost a write transaction per page, about 1 ms).
  const query = scope.compiled.highlight === null ? null : highlightQuery(scope.compiled.highlightLeaves);
  return rows.flatMap((row) => {
    const doc = docs.get(row.seq);
    if (!doc) return [];
    const marked = query === null ? null : highlightRow(query, doc.title, doc.body, SNIPPET_TOKENS);
    const snippets = marked === null ? [plainSnippet(doc.body)] : marked.title.includes('\u0002') ? [marked.body, marked.title] : [marked.body];
    const hit: SearchHit = { mention: rowToMention(doc), snippets };
    if (row.score !== undefined) hit.score = row.score;
    return [hit];
  });
}

function countAll(db: Database.Database, from: { sql: string; params: unknown[] }): number {
  const { n } = statement(db, `SELECT count(*) AS n ${from.sql}`).get(...from.params) as { n: number };
  return n;
}

/**
 * A page of a relevance search with text and one watchlist entry at the top (`entityBody`), when
 * the connection has `hubwatch_bm25_among`: the entry's rows (every condition but the text) as a
 * set, then one pass over the full-text matches that scores those in the set and leaves the others
 * unscored. For two common words, a brand and 30 days at 1M mentions: 4.3–5.8 ms of SQL against
 * 9.1–10.7 for `scoredRows` (the same rows and scores), which reads the matches twice. Null when
 * it does not apply.
 */
function scoredAmongEntity(db: Database.Database, scope: Scope, snapshot: number, count: number, offset: number): ScoredRow[] | null {
  const counts = phraseCounts(db);
  if (counts === undefined || scope.compiled.fts === null) return null;
  const entity = entityBody(db, scope, false);
  if (entity === null) return null;
  const among = statement(db, `SELECT hubwatch_seq_set(m.seq) ${entity.sql} AND m.seq <= ?`).pluck().get(...entity.params, snapshot) as Buffer;
  const scored = ftsMatchSql(scope.bounds.months ?? [], scope.compiled.fts, seqRangeOf(scope.bounds), { counts, among });
  // `hubwatch_bm25_among` is NULL outside the set: those rows are not the entry's.
  const sql = `SELECT seq, score, count(*) OVER () AS total FROM (${scored.sql}) WHERE score IS NOT NULL ORDER BY score DESC, seq DESC LIMIT ? OFFSET ?`;
  return statement(db, sql).all(...scored.params, count, offset) as ScoredRow[];
}

/**
 * A page of a relevance search in general: the matching mentions with their scores, best first.
 * With text and an entity filter, the mentions are selected as by date and then just those are
 * scored: bm25 for each of the months' matches, before the entity filter, cost more than the search
 * itself (7.9 ms of SQL instead of 11.9 for two common words, a brand and 30 days).
 */
function scoredRows(db: Database.Database, scope: Scope, snapshot: number, count: number, offset: number): ScoredRow[] {
  const narrowed = narrowedBody(db, scope);
  let matches: { sql: string; params: unknown[] };
  if (narrowed && scope.compiled.fts !== null) {
    // `+rowid`: a filter on the rows the full-text table gives, not a lookup of each (which would
    // start a query per row).
    const scored = ftsMatchSql(scope.bounds.months ?? [], scope.compiled.fts, seqRangeOf(scope.bounds), scoring(db), '+rowid IN (SELECT seq FROM c)');
    matches = {
      sql: `c AS MATERIALIZED (SELECT m.seq AS seq ${narrowed.sql} AND m.seq <= ?), s AS MATERIALIZED (${scored.sql}), matches AS MATERIALIZED (SELECT c.seq AS seq, coalesce(s.score, 0) AS score FROM c LEFT JOIN s ON s.seq = c.seq)`,
      params: [...narrowed.params, snapshot, ...scored.params],
    };
  } else {
    const from = body(db, scope, true);
    matches = { sql: `matches AS MATERIALIZED (SELECT m.seq AS seq, coalesce(f.score, 0) AS score ${from.sql} AND m.seq <= ?)`, params: [...from.params, snapshot] };
  }
  const sql = `WITH ${matches.sql} SELECT seq, score, count(*) OVER () AS total FROM matches ORDER BY score DESC, seq DESC LIMIT ? OFFSET ?`;
  return statement(db, sql).all(...matches.params, count, offset) as ScoredRow[];
}

/**
 * Search over the SQLite index, in one pass that also counts (`count(*) OVER ()`): the FTS scan is
 * the cost, so it is run once. By date: keyset pages on (published, seq) descending, so inserts
 * between pages neither repeat nor skip a hit. By relevance (bm25, title weighted): pages by offset
 * over a snapshot of the rows that existed at the first page.
 */
export function searchSqlite(db: Database.Database, request: SearchRequest): SearchPage {
  if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > 100) {
    throw new UserInputError(`limit must be an integer from 1 to 100 (got ${request.limit})`, 'invalid-limit');
  }
  const scope = buildScope(db, request.query, request.from, request.to);
  if (scope.empty) return { total: 0, totalIsExact: true, hits: [], nextCursor: null };
  const limit = request.limit;
  if (request.sort === 'relevance' && (scope.compiled.fts !== null || scope.compiled.highlight !== null)) {
    const cursor = request.cursor ? decodeCursor(request.cursor, 'relevance') : null;
    const snapshot = cursor?.sort === 'relevance' ? Number(cursor.snapshot) : maxSeq(db);
    const offset = cursor?.sort === 'relevance' ? cursor.offset : 0;
    const rows = scoredAmongEntity(db, scope, snapshot, limit + 1, offset) ?? scoredRows(db, scope, snapshot, limit + 1, offset);
    const page = rows.slice(0, limit);
    // A page past the end has no row to carry the total: counted apart, unscored (the same rows).
    let total = rows[0]?.total;
    if (total === undefined) {
      const unscored = body(db, scope, false);
      total = countAll(db, { sql: `${unscored.sql} AND m.seq <= ?`, params: [...unscored.params, snapshot] });
    }
    return {
      total,
      totalIsExact: true,
      hits: hits(db, scope, page),
      nextCursor: rows.length > limit ? encodeCursor({ sort: 'relevance', offset: offset + limit, snapshot: String(snapshot) }) : null,
    };
  }
  // By date (and by relevance without any text: there is nothing to score). Rows after the
  // cursor sort first; the others are only counted.
  const from = body(db, scope, false);
  const cursor = request.cursor ? decodeCursor(request.cursor, 'date') : null;
  const after =
    cursor?.sort === 'date'
      ? { sql: '(m.published < ? OR (m.published = ? AND m.seq < ?))', params: [cursor.published, cursor.published, Number(cursor.after)] }
      : { sql: '1', params: [] };
  if (request.query === null || from.ordered) {
    // Everything in a window (the page's first view), or one entry's rows alone without text:
    // counting apart (everything up to a cap, past which the total is a lower bound, as
    // Elasticsearch's is), then walking the index newest first from the cursor, costs a fraction
    // of numbering and sorting every row of the window in one pass (1M rows: 1.8 s; a brand's
    // 1,300 mentions of a week: about 1 ms). Other filtered scopes keep the one pass: counting
    // apart would run their conditions twice.
    const cap = request.query === null ? UNFILTERED_COUNT_CAP : Number.MAX_SAFE_INTEGER;
    const counted = (statement(db, `SELECT count(*) AS n FROM (SELECT 1 ${from.sql} LIMIT ?)`).get(...from.params, cap === Number.MAX_SAFE_INTEGER ? -1 : cap + 1) as { n: number }).n;
    const page = statement(db, `SELECT m.seq AS seq, m.published AS published ${from.sql} AND ${after.sql} ORDER BY m.published DESC, m.seq DESC LIMIT ?`)
      .all(...from.params, ...after.params, limit + 1) as Row[];
    const shown = page.slice(0, limit);
    const end = shown[shown.length - 1];
    return {
      total: Math.min(counted, cap),
      totalIsExact: counted <= cap,
      hits: hits(db, scope, shown),
      nextCursor: page.length > limit && end ? encodeCursor({ sort: 'date', published: end.published, after: String(end.seq) }) : null,
    };
  }
  const sql = `SELECT m.seq AS seq, m.published AS published, count(*) OVER () AS total, ${after.sql} AS next ${from.sql} ORDER BY next DESC, m.published DESC, m.seq DESC LIMIT ?`;
  const found = statement(db, sql).all(...after.params, ...from.params, limit + 1) as (Row & { next: number })[];
  const rows = found.filter((row) => row.next === 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    total: found[0]?.total ?? 0,
    totalIsExact: true,
    hits: hits(db, scope, page),
    nextCursor: rows.length > limit && last ? encodeCursor({ sort: 'date', published: last.published, after: String(last.seq) }) : null,
  };
}

function maxSeq(db: Database.Database): number {
  const { n } = statement(db, 'SELECT coalesce(max(seq), 0) AS n FROM mentions').get() as { n: number };
  return n;
}
