/** A search the team saved: a name and the page's URL query string. */
export interface SavedSearch {
  id: string;
  name: string;
  /** The page's URL query string (`q=acme&brand=globex`), without the leading `?`. */
  params: string;
  createdAt: string;
  /** Who saved it: a digest of the token (never the token), so its creator may delete it. */
  createdBy: string;
}

/**
 * Saved searches, shared by the team: SQLite in the state file (src/state/sqlite-saved-search-store.ts).
 * Every adapter passes test/contract/saved-search-store.contract.ts.
 */
export interface SavedSearchStore {
  /** Every saved search, newest first. */
  list(): Promise<SavedSearch[]>;
  get(id: string): Promise<SavedSearch | null>;
  /** Stores a new saved search (a fresh id) and returns it. */
  create(search: Omit<SavedSearch, 'id'>): Promise<SavedSearch>;
  /** Deletes one; false when there was none with this id. */
  delete(id: string): Promise<boolean>;
  close(): Promise<void>;
}
