import type Database from 'better-sqlite3';
import { UserInputError } from '../../core/errors.js';
import type { QueryNode } from '../query/ast.js';
import { FTS_PREFIX_LENGTHS, ftsMatchSql, ftsMonths, vocabTable } from './fts-partitions.js';
import { statement } from './sqlite-statements.js';
import { compileQuery, seqRangeOf, type Bounds, type CompiledQuery, type Fragment } from './sqlite-compile.js';

const DAY_MS = 86_400_000;
/** Most words one wildcard may stand for; beyond it the query is refused, not run. */
export const MAX_WILDCARD_EXPANSIONS = 2000;

/** A compiled scope: conditions over `mentions m` (published window included) and the FTS part. */
export interface Scope {
  compiled: CompiledQuery;
  bounds: Bounds;
  /** Conditions over `mentions m`, the FTS part excluded. */
  where: Fragment[];
  /** True when the window holds no mention at all (nothing to run). */
  empty: boolean;
}

function and(fragments: Fragment[]): Fragment {
  if (fragments.length === 0) return { sql: '1', params: [] };
  return { sql: fragments.map((f) => f.sql).join(' AND '), params: fragments.flatMap((f) => f.params) };
}

/** Joins fragments with AND. */
export { and as andFragments };

/** Counts words a wildcard expands to in the window's months, up to the limit, and refuses when over it. */
function checkExpansions(db: Database.Database, stems: string[], months: readonly string[]): void {
  if (stems.length === 0 || months.length === 0) return;
  const vocabularies = months.map((month) => vocabTable(db, month));
  const union = vocabularies.map((table) => `SELECT term FROM ${table} WHERE term >= ? AND term < ?`).join(' UNION ');
  const count = db.prepare(`SELECT count(*) AS n FROM (SELECT term FROM (${union}) LIMIT ?)`);
  for (const stem of stems) {
    // FTS5 applies the wildcard to the stem's last token.
    const token = stem.split(/[^\p{L}\p{N}]+/u).filter(Boolean).pop() ?? stem;
    // A prefix index answers this length with one doclist, however many words it stands for.
    if (FTS_PREFIX_LENGTHS.includes([...token].length)) continue;
    const bounds = vocabularies.flatMap(() => [token, `${token}\u{10FFFF}`]);
    const { n } = count.get(...bounds, MAX_WILDCARD_EXPANSIONS + 1) as { n: number };
    if (n > MAX_WILDCARD_EXPANSIONS) {
      throw new UserInputError(
        `query too expensive: '${stem}*' stands for more than ${MAX_WILDCARD_EXPANSIONS} words; write more letters before '*'`,
        'query-too-expensive',
      );
    }
  }
}

/**
 * Compiles a query and a window for `mentions m`: the published bounds, and the FTS rowid range
 * the days of the window span (ids grow with ingestion, so a date window is a narrow rowid range).
 */
export function buildScope(db: Database.Database, query: QueryNode | null, from?: Date, to?: Date): Scope {
  const bounds: Bounds = {};
  if (from) bounds.fromMs = from.getTime();
  if (to) bounds.toMs = to.getTime();
  let empty = false;
  if (from || to) {
    const range = statement(db, 'SELECT min(min_seq) AS lo, max(max_seq) AS hi FROM mention_days WHERE day >= ? AND day <= ?')
      .get(
        from ? Math.floor(from.getTime() / DAY_MS) : -1e9,
        to ? Math.floor((to.getTime() - 1) / DAY_MS) : 1e9,
      ) as { lo: number | null; hi: number | null };
    if (range.lo === null || range.hi === null) empty = true;
    else {
      bounds.seqLo = range.lo;
      bounds.seqHi = range.hi;
    }
  }
  bounds.months = ftsMonths(db, bounds.fromMs, bounds.toMs);
  const compiled = compileQuery(query, bounds);
  checkExpansions(db, compiled.textPrefixes, bounds.months);
  const where: Fragment[] = [];
  if (bounds.fromMs !== undefined) where.push({ sql: 'm.published >= ?', params: [bounds.fromMs], entityColumns: true });
  if (bounds.toMs !== undefined) where.push({ sql: 'm.published < ?', params: [bounds.toMs], entityColumns: true });
  where.push(...compiled.where);
  return { compiled, bounds, where, empty };
}

/** The scope as one condition over `mentions m`, FTS part included (for aggregations). */
export function scopeCondition(scope: Scope): Fragment {
  const parts = [...scope.where];
  if (scope.compiled.fts !== null) {
    const match = ftsMatchSql(scope.bounds.months ?? [], scope.compiled.fts, seqRangeOf(scope.bounds), false);
    parts.unshift({ sql: `m.seq IN (${match.sql})`, params: match.params });
  }
  return and(parts);
}
