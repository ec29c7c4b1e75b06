import type Database from 'better-sqlite3';
import type { Mention } from '../../core/mention.js';
import type { AggregationScope } from '../mention-index.js';
import { andFragments, buildScope, scopeCondition } from './sqlite-scope.js';
import { rowToMention } from './sqlite-upsert.js';

/** Where a scan stopped: the last row's (published, seq). */
export interface ScanPosition {
  published: number;
  seq: number;
}

/**
 * One batch of a scan: the scope's mentions after `after` in (published, seq) order. Keyset paging
 * (no OFFSET, no count), so reading N mentions costs O(N) whatever the batch size.
 */
export function scanSqlite(
  db: Database.Database,
  request: AggregationScope,
  after: ScanPosition | null,
  size: number,
): { mentions: Mention[]; last: ScanPosition | null } {
  const scope = buildScope(db, request.query, request.from, request.to);
  if (scope.empty) return { mentions: [], last: null };
  const parts = [scopeCondition(scope)];
  // A row value, so that SQLite seeks to the position in the date index instead of walking it from the start.
  if (after) parts.push({ sql: '(m.published, m.seq) > (?, ?)', params: [after.published, after.seq] });
  const where = andFragments(parts);
  const rows = db
    .prepare(
      `SELECT m.seq AS seq, m.published AS published, t.title AS title, t.body AS body, t.doc AS doc FROM mentions m JOIN mention_texts t ON t.seq = m.seq WHERE ${where.sql} ORDER BY m.published, m.seq LIMIT ?`,
    )
    .all(...where.params, size) as { seq: number; published: number; title: string; body: string; doc: string }[];
  const last = rows[rows.length - 1];
  return { mentions: rows.map(rowToMention), last: last ? { published: last.published, seq: last.seq } : null };
}
