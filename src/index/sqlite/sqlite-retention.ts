import type Database from 'better-sqlite3';
import { ftsMonth } from './fts-partitions.js';
import { emptyFtsBatch, type FtsBatch } from './fts-writer.js';

const DAY_MS = 86_400_000;

/** The kind and id under which `entity_days` also counts every mention (the unfiltered charts). */
export const ALL_MENTIONS = '*';

/** What one mention adds to the source, author and story rollups. */
export interface MentionFacets {
  published: number;
  /** Every source that delivered it (the primary first), each counted once. */
  sources: readonly string[];
  author: string | null;
  storyId: string | null;
  amplifier: boolean;
}

/**
 * The per-day rollups (`entity_days`: mentions per entity, UTC day and sentiment label, and all
 * mentions as the entity `ALL_MENTIONS` of kind `ALL_MENTIONS`; `source_days`, `author_days`,
 * `story_days`: mentions per UTC day and source, author or story; `mention_days`: the seq range of
 * each day) and retention, which prunes them with the mentions: every statement that keeps them
 * consistent is in this file.
 */
export class SqliteRollups {
  private readonly entityDay: Database.Statement;
  private readonly mentionDay: Database.Statement;
  private readonly sourceDay: Database.Statement;
  private readonly authorDay: Database.Statement;
  private readonly storyDay: Database.Statement;

  constructor(db: Database.Database) {
    this.entityDay = db.prepare(
      'INSERT INTO entity_days (kind, entity_id, day, label, count) VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, entity_id, day, label) DO UPDATE SET count = count + excluded.count',
    );
    this.mentionDay = db.prepare(
      'INSERT INTO mention_days (day, min_seq, max_seq) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET min_seq = min(min_seq, excluded.min_seq), max_seq = max(max_seq, excluded.max_seq)',
    );
    this.sourceDay = db.prepare(
      'INSERT INTO source_days (day, source_id, count) VALUES (?, ?, ?) ON CONFLICT (day, source_id) DO UPDATE SET count = count + excluded.count',
    );
    this.authorDay = db.prepare(
      'INSERT INTO author_days (day, author, count) VALUES (?, ?, ?) ON CONFLICT (day, author) DO UPDATE SET count = count + excluded.count',
    );
    this.storyDay = db.prepare(
      'INSERT INTO story_days (day, story_id, count, amplifiers) VALUES (?, ?, ?, ?) ON CONFLICT (day, story_id) DO UPDATE SET count = count + excluded.count, amplifiers = amplifiers + excluded.amplifiers',
    );
  }

  /** Collects one batch's changes, summed so that each row is written once; `write` in the batch's transaction. */
  batch(): RollupBatch {
    // (kind, entity, UTC day, label) → delta.
    const counts = new Map<string, number>();
    const days = new Map<number, [number, number]>();
    // (UTC day, key) → delta, per rollup; stories also sum their amplifiers.
    const sources = new Map<string, number>();
    const authors = new Map<string, number>();
    const stories = new Map<string, [number, number]>();
    const add = (map: Map<string, number>, key: string, delta: number): void => void map.set(key, (map.get(key) ?? 0) + delta);
    return {
      count: (kind, id, published, label, delta) => {
        const key = `${kind}\u0000${id}\u0000${Math.floor(published / DAY_MS)}\u0000${label}`;
        counts.set(key, (counts.get(key) ?? 0) + delta);
      },
      facets: (mention, delta) => {
        const day = Math.floor(mention.published / DAY_MS);
        for (const source of new Set(mention.sources)) add(sources, `${day}\u0000${source}`, delta);
        if (mention.author !== null) add(authors, `${day}\u0000${mention.author}`, delta);
        if (mention.storyId !== null) {
          const key = `${day}\u0000${mention.storyId}`;
          const sums = stories.get(key) ?? [0, 0];
          sums[0] += delta;
          sums[1] += mention.amplifier ? delta : 0;
          stories.set(key, sums);
        }
      },
      stored: (published, seq) => {
        const day = Math.floor(published / DAY_MS);
        const range = days.get(day);
        if (range) {
          range[0] = Math.min(range[0], seq);
          range[1] = Math.max(range[1], seq);
        } else {
          days.set(day, [seq, seq]);
        }
      },
      write: () => {
        for (const [day, [min, max]] of days) this.mentionDay.run(day, min, max);
        for (const [key, delta] of counts) {
          if (delta === 0) continue;
          const [kind, id, day, label] = key.split('\u0000') as [string, string, string, string];
          this.entityDay.run(kind, id, Number(day), label, delta);
        }
        const split = (key: string): [number, string] => {
          const cut = key.indexOf('\u0000');
          return [Number(key.slice(0, cut)), key.slice(cut + 1)];
        };
        for (const [key, delta] of sources) if (delta !== 0) this.sourceDay.run(...split(key), delta);
        for (const [key, delta] of authors) if (delta !== 0) this.authorDay.run(...split(key), delta);
        for (const [key, [delta, amplifiers]] of stories) if (delta !== 0 || amplifiers !== 0) this.storyDay.run(...split(key), delta, amplifiers);
      },
    };
  }
}

