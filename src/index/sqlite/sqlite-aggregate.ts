import type Database from 'better-sqlite3';
import { UserInputError } from '../../core/errors.js';
import { bucketKey, bucketRange, checkTimeZone, constantOffset, dayNumberToDate, localDate } from '../calendar.js';
import type {
  AggregationScope,
  HistogramBucket,
  HistogramRequest,
  SentimentBucket,
  StoryBucket,
  TermBucket,
  TermDimension,
} from '../mention-index.js';
import type { QueryNode } from '../query/ast.js';
import { andFragments, buildScope, scopeCondition, type Scope } from './sqlite-scope.js';
import { ALL_MENTIONS } from './sqlite-retention.js';
import { brandCountsFromRollup, topAuthorsFromRollup, topSourcesFromRollup, topStoriesFromRollup } from './sqlite-rollup-tops.js';
import { rowToMention } from './sqlite-upsert.js';

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;
const LABELS = ['positive', 'neutral', 'negative', 'unscored'] as const;

/** Rows of one query over either the covering entity table or the mentions table. */
interface Source {
  table: string;
  published: string;
  label: string;
  seq: string;
  where: { sql: string; params: unknown[] };
  /** Set when the rows are one watchlist entry's (the daily rollup can answer). */
  entity?: { kind: string; id: string; fromMs?: number; toMs?: number };
}

/**
 * A query that is exactly one entity filter (`brand:acme`) naming one entry is answered from the
 * covering (kind, entity, published) table alone; anything else from `mentions`.
 */
function sourceFor(db: Database.Database, query: QueryNode | null, scope: Scope): Source {
  if (query?.kind === 'term' && !query.prefix && (query.field === 'brand' || query.field === 'person' || query.field === 'topic')) {
    const ids = db
      .prepare('SELECT entity_id FROM entities WHERE kind = ? AND (entity_id = ? OR name_key = ?) LIMIT 2')
      .all(query.field, query.value, query.value) as { entity_id: string }[];
    if (ids.length === 1 && ids[0]) {
      const params: unknown[] = [query.field, ids[0].entity_id];
      let sql = 'me.kind = ? AND me.entity_id = ?';
      if (scope.bounds.fromMs !== undefined) {
        sql += ' AND me.published >= ?';
        params.push(scope.bounds.fromMs);
      }
      if (scope.bounds.toMs !== undefined) {
        sql += ' AND me.published < ?';
        params.push(scope.bounds.toMs);
      }
      const entity = { kind: query.field, id: ids[0].entity_id, fromMs: scope.bounds.fromMs, toMs: scope.bounds.toMs };
      return { table: 'mention_entities me', published: 'me.published', label: 'me.label', seq: 'me.seq', where: { sql, params }, entity };
    }
  }
  // Everything in the window: the all-mentions rollup answers whole days.
  const all = query === null ? { entity: { kind: ALL_MENTIONS, id: ALL_MENTIONS, fromMs: scope.bounds.fromMs, toMs: scope.bounds.toMs } } : {};
  return { table: 'mentions m', published: 'm.published', label: 'm.label', seq: 'm.seq', where: scopeCondition(scope), ...all };
}

interface Units {
  /** SQL expression of the unit number for a published column placeholder `$p`. */
  expr: string;
  params: unknown[];
  toDate: (unit: number) => string;
  /** The zone's offset when it is constant over the window (units are then local days). */
  offset: number | null;
}

interface UnitRow {
  unit: number;
  label?: string;
  n: number;
}

/**
 * One entry's counts per UTC day (and label) from the `entity_days` rollup for the whole days of
 * the window, and from the covering table for the partial days at its edges. Null when the
 * rollup cannot answer (another query, or days not cut in UTC).
 */
