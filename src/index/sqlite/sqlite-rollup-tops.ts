import type Database from 'better-sqlite3';
import type { StoryBucket, TermBucket } from '../mention-index.js';
import { hasNativeFunctions } from './fts-rank.js';
import { dayWindow, daysCondition, type DayWindow } from './sqlite-day-window.js';
import { statement } from './sqlite-statements.js';
import { rowToMention } from './sqlite-upsert.js';

/**
 * Top lists over a bare time window (no query), from the day rollups (`source_days`,
 * `author_days`, `story_days`, `entity_days`) for the window's whole UTC days plus the rows of its
 * partial edge days: bounded by days, not by mentions, and the same answers as counting rows.
 */

interface Window {
  fromMs?: number;
  toMs?: number;
}

/** `part` once per edge range, `?` pairs bound to each range's ends. */
function perEdge(window: DayWindow, part: string, extra: readonly unknown[] = []): { sql: string[]; params: unknown[] } {
  return {
    sql: window.edges.map(() => part),
    params: window.edges.flatMap(([lo, hi]) => [...extra, lo, hi]),
  };
}

/**
 * `SELECT key, sum(n) … GROUP BY key HAVING > 0 ORDER BY count DESC, key LIMIT size` over `rows`
 * (SQL selecting `key, n`). With the native library (`hubwatch_top_sum`: the groups in a hash
 * table) when the connection has it: SQLite's GROUP BY inserts every row into a temporary B-tree,
 * 16–20 ms of a 30-day top list's 26–29 at 1M mentions (43,000 rollup rows).
 */
function topSums(db: Database.Database, rows: string, params: readonly unknown[], size: number): TermBucket[] {
  if (hasNativeFunctions(db)) {
    const json = statement(db, `SELECT hubwatch_top_sum(key, n, ?) AS top FROM (${rows})`).pluck().get(size, ...params) as string;
    return (JSON.parse(json) as [string, number][]).map(([key, count]) => ({ key, count }));
  }
  return statement(db, `SELECT key, sum(n) AS count FROM (${rows}) GROUP BY key HAVING count > 0 ORDER BY count DESC, key LIMIT ?`).all(...params, size) as TermBucket[];
}

/** The most frequent sources (a mention counts under each of its sources), most frequent first, ties by key. */
export function topSourcesFromRollup(db: Database.Database, bounds: Window, size: number): TermBucket[] {
  const window = dayWindow(bounds.fromMs, bounds.toMs);
  const days = daysCondition(window);
  const primary = perEdge(window, 'SELECT source_id AS key, 1 AS n FROM mentions WHERE published >= ? AND published < ?');
  const others = perEdge(window, 'SELECT ms.source_id, 1 FROM mention_sources ms JOIN mentions m ON m.seq = ms.seq WHERE m.published >= ? AND m.published < ?');
  const parts = [`SELECT source_id AS key, count AS n FROM source_days WHERE ${days.sql}`, ...primary.sql, ...others.sql];
  return topSums(db, parts.join(' UNION ALL '), [...days.params, ...primary.params, ...others.params], size);
}

/** The most frequent authors, most frequent first, ties by key. */
export function topAuthorsFromRollup(db: Database.Database, bounds: Window, size: number): TermBucket[] {
  const window = dayWindow(bounds.fromMs, bounds.toMs);
  const days = daysCondition(window);
  const edges = perEdge(window, 'SELECT author AS key, 1 AS n FROM mentions WHERE author IS NOT NULL AND published >= ? AND published < ?');
  const parts = [`SELECT author AS key, count AS n FROM author_days WHERE ${days.sql}`, ...edges.sql];
  return topSums(db, parts.join(' UNION ALL '), [...days.params, ...edges.params], size);
}

/**
 * Mentions per brand in the window (those named, or every brand), brands without any left out.
 * Each part is summed per brand on its own, along its primary key (kind, entity_id, …), so the
 * final GROUP BY sorts a few rows per brand: grouping the parts' rows together sorted all of them
 * (~17,000 for 100 brands over 30 days at 1M mentions: 9.5 ms, 4.2 this way).
 */
