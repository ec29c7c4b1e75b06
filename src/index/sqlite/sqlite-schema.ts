import type Database from 'better-sqlite3';
import { IndexError } from '../../core/errors.js';

/**
 * Versioned schema migrations, applied in order at open inside one transaction each. Append only:
 * never edit a released step. Table names are this adapter's own (`mentions*`, `mention_*`,
 * `entities`, `schema_migrations`): other components keep their tables in the same file.
 */
export const MIGRATIONS: readonly { version: number; description: string; sql: string }[] = [
  {
    version: 1,
    description: 'mentions, FTS5 index, entity and day tables',
    sql: `
      CREATE TABLE mentions (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        published INTEGER NOT NULL,
        label TEXT NOT NULL,
        source_id TEXT NOT NULL,
        source_key TEXT NOT NULL,
        channel TEXT NOT NULL,
        language TEXT,
        author TEXT,
        author_key TEXT,
        story_id TEXT,
        content_hash TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX mentions_by_published ON mentions (published, label);
      CREATE VIRTUAL TABLE mentions_fts USING fts5 (
        title, body, content = 'mentions', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      -- Fewer, larger merges while loading: about 20 % faster inserts (reference section 5).
      INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('automerge', 16);
      INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('crisismerge', 64);
      CREATE VIRTUAL TABLE mentions_vocab USING fts5vocab (mentions_fts, row);
      -- Covering table: one row per (watchlist entry, mention), ordered for per-entity time ranges.
      CREATE TABLE mention_entities (
        kind TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        published INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        label TEXT NOT NULL,
        PRIMARY KEY (kind, entity_id, published, seq)
      ) WITHOUT ROWID;
      CREATE TABLE entities (
        kind TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        PRIMARY KEY (kind, entity_id)
      ) WITHOUT ROWID;
      CREATE INDEX entities_by_name ON entities (kind, name_key);
      -- Per UTC day, the range of seq (FTS rowids) its mentions span: bounds FTS scans by date.
      CREATE TABLE mention_days (
        day INTEGER PRIMARY KEY,
        min_seq INTEGER NOT NULL,
        max_seq INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'texts apart from the filter columns, so that joins from FTS matches read narrow rows',
    sql: `
      CREATE TABLE mention_texts (
        seq INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      INSERT INTO mention_texts (seq, title, body, doc) SELECT seq, title, body, doc FROM mentions;
      DROP TABLE mentions_vocab;
      DROP TABLE mentions_fts;
      ALTER TABLE mentions DROP COLUMN title;
      ALTER TABLE mentions DROP COLUMN body;
      ALTER TABLE mentions DROP COLUMN doc;
      CREATE VIRTUAL TABLE mentions_fts USING fts5 (
        title, body, content = 'mention_texts', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('automerge', 16);
      INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('crisismerge', 64);
      INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild');
      CREATE VIRTUAL TABLE mentions_vocab USING fts5vocab (mentions_fts, row);
    `,
  },
  {
    version: 3,
    description: 'daily rollup of mentions per watchlist entry and sentiment label',
    sql: `
      CREATE TABLE entity_days (
        kind TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        day INTEGER NOT NULL,
        label TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (kind, entity_id, day, label)
      ) WITHOUT ROWID;
      INSERT INTO entity_days (kind, entity_id, day, label, count)
        SELECT kind, entity_id, published / 86400000, label, count(*) FROM mention_entities GROUP BY 1, 2, 3, 4;
    `,
  },
  {
    version: 4,
    description: 'full-text index moved to its own file (written by a worker thread), with a replay list',
    sql: `
      DROP TABLE mentions_vocab;
      DROP TABLE mentions_fts;
      -- Seq ranges whose full-text rows may be missing or stale in the full-text file: written in
      -- the same transaction as the mentions, deleted once the full-text file has committed them.
      CREATE TABLE fts_pending (
        id INTEGER PRIMARY KEY,
        lo INTEGER NOT NULL,
        hi INTEGER NOT NULL
      );
      -- fts_pair ties the full-text file to this one; a new id makes the next open rebuild it.
      CREATE TABLE index_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      INSERT INTO index_meta (key, value) VALUES ('fts_pair', lower(hex(randomblob(16))));
    `,
  },
  {
    version: 5,
    description: 'no content hash: a re-upsert compares the stored texts and doc instead',
    sql: `
      -- Hashing every mention cost about a seventh of the main thread's upsert time; comparing the
      -- stored strings costs one row read, and only for ids already stored.
      ALTER TABLE mentions DROP COLUMN content_hash;
    `,
  },
  {
    version: 6,
    description: 'every source that delivered a mention, and shares (amplifiers) marked',
    sql: `
      -- The sources beyond a mention's primary (mentions.source_id): an article seen in its outlet's
      -- feed and in a news search is one mention delivered by both, and source: finds it by either.
      CREATE TABLE mention_sources (
        seq INTEGER NOT NULL,
        source_id TEXT NOT NULL,
        source_key TEXT NOT NULL,
        PRIMARY KEY (seq, source_id)
      ) WITHOUT ROWID;
      CREATE INDEX mention_sources_by_id ON mention_sources (source_id);
      CREATE INDEX mention_sources_by_key ON mention_sources (source_key);
      -- 1 for a post that shares an article (it carries sharedUrl): an amplifier of that article's story.
      ALTER TABLE mentions ADD COLUMN amplifier INTEGER NOT NULL DEFAULT 0;
      UPDATE mentions SET amplifier = 1
        WHERE seq IN (SELECT seq FROM mention_texts WHERE json_extract(doc, '$.sharedUrl') IS NOT NULL);
    `,
  },
  {
    version: 7,
    description: 'mentions by story, for a mention detail with its other copies',
    sql: `
      CREATE INDEX mentions_by_story ON mentions (story_id, published);
    `,
  },
  {
    version: 8,
    description: "daily rollup of all mentions per sentiment label, as entity '*' of kind '*'",
    sql: `
      INSERT INTO entity_days (kind, entity_id, day, label, count)
        SELECT '*', '*', published / 86400000, label, count(*) FROM mentions GROUP BY 3, 4;
    `,
  },
  {
    version: 9,
    description: 'daily rollups of mentions per source, per author and per story, for the top lists',
    sql: `
      -- A mention counts under each source that delivered it: its primary and those in mention_sources.
      CREATE TABLE source_days (
        day INTEGER NOT NULL,
        source_id TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (day, source_id)
      ) WITHOUT ROWID;
      INSERT INTO source_days (day, source_id, count)
        SELECT day, source_id, count(*) FROM (
          SELECT published / 86400000 AS day, source_id FROM mentions
          UNION ALL SELECT m.published / 86400000, ms.source_id FROM mention_sources ms JOIN mentions m ON m.seq = ms.seq
        ) GROUP BY 1, 2;
      CREATE TABLE author_days (
        day INTEGER NOT NULL,
        author TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (day, author)
      ) WITHOUT ROWID;
      INSERT INTO author_days (day, author, count)
        SELECT published / 86400000, author, count(*) FROM mentions WHERE author IS NOT NULL GROUP BY 1, 2;
      CREATE TABLE story_days (
        day INTEGER NOT NULL,
        story_id TEXT NOT NULL,
        count INTEGER NOT NULL,
        amplifiers INTEGER NOT NULL,
        PRIMARY KEY (day, story_id)
      ) WITHOUT ROWID;
      INSERT INTO story_days (day, story_id, count, amplifiers)
        SELECT published / 86400000, story_id, count(*), sum(amplifier) FROM mentions WHERE story_id IS NOT NULL GROUP BY 1, 2;
    `,
  },
  {
    version: 10,
    description: "each mention's channel in its entity rows, beside its label",
    sql: `
      -- A filter on an entry and a channel (a brand's news) checks the channel in the entry's rows,
      -- as it checks the label, and looks up only the mentions with both.
      ALTER TABLE mention_entities ADD COLUMN channel TEXT NOT NULL DEFAULT '';
      UPDATE mention_entities SET channel = (SELECT m.channel FROM mentions m WHERE m.seq = mention_entities.seq);
    `,
  },
];

/**
 * Applies the migrations the file lacks. Safe when several processes open the file at once. A
 * file a newer version has migrated is refused: this version would write rows without what the
 * newer schema keeps beside them (as entity rows' channel since version 10), and the newer
 * version would then read them wrong.
 */
export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const known = MIGRATIONS[MIGRATIONS.length - 1]!.version;
  const found = schemaVersion(db);
  if (found > known) {
    throw new IndexError(`the index was written by a newer hubwatch (schema version ${found}; this one knows up to ${known}): upgrade hubwatch to open it`, {
      reason: 'index-schema-newer',
      retryable: false,
    });
  }
  let applied = 0;
  for (const step of MIGRATIONS) {
    const run = db.transaction(() => {
      const done = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(step.version);
      if (done) return false;
      db.exec(step.sql);
      db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)').run(
        step.version,
        step.description,
        new Date().toISOString(),
      );
      return true;
    });
    if (run.immediate()) applied += 1;
  }
  return applied;
}

/** The schema version of the file. */
export function schemaVersion(db: Database.Database): number {
  const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as { version: number | null };
  return row.version ?? 0;
}
