import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SavedSearch, SavedSearchStore } from './saved-search-store.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS saved_searches (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, params TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS saved_searches_by_date ON saved_searches (created_at);
`;

interface Row {
  id: string;
  name: string;
  params: string;
  created_at: string;
  created_by: string;
}

const toSearch = (row: Row): SavedSearch => ({ id: row.id, name: row.name, params: row.params, createdAt: row.created_at, createdBy: row.created_by });

/** Saved searches in their own table of the state file, through their own connection. */
export class SqliteSavedSearchStore implements SavedSearchStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  async list(): Promise<SavedSearch[]> {
    return (this.db.prepare('SELECT * FROM saved_searches ORDER BY created_at DESC, rowid DESC').all() as Row[]).map(toSearch);
  }

  async get(id: string): Promise<SavedSearch | null> {
    const row = this.db.prepare('SELECT * FROM saved_searches WHERE id = ?').get(id) as Row | undefined;
    return row ? toSearch(row) : null;
  }

  async create(search: Omit<SavedSearch, 'id'>): Promise<SavedSearch> {
    const saved = { ...search, id: randomUUID() };
    this.db.prepare('INSERT INTO saved_searches (id, name, params, created_at, created_by) VALUES (?, ?, ?, ?, ?)').run(saved.id, saved.name, saved.params, saved.createdAt, saved.createdBy);
    return saved;
  }

  async delete(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id).changes === 1;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