function rollupRows(db: Database.Database, source: Source, unit: Units, withLabel: boolean): UnitRow[] | null {
  const entity = source.entity;
  if (!entity || unit.offset !== 0) return null;
  const firstFull = entity.fromMs === undefined ? undefined : Math.ceil(entity.fromMs / DAY_MS);
  const lastFull = entity.toMs === undefined ? undefined : Math.floor(entity.toMs / DAY_MS);
  const label = withLabel ? ', label' : '';
  const rows: UnitRow[] = [];
  const days = ['kind = ? AND entity_id = ?'];
  const params: unknown[] = [entity.kind, entity.id];
  if (firstFull !== undefined) {
    days.push('day >= ?');
    params.push(firstFull);
  }
  if (lastFull !== undefined) {
    days.push('day < ?');
    params.push(lastFull);
  }
  rows.push(
    ...(db
      .prepare(`SELECT day AS unit${label}, sum(count) AS n FROM entity_days WHERE ${days.join(' AND ')} GROUP BY day${label}`)
      .all(...params) as UnitRow[]),
  );
  const edge =
    entity.kind === ALL_MENTIONS
      ? { all: (_kind: string, _id: string, from: number, to: number) => db.prepare(`SELECT published / ${DAY_MS} AS unit${label}, count(*) AS n FROM mentions WHERE published >= ? AND published < ? GROUP BY unit${label}`).all(from, to) }
      : db.prepare(
        `SELECT published / ${DAY_MS} AS unit${label}, count(*) AS n FROM mention_entities WHERE kind = ? AND entity_id = ? AND published >= ? AND published < ? GROUP BY unit${label}`,
      );
  if (entity.fromMs !== undefined && firstFull !== undefined) {
    const end = Math.min(firstFull * DAY_MS, entity.toMs ?? Infinity);
    if (end > entity.fromMs) rows.push(...(edge.all(entity.kind, entity.id, entity.fromMs, end) as UnitRow[]));
  }
  if (entity.toMs !== undefined && lastFull !== undefined) {
    const start = Math.max(lastFull * DAY_MS, entity.fromMs ?? -Infinity, (firstFull ?? -Infinity) * DAY_MS);
    if (entity.toMs > start) rows.push(...(edge.all(entity.kind, entity.id, start, entity.toMs) as UnitRow[]));
  }
  return rows.filter((row) => row.n > 0);
}

/** How to cut time in SQL: whole local days when the zone's offset is constant, else quarter hours. */
function units(db: Database.Database, source: Source, timeZone: string, from?: Date, to?: Date): Units {
  let lo = from?.getTime();
  let hi = to?.getTime();
  if (lo === undefined || hi === undefined) {
    const row = db.prepare('SELECT min(published) AS lo, max(published) AS hi FROM mentions').get() as { lo: number | null; hi: number | null };
    lo ??= row.lo ?? 0;
    hi ??= row.hi ?? 0;
  }
  const offset = timeZone === 'UTC' ? 0 : constantOffset(timeZone, lo, hi);
  if (offset !== null) return { expr: `(${source.published} + ?) / ${DAY_MS}`, params: [offset], toDate: dayNumberToDate, offset };
  return { expr: `${source.published} / ${QUARTER_HOUR_MS}`, params: [], toDate: (unit) => localDate(timeZone, unit * QUARTER_HOUR_MS), offset: null };
}

function checkInterval(request: HistogramRequest): string {
  const timeZone = request.timeZone ?? 'UTC';
  checkTimeZone(timeZone);
  if (!['day', 'week', 'month'].includes(request.interval)) {
    throw new UserInputError(`interval must be day, week or month (got ${String(request.interval)})`, 'invalid-interval');
  }
  return timeZone;
}

function fill<T extends { key: string }>(found: Map<string, T>, request: HistogramRequest, make: (key: string) => T): T[] {
  const keys = [...found.keys()].sort();
  const timeZone = request.timeZone ?? 'UTC';
  const first = request.from ? bucketKey(localDate(timeZone, request.from.getTime()), request.interval) : keys[0];
  const last = request.to ? bucketKey(localDate(timeZone, request.to.getTime() - 1), request.interval) : keys[keys.length - 1];
  if (first === undefined || last === undefined) return [];
  return bucketRange(first, last, request.interval).map((key) => found.get(key) ?? make(key));
}

