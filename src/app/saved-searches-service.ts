import { ForbiddenError, NotFoundError, ParameterError } from '../core/errors.js';
import type { SavedSearch, SavedSearchStore } from '../state/saved-search-store.js';
import { FILTER_NAMES, planFilters, type MentionFilters } from './mention-filters.js';

/** Longest saved-search name and query string. */
export const MAX_SAVED_NAME = 120;
export const MAX_SAVED_PARAMS = 4_000;

/** Who acts: a role and the digest of the token used (sessions carry their token's digest). */
export interface Actor {
  role: 'admin' | 'viewer';
  key: string;
}

/** Reads a saved search's query string as filters, so that a broken query is refused when saved, not when opened. */
function filtersOf(params: string): MentionFilters {
  const search = new URLSearchParams(params);
  const filters: Record<string, unknown> = {};
  for (const name of ['q', 'from', 'to'] as const) {
    const value = search.get(name);
    if (value !== null) filters[name] = value;
  }
  for (const name of FILTER_NAMES) {
    const values = search.getAll(name);
    if (values.length > 0) filters[name] = values;
  }
  return filters as MentionFilters;
}

/** Saves a search for the team. The name must not be blank; `params` must be a valid search (its `q` parses). */
export async function saveSearch(store: SavedSearchStore, input: { name: string; params: string }, actor: Actor, now: Date): Promise<SavedSearch> {
  const name = input.name.trim();
  if (name === '' || name.length > MAX_SAVED_NAME) throw new ParameterError('name', `name: 1 to ${MAX_SAVED_NAME} characters`);
  const params = input.params.replace(/^\?/, '');
  if (params.length > MAX_SAVED_PARAMS) throw new ParameterError('params', `params: at most ${MAX_SAVED_PARAMS} characters`);
  try {
    planFilters(filtersOf(params), now);
  } catch (error) {
    if (error instanceof ParameterError) throw new ParameterError('params', `params: ${error.message}`, { reason: error.reason });
    throw error;
  }
  return store.create({ name, params, createdAt: now.toISOString(), createdBy: actor.key });
}

/** Deletes a saved search: an admin may delete any, anyone else only the ones saved with the same token. */
export async function deleteSavedSearch(store: SavedSearchStore, id: string, actor: Actor): Promise<void> {
  const search = await store.get(id);
  if (!search) throw new NotFoundError(`no saved search with id "${id}"`);
  if (actor.role !== 'admin' && search.createdBy !== actor.key) throw new ForbiddenError('only an admin or the one who saved it may delete a saved search');
  await store.delete(id);
}
