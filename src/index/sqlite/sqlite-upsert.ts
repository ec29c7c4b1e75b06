import type Database from 'better-sqlite3';
import type { EntityMatch, Mention } from '../../core/mention.js';
import { mergeDelivery, sourcesOf } from '../../core/mention-sources.js';
import { mentionRest } from '../content-hash.js';
import { foldText } from '../../core/text/fold.js';
import { mentionProblem } from '../mention-check.js';
import type { UpsertOutcome } from '../mention-index.js';
import { ftsMonth } from './fts-partitions.js';
import { emptyFtsBatch, type FtsBatch } from './fts-writer.js';
import { ALL_MENTIONS, SqliteRollups, type MentionFacets } from './sqlite-retention.js';

interface ExistingRow {
  seq: number;
  published: number;
  source_id: string;
}

interface TextRow {
  title: string;
  body: string;
  doc: string;
}

/** The stored JSON: the mention without its title and text, which live in their own columns. */
export function storedDoc(mention: Mention, rest = mentionRest(mention)): string {
  return `${docHead(rest)}${JSON.stringify(mention.fetchedAt)}}`;
}

/** The stored JSON up to the value of `fetchedAt`, its last key. */
function docHead(rest: string): string {
  return rest === '{}' ? '{"fetchedAt":' : `${rest.slice(0, -1)},"fetchedAt":`;
}

/** Whether a stored row says the same as a mention (`rest` from `mentionRest`), whenever it was fetched. */
function sameContent(row: TextRow, mention: Mention, rest: string): boolean {
  if (row.title !== mention.title || row.body !== mention.text) return false;
  const head = docHead(rest);
  // What follows the head is the stored fetch time: one JSON string (ISO, nothing to escape) and '}'.
  return row.doc.startsWith(head) && /^"[^"\\]*"}$/.test(row.doc.slice(head.length));
}

/** Rebuilds a mention from its row. */
export function rowToMention(row: { title: string; body: string; doc: string }): Mention {
  const rest = JSON.parse(row.doc) as Omit<Mention, 'title' | 'text'>;
  return { ...rest, title: row.title, text: row.body } as Mention;
}

function facetsOf(mention: Mention, published: number): MentionFacets {
  return {
    published,
    sources: sourcesOf(mention).map((source) => source.id),
    author: mention.author ?? null,
    storyId: mention.storyId ?? null,
    amplifier: mention.sharedUrl !== undefined,
  };
}

function entityKeys(entities: readonly EntityMatch[]): Map<string, EntityMatch> {
  const keys = new Map<string, EntityMatch>();
  for (const entity of entities) keys.set(`${entity.kind}\u0000${entity.id}`, entity);
  return keys;
}

/** What a written batch changes in the full-text index, and which seqs the replay list must cover. */
export interface WrittenFts {
  batch: FtsBatch;
  /** Seqs of rows whose text changed (an update), each to be listed in `fts_pending`. */
  updated: number[];
  /** The range of seqs inserted by the batch, or null. */
  inserted: [number, number] | null;
}

/**
 * Writes batches of mentions: row, texts, entity rows and the day rollups, all in the caller's
 * transaction, and collects the matching full-text changes (applied by an `FtsWriter`: explicit
 * inserts, since a trigger is 2x slower). Unchanged content is skipped.
 */
export class SqliteUpserter {
  private readonly select: Database.Statement;
  private readonly selectText: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;
  private readonly textInsert: Database.Statement;
  private readonly textUpdate: Database.Statement;
  private readonly entityInsert: Database.Statement;
  private readonly entityDelete: Database.Statement;
  private readonly entityName: Database.Statement;
  private readonly sourceInsert: Database.Statement;
  private readonly sourceDelete: Database.Statement;
  private readonly rollups: SqliteRollups;
  private readonly knownNames = new Map<string, string>();