/** Mentions per calendar bucket, zero-filled over the window. */
export function histogramSqlite(db: Database.Database, request: HistogramRequest): HistogramBucket[] {
  const timeZone = checkInterval(request);
  const scope = buildScope(db, request.query, request.from, request.to);
  if (scope.empty) return fill(new Map(), request, (key) => ({ key, count: 0 }));
  const source = sourceFor(db, request.query, scope);
  const unit = units(db, source, timeZone, request.from, request.to);
  const rows =
    rollupRows(db, source, unit, false) ??
    (db
      .prepare(`SELECT ${unit.expr} AS unit, count(*) AS n FROM ${source.table} WHERE ${source.where.sql} GROUP BY unit`)
      .all(...unit.params, ...source.where.params) as UnitRow[]);
  const found = new Map<string, HistogramBucket>();
  for (const row of rows) {
    const key = bucketKey(unit.toDate(row.unit), request.interval);
    const bucket = found.get(key) ?? { key, count: 0 };
    bucket.count += row.n;
    found.set(key, bucket);
  }
  return fill(found, request, (key) => ({ key, count: 0 }));
}

/** Sentiment labels per calendar bucket, zero-filled over the window. */
export function sentimentOverTimeSqlite(db: Database.Database, request: HistogramRequest): SentimentBucket[] {
  const timeZone = checkInterval(request);
  const empty = (key: string): SentimentBucket => ({ key, positive: 0, neutral: 0, negative: 0, unscored: 0 });
  const scope = buildScope(db, request.query, request.from, request.to);
  if (scope.empty) return fill(new Map(), request, empty);
  const source = sourceFor(db, request.query, scope);
  const unit = units(db, source, timeZone, request.from, request.to);
  const rows =
    rollupRows(db, source, unit, true) ??
    (db
      .prepare(`SELECT ${unit.expr} AS unit, ${source.label} AS label, count(*) AS n FROM ${source.table} WHERE ${source.where.sql} GROUP BY unit, label`)
      .all(...unit.params, ...source.where.params) as UnitRow[]);
  const found = new Map<string, SentimentBucket>();
  for (const row of rows) {
    const key = bucketKey(unit.toDate(row.unit), request.interval);
    const bucket = found.get(key) ?? empty(key);
    if (row.label !== undefined && (LABELS as readonly string[]).includes(row.label)) bucket[row.label as (typeof LABELS)[number]] += row.n;
    found.set(key, bucket);
  }
  return fill(found, request, empty);
}

const COLUMNS: Record<Exclude<TermDimension, 'brand' | 'person' | 'topic' | 'source'>, string> = {
  author: 'm.author',
  channel: 'm.channel',
  language: 'm.language',
  sentiment: 'm.label',
};

/** The most frequent values of a dimension in the scope, most frequent first (ties by key). */
export function topTermsSqlite(db: Database.Database, request: AggregationScope & { dimension: TermDimension; size: number }): TermBucket[] {
  const size = Math.max(1, Math.min(1000, Math.floor(request.size)));
  const scope = buildScope(db, request.query, request.from, request.to);
  if (scope.empty) return [];
  const dimension = request.dimension;
  // A bare window: the day rollups answer.
  if (request.query === null && dimension === 'source') return topSourcesFromRollup(db, scope.bounds, size);
  if (request.query === null && dimension === 'author') return topAuthorsFromRollup(db, scope.bounds, size);
  const condition = scopeCondition(scope);
  if (dimension === 'brand' || dimension === 'person' || dimension === 'topic') {
    return db
      .prepare(
        `SELECT me.entity_id AS key, count(*) AS count FROM mention_entities me JOIN mentions m ON m.seq = me.seq WHERE me.kind = ? AND ${condition.sql} GROUP BY me.entity_id ORDER BY count DESC, key LIMIT ?`,
      )
      .all(dimension, ...condition.params, size) as TermBucket[];
  }
  if (dimension === 'source') {
    // A mention counts under each source that delivered it: its primary and the others.
    return db
      .prepare(
        `SELECT key, count(*) AS count FROM (SELECT m.source_id AS key FROM mentions m WHERE ${condition.sql} UNION ALL SELECT ms.source_id AS key FROM mention_sources ms JOIN mentions m ON m.seq = ms.seq WHERE ${condition.sql}) GROUP BY key ORDER BY count DESC, key LIMIT ?`,
      )
      .all(...condition.params, ...condition.params, size) as TermBucket[];
  }
  const column = COLUMNS[dimension];
  if (column === undefined) throw new UserInputError(`unknown dimension '${String(dimension)}'`, 'invalid-dimension');
  return db
    .prepare(`SELECT ${column} AS key, count(*) AS count FROM mentions m WHERE ${column} IS NOT NULL AND ${condition.sql} GROUP BY key ORDER BY count DESC, key LIMIT ?`)
    .all(...condition.params, size) as TermBucket[];
}