export function brandCountsFromRollup(db: Database.Database, bounds: Window, brands?: readonly string[]): TermBucket[] {
  const window = dayWindow(bounds.fromMs, bounds.toMs);
  const days = daysCondition(window);
  const named = brands && brands.length > 0 ? ` AND entity_id IN (${brands.map(() => '?').join(',')})` : '';
  const names = named ? [...brands!] : [];
  const edges = perEdge(window, `SELECT entity_id AS key, count(*) AS n FROM mention_entities WHERE kind = 'brand'${named} AND published >= ? AND published < ? GROUP BY entity_id`, names);
  const parts = [`SELECT entity_id AS key, sum(count) AS n FROM entity_days WHERE kind = 'brand'${named} AND ${days.sql} GROUP BY entity_id`, ...edges.sql];
  return statement(db, `SELECT key, sum(n) AS count FROM (${parts.join(' UNION ALL ')}) GROUP BY key HAVING count > 0`).all(
    ...names,
    ...days.params,
    ...edges.params,
  ) as TermBucket[];
}

interface Ranked {
  story: string;
  n: number;
  amplifiers: number;
  first: number;
  /** The story's origin when already known (a story of one: its mention). */
  seq: number | null;
}

const byRank = (a: Ranked, b: Ranked): number => b.n - a.n || a.first - b.first || (a.story < b.story ? -1 : a.story > b.story ? 1 : 0);

/**
 * The stories of `rows` (SQL selecting `story_id, count, amplifiers`) that can rank among the `size`
 * largest: a story's own-id mention adds at most one, so a story short of the size-th largest by
 * more cannot rank; only the others leave SQL (all of them when fewer than `size` hold several).
 * With the native library, summed in a hash table (`hubwatch_story_sizes`): the GROUP BY's
 * temporary B-tree took 16 of a 30-day list's 20 ms at 1M mentions.
 */
function storyCandidates(db: Database.Database, rows: string, params: readonly unknown[], size: number): { story: string; n: number; amplifiers: number }[] {
  if (hasNativeFunctions(db)) {
    const json = statement(db, `SELECT hubwatch_story_sizes(story_id, count, amplifiers, ?) AS stories FROM (${rows})`).pluck().get(size, ...params) as string;
    return (JSON.parse(json) as [string, number, number][]).map(([story, n, amplifiers]) => ({ story, n, amplifiers }));
  }
  return statement(
    db,
    `WITH sizes AS MATERIALIZED (SELECT story_id AS story, sum(count) AS n, sum(amplifiers) AS amplifiers FROM (${rows}) GROUP BY story_id)
     SELECT story, n, amplifiers FROM sizes WHERE n > 0 AND n >= coalesce((SELECT n FROM sizes WHERE n > 1 ORDER BY n DESC LIMIT 1 OFFSET ?), 2) - 1`,
  ).all(...params, size - 1) as { story: string; n: number; amplifiers: number }[];
}

/** A story's mentions in `[lo, hi)`: those carrying its id, and the mention of that id when it carries none. */
const MEMBERS = 'SELECT seq, published, amplifier, id FROM mentions WHERE story_id = @story AND published >= @lo AND published < @hi UNION ALL SELECT seq, published, amplifier, id FROM mentions WHERE id = @story AND story_id IS NULL AND published >= @lo AND published < @hi';

/**
 * The biggest stories in the window, ranked as `topStoriesSqlite` ranks them (size, then first
 * published, then id; a story is keyed by `coalesce(story_id, id)`, so a mention without a story is
 * a story of one under its own id, or joins the story named by its id). Sizes come from
 * `story_days`; the mentions without a story that join one, first-published times and origins are
 * read by index only for the stories that can rank; mentions of one are walked in date order only
 * when fewer than `size` stories hold several mentions.
 */