  constructor(db: Database.Database) {
    this.select = db.prepare('SELECT seq, published, source_id FROM mentions WHERE id = ?');
    this.selectText = db.prepare('SELECT title, body, doc FROM mention_texts WHERE seq = ?');
    const columns = 'published, label, source_id, source_key, channel, language, author, author_key, story_id, amplifier';
    this.insert = db.prepare(`INSERT INTO mentions (id, ${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.textInsert = db.prepare('INSERT INTO mention_texts (seq, title, body, doc) VALUES (?, ?, ?, ?)');
    this.textUpdate = db.prepare('UPDATE mention_texts SET title = ?, body = ?, doc = ? WHERE seq = ?');
    this.update = db.prepare(
      `UPDATE mentions SET ${columns.split(', ').map((c) => `${c} = ?`).join(', ')} WHERE seq = ?`,
    );
    this.entityInsert = db.prepare('INSERT OR REPLACE INTO mention_entities (kind, entity_id, published, seq, label, channel) VALUES (?, ?, ?, ?, ?, ?)');
    this.entityDelete = db.prepare('DELETE FROM mention_entities WHERE kind = ? AND entity_id = ? AND published = ? AND seq = ?');
    this.entityName = db.prepare(
      'INSERT INTO entities (kind, entity_id, name, name_key) VALUES (?, ?, ?, ?) ON CONFLICT (kind, entity_id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key WHERE name <> excluded.name',
    );
    this.sourceInsert = db.prepare('INSERT OR REPLACE INTO mention_sources (seq, source_id, source_key) VALUES (?, ?, ?)');
    this.sourceDelete = db.prepare('DELETE FROM mention_sources WHERE seq = ?');
    this.rollups = new SqliteRollups(db);
  }

  /** Upserts a batch; call inside a transaction. */
  write(mentions: readonly Mention[]): { outcomes: UpsertOutcome[]; fts: WrittenFts } {
    const outcomes: UpsertOutcome[] = [];
    const fts: WrittenFts = { batch: emptyFtsBatch(), updated: [], inserted: null };
    const rollup = this.rollups.batch();
    for (const delivered of mentions) {
      const bad = mentionProblem(delivered);
      if (bad) {
        outcomes.push({ id: String((delivered as { id?: unknown } | null)?.id ?? ''), outcome: 'failed', reason: bad, retryable: false });
        continue;
      }
      const existing = this.select.get(delivered.id) as ExistingRow | undefined;
      const old = existing ? (this.selectText.get(existing.seq) as TextRow) : undefined;
      // The stored mention is parsed when another source delivers or several are stored; a
      // primary's re-delivery of a mention it alone delivered is compared as it came.
      const merging = old !== undefined && (existing!.source_id !== delivered.sourceId || delivered.sources !== undefined || old.doc.includes('"sources":['));
      let before = merging ? rowToMention(old) : null;
      const mention = merging ? mergeDelivery(before, delivered) : delivered;
      const rest = mentionRest(mention);
      if (old && sameContent(old, mention, rest)) {
        outcomes.push({ id: mention.id, outcome: 'unchanged' });
        continue;
      }
      const published = Date.parse(mention.publishedAt);
      const values = [
        published,
        mention.sentiment.label,
        mention.sourceId,
        foldText(mention.sourceName),
        mention.channel,
        mention.language?.toLowerCase() ?? null,
        mention.author,
        mention.author === null ? null : foldText(mention.author),
        mention.storyId,
        mention.sharedUrl === undefined ? 0 : 1,
      ];
      const doc = storedDoc(mention, rest);
      let seq: number;
      if (existing && old) {
        seq = existing.seq;
        before ??= rowToMention(old);
        fts.batch.deletes.push(seq, ftsMonth(existing.published));
        fts.updated.push(seq);
        this.sourceDelete.run(seq);
        rollup.count(ALL_MENTIONS, ALL_MENTIONS, existing.published, before.sentiment.label, -1);
        rollup.facets(facetsOf(before, existing.published), -1);
        for (const entity of entityKeys(before.entities).values()) {
          this.entityDelete.run(entity.kind, entity.id, existing.published, seq);
          rollup.count(entity.kind, entity.id, existing.published, before.sentiment.label, -1);
        }
        this.update.run(...values, seq);
        this.textUpdate.run(mention.title, mention.text, doc, seq);
      } else {
        seq = Number(this.insert.run(mention.id, ...values).lastInsertRowid);
        this.textInsert.run(seq, mention.title, mention.text, doc);
        if (fts.inserted) fts.inserted[1] = seq;
        else fts.inserted = [seq, seq];
      }
      for (const other of sourcesOf(mention).slice(1)) this.sourceInsert.run(seq, other.id, foldText(other.name));
      fts.batch.inserts.push(seq, ftsMonth(published), mention.title, mention.text);
      rollup.count(ALL_MENTIONS, ALL_MENTIONS, published, mention.sentiment.label, 1);
      rollup.facets(facetsOf(mention, published), 1);
      for (const entity of entityKeys(mention.entities).values()) {
        this.entityInsert.run(entity.kind, entity.id, published, seq, mention.sentiment.label, mention.channel);
        rollup.count(entity.kind, entity.id, published, mention.sentiment.label, 1);
        const nameKey = `${entity.kind}\u0000${entity.id}`;
        if (this.knownNames.get(nameKey) !== entity.name) {
          this.entityName.run(entity.kind, entity.id, entity.name, foldText(entity.name));
          this.knownNames.set(nameKey, entity.name);
        }
      }
      rollup.stored(published, seq);
      outcomes.push({ id: mention.id, outcome: 'indexed', created: !existing });
    }
    rollup.write();
    return { outcomes, fts };
  }

  /** Forgets cached entity names (after a rollback they may not be in the table). */
  reset(): void {
    this.knownNames.clear();
  }
}
