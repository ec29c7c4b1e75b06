import type Database from 'better-sqlite3';
import { ftsMonth } from './fts-partitions.js';
import { emptyFtsBatch, type FtsBatch } from './fts-writer.js';

const DAY_MS = 86_400_000;

/** The kind and id under which `entity_days` also counts every mention (the unfiltered charts). */
export const ALL_MENTIONS = '*';

/**
 * The per-day rollups (`entity_days`: mentions per entity, UTC day and sentiment label, and all
 * mentions as the entity `ALL_MENTIONS` of kind `ALL_MENTIONS`;
 * `mention_days`: the seq range of each day) and retention, which prunes them with the mentions:
 * every statement that keeps them consistent is in this file.
 */
export class SqliteRollups {
  private readonly entityDay: Database.Statement;
  private readonly mentionDay: Database.Statement;

  constructor(db: Database.Database) {
    this.entityDay = db.prepare(
      'INSERT INTO entity_days (kind, entity_id, day, label, count) VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, entity_id, day, label) DO UPDATE SET count = count + excluded.count',
    );
    this.mentionDay = db.prepare(
      'INSERT INTO mention_days (day, min_seq, max_seq) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET min_seq = min(min_seq, excluded.min_seq), max_seq = max(max_seq, excluded.max_seq)',
    );
  }

  /** Collects one batch's changes, summed so that each row is written once; `write` in the batch's transaction. */
  batch(): RollupBatch {
    // (kind, entity, UTC day, label) → delta.
    const counts = new Map<string, number>();
    const days = new Map<number, [number, number]>();
    return {
      count: (kind, id, published, label, delta) => {
        const key = `${kind}\u0000${id}\u0000${Math.floor(published / DAY_MS)}\u0000${label}`;
        counts.set(key, (counts.get(key) ?? 0) + delta);
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
      },
    };
  }
}

/** One batch's rollup changes. */
export interface RollupBatch {
  /** An entity gained (+1) or lost (-1) a mention published then, with that label. */
  count(kind: string, id: string, published: number, label: string, delta: number): void;
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