/** One batch's rollup changes. */
export interface RollupBatch {
  /** An entity gained (+1) or lost (-1) a mention published then, with that label. */
  count(kind: string, id: string, published: number, label: string, delta: number): void;
  /** A mention was stored (+1) or its former version removed (-1): its sources, author and story. */
  facets(mention: MentionFacets, delta: number): void;
  /** A mention published then is stored at `seq`. */
  stored(published: number, seq: number): void;
  write(): void;
}

/**
 * Deletes the mentions published before `cutoff` (ms) with their texts, entity rows and rollups;
 * call inside a transaction. Returns what went, by seq, for the full-text index.
 */
export function deleteMentionsBefore(db: Database.Database, cutoff: number): { seq: number; published: number }[] {
  const gone = db.prepare('SELECT seq, published FROM mentions WHERE published < ? ORDER BY seq').all(cutoff) as { seq: number; published: number }[];
  db.prepare(
    `INSERT INTO entity_days (kind, entity_id, day, label, count)
       SELECT kind, entity_id, published / ${DAY_MS}, label, -count(*) FROM mention_entities WHERE published < ? GROUP BY 1, 2, 3, 4
       ON CONFLICT (kind, entity_id, day, label) DO UPDATE SET count = count + excluded.count`,
  ).run(cutoff);
  db.prepare(
    `INSERT INTO entity_days (kind, entity_id, day, label, count)
       SELECT '${ALL_MENTIONS}', '${ALL_MENTIONS}', published / ${DAY_MS}, label, -count(*) FROM mentions WHERE published < ? GROUP BY 3, 4
       ON CONFLICT (kind, entity_id, day, label) DO UPDATE SET count = count + excluded.count`,
  ).run(cutoff);
  db.prepare('DELETE FROM entity_days WHERE count <= 0').run();
  const lastDay = Math.floor(cutoff / DAY_MS);
  // Days wholly before the cutoff go at once; the cutoff's own day loses its rows one by one.
  for (const table of ['source_days', 'author_days', 'story_days']) db.prepare(`DELETE FROM ${table} WHERE day < ?`).run(lastDay);
  const cutoffDay = [lastDay * DAY_MS, cutoff];
  db.prepare(
    `INSERT INTO source_days (day, source_id, count)
       SELECT day, source_id, -count(*) FROM (
         SELECT published / ${DAY_MS} AS day, source_id FROM mentions WHERE published >= ? AND published < ?
         UNION ALL SELECT m.published / ${DAY_MS}, ms.source_id FROM mention_sources ms JOIN mentions m ON m.seq = ms.seq WHERE m.published >= ? AND m.published < ?
       ) GROUP BY 1, 2
       ON CONFLICT (day, source_id) DO UPDATE SET count = count + excluded.count`,
  ).run(...cutoffDay, ...cutoffDay);
  db.prepare(
    `INSERT INTO author_days (day, author, count)
       SELECT published / ${DAY_MS}, author, -count(*) FROM mentions WHERE author IS NOT NULL AND published >= ? AND published < ? GROUP BY 1, 2
       ON CONFLICT (day, author) DO UPDATE SET count = count + excluded.count`,
  ).run(...cutoffDay);
  db.prepare(
    `INSERT INTO story_days (day, story_id, count, amplifiers)
       SELECT published / ${DAY_MS}, story_id, -count(*), -sum(amplifier) FROM mentions WHERE story_id IS NOT NULL AND published >= ? AND published < ? GROUP BY 1, 2
       ON CONFLICT (day, story_id) DO UPDATE SET count = count + excluded.count, amplifiers = amplifiers + excluded.amplifiers`,
  ).run(...cutoffDay);
  for (const table of ['source_days', 'author_days', 'story_days']) db.prepare(`DELETE FROM ${table} WHERE count <= 0`).run();
  db.prepare('DELETE FROM mention_entities WHERE published < ?').run(cutoff);
  db.prepare('DELETE FROM mention_texts WHERE seq IN (SELECT seq FROM mentions WHERE published < ?)').run(cutoff);
  db.prepare('DELETE FROM mention_sources WHERE seq IN (SELECT seq FROM mentions WHERE published < ?)').run(cutoff);
  db.prepare('DELETE FROM mentions WHERE published < ?').run(cutoff);
  db.prepare('DELETE FROM mention_days WHERE day < ?').run(Math.floor(cutoff / DAY_MS));
  return gone;
}

/**
 * The full-text side of a retention: months wholly before the cutoff lose every row, so their
 * tables are dropped; rows of the cutoff's month are deleted one by one.
 */
export function retentionFtsBatch(gone: readonly { seq: number; published: number }[], cutoff: number): FtsBatch {
  const batch = emptyFtsBatch();
  const cutoffMonth = ftsMonth(cutoff);
  const drops = new Set<string>();
  for (const { seq, published } of gone) {
    const month = ftsMonth(published);
    if (month < cutoffMonth) drops.add(month);
    else batch.deletes.push(seq, month);
  }
  batch.drops = [...drops];
  return batch;
}