/** Mentions per brand (share of voice): the brands named (zeros kept), or every brand seen. */
export function shareOfVoiceSqlite(db: Database.Database, request: AggregationScope & { brands?: string[] }): TermBucket[] {
  const scope = buildScope(db, request.query, request.from, request.to);
  const brands = request.brands;
  let rows: TermBucket[] = [];
  if (!scope.empty && request.query === null) {
    rows = brandCountsFromRollup(db, scope.bounds, brands);
  } else if (!scope.empty) {
    const parts: { sql: string; params: unknown[] }[] = [{ sql: "me.kind = 'brand'", params: [] }];
    if (brands && brands.length > 0) parts.push({ sql: `me.entity_id IN (${brands.map(() => '?').join(',')})`, params: brands });
    if (scope.bounds.fromMs !== undefined) parts.push({ sql: 'me.published >= ?', params: [scope.bounds.fromMs] });
    if (scope.bounds.toMs !== undefined) parts.push({ sql: 'me.published < ?', params: [scope.bounds.toMs] });
    if (request.query !== null) {
      const condition = scopeCondition(scope);
      parts.push({ sql: `me.seq IN (SELECT m.seq FROM mentions m WHERE ${condition.sql})`, params: condition.params });
    }
    const where = andFragments(parts);
    rows = db
      .prepare(`SELECT me.entity_id AS key, count(*) AS count FROM mention_entities me WHERE ${where.sql} GROUP BY me.entity_id`)
      .all(...where.params) as TermBucket[];
  }
  const found = new Map(rows.map((row) => [row.key, row]));
  for (const brand of brands ?? []) if (!found.has(brand)) found.set(brand, { key: brand, count: 0 });
  return [...found.values()].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The biggest stories in the scope, each with its first-published copy. */
export function topStoriesSqlite(db: Database.Database, request: AggregationScope & { size: number }): StoryBucket[] {
  const size = Math.max(1, Math.min(100, Math.floor(request.size)));
  const scope = buildScope(db, request.query, request.from, request.to);
  if (scope.empty) return [];
  if (request.query === null) return topStoriesFromRollup(db, scope.bounds, size);
  const condition = scopeCondition(scope);
  // Each story's origin is its first copy of the text, a share only when no copy is in scope.
  const rows = db
    .prepare(
      `SELECT story, n, first, amplifiers, seq FROM (
        SELECT coalesce(m.story_id, m.id) AS story, m.seq AS seq, count(*) OVER w AS n, min(m.published) OVER w AS first,
          sum(m.amplifier) OVER w AS amplifiers, row_number() OVER (w ORDER BY m.amplifier, m.published, m.id) AS place
        FROM mentions m WHERE ${condition.sql} WINDOW w AS (PARTITION BY coalesce(m.story_id, m.id))
      ) WHERE place = 1 ORDER BY n DESC, first ASC, story LIMIT ?`,
    )
    .all(...condition.params, size) as { story: string; n: number; first: number; amplifiers: number; seq: number }[];
  const docs = db.prepare('SELECT title, body, doc FROM mention_texts WHERE seq = ?');
  return rows.map((row) => ({
    storyId: row.story,
    origin: rowToMention(docs.get(row.seq) as { title: string; body: string; doc: string }),
    count: row.n,
    amplifiers: row.amplifiers,
  }));
}