export function topStoriesFromRollup(db: Database.Database, bounds: Window, size: number): StoryBucket[] {
  const window = dayWindow(bounds.fromMs, bounds.toMs);
  const days = daysCondition(window);
  const edges = perEdge(window, 'SELECT story_id, 1 AS count, amplifier AS amplifiers FROM mentions WHERE story_id IS NOT NULL AND published >= ? AND published < ?');
  const parts = [`SELECT story_id, count, amplifiers FROM story_days WHERE ${days.sql}`, ...edges.sql];
  const candidates = new Map(storyCandidates(db, parts.join(' UNION ALL '), [...days.params, ...edges.params], size).map((s) => [s.story, s]));
  const lo = bounds.fromMs ?? -8.64e15;
  const hi = bounds.toMs ?? 8.64e15;
  const joined = db
    // CROSS JOIN keeps the ids outermost: one lookup by id each, not a scan of the ids per mention.
    .prepare('SELECT m.id, m.amplifier FROM json_each(?) j CROSS JOIN mentions m ON m.id = j.value WHERE m.story_id IS NULL AND m.published >= ? AND m.published < ?')
    .all(JSON.stringify([...candidates.keys()]), lo, hi) as { id: string; amplifier: number }[];
  for (const row of joined) {
    const story = candidates.get(row.id)!;
    story.n += 1;
    story.amplifiers += row.amplifier;
  }
  const grown = [...candidates.values()].filter((s) => s.n > 1).sort((a, b) => b.n - a.n);
  const threshold = grown.length >= size ? grown[size - 1]!.n : 2;
  const first = db.prepare(`SELECT min(published) AS first FROM (${MEMBERS})`);
  const ranked: Ranked[] = grown
    .filter((s) => s.n >= threshold)
    .map((s) => ({ ...s, first: (first.get({ story: s.story, lo, hi }) as { first: number }).first, seq: null }));
  if (ranked.length < size) {
    // Here every story of the window was a candidate, so `joined` lists every mention that joined one.
    const singles = new Set([...candidates.values()].filter((s) => s.n === 1).map((s) => s.story));
    ranked.push(...earliestSingles(db, lo, hi, size - ranked.length, singles, new Set(joined.map((row) => row.id))));
  }
  const top = ranked.sort(byRank).slice(0, size);
  const origin = db.prepare(`SELECT seq FROM (${MEMBERS}) ORDER BY amplifier, published, id LIMIT 1`);
  const docs = db.prepare('SELECT title, body, doc FROM mention_texts WHERE seq = ?');
  return top.map((row) => ({
    storyId: row.story,
    // The origin is the story's first copy in the window, a share only when no copy is in it.
    origin: rowToMention(docs.get(row.seq ?? (origin.get({ story: row.story, lo, hi }) as { seq: number }).seq) as { title: string; body: string; doc: string }),
    count: row.n,
    amplifiers: row.amplifiers,
  }));
}

/**
 * The `wanted` earliest stories of one mention in `[lo, hi)` (stories listed in `singles`, and
 * mentions without a story that joined none, i.e. not in `joined`), walking the window in date
 * order and stopping past the last one needed (ties on the date are all kept for the caller's ranking).
 */
function earliestSingles(db: Database.Database, lo: number, hi: number, wanted: number, singles: ReadonlySet<string>, joined: ReadonlySet<string>): Ranked[] {
  const found: Ranked[] = [];
  const rows = db
    .prepare('SELECT seq, id, story_id, published, amplifier FROM mentions WHERE published >= ? AND published < ? ORDER BY published')
    .iterate(lo, hi) as IterableIterator<{ seq: number; id: string; story_id: string | null; published: number; amplifier: number }>;
  for (const row of rows) {
    if (found.length >= wanted && row.published > found[found.length - 1]!.first) break;
    if (row.story_id === null ? joined.has(row.id) : !singles.has(row.story_id)) continue;
    found.push({ story: row.story_id ?? row.id, n: 1, amplifiers: row.amplifier, first: row.published, seq: row.seq });
  }
  return found;
}
