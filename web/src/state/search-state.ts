/**
 * The search screen's whole state, read from and written to the URL's query string, so a search
 * can be shared by link and back/forward step through it. Pure functions, no DOM.
 */

export const FILTER_KEYS = ['brand', 'person', 'sentiment', 'channel', 'source', 'lang'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const SENTIMENTS = ['positive', 'neutral', 'negative', 'unscored'] as const;
export const CHANNELS = ['news', 'blog', 'social', 'forum', 'video', 'podcast'] as const;
export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];
export type Sort = 'date' | 'relevance';

export interface SearchState {
  q: string;
  filters: Record<FilterKey, string[]>;
  /** `YYYY-MM-DD`, or relative (`30d`) for `from`; empty when unset. */
  from: string;
  to: string;
  sort: Sort;
  interval: Interval;
  /** The mention whose detail is open, or null. */
  mention: string | null;
}

export const emptyFilters = (): Record<FilterKey, string[]> => ({ brand: [], person: [], sentiment: [], channel: [], source: [], lang: [] });

export function parseSearchState(params: URLSearchParams): SearchState {
  const filters = emptyFilters();
  for (const key of FILTER_KEYS) filters[key] = unique(params.getAll(key).map((v) => v.trim()).filter(Boolean));
  const interval = params.get('interval');
  return {
    q: params.get('q') ?? '',
    filters,
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    sort: params.get('sort') === 'relevance' ? 'relevance' : 'date',
    interval: (INTERVALS as readonly string[]).includes(interval ?? '') ? (interval as Interval) : 'day',
    mention: params.get('mention') || null,
  };
}

/** The scope every list and chart is asked for: query, filters and dates. */
export function scopeParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of FILTER_KEYS) for (const value of state.filters[key]) params.append(key, value);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  return params;
}

/** Results asked for at a time. */
export const PAGE_SIZE = 25;

/** `GET /api/mentions`' parameters for a state (and the cursor of the page wanted). */
export function mentionsParams(state: SearchState, cursor?: string): URLSearchParams {
  const params = scopeParams(state);
  if (state.sort !== 'date') params.set('sort', state.sort);
  params.set('limit', String(PAGE_SIZE));
  if (cursor) params.set('cursor', cursor);
  return params;
}

/** The stats routes' parameters for a state. */
export function statsParams(state: SearchState): URLSearchParams {
  const params = scopeParams(state);
  params.set('interval', state.interval);
  return params;
}

/** The URL's query string for a state (defaults left out, so links stay short). */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = scopeParams(state);
  if (state.sort !== 'date') params.set('sort', state.sort);
  if (state.interval !== 'day') params.set('interval', state.interval);
  if (state.mention) params.set('mention', state.mention);
  return params;
}

/** The URL's query string for the search alone (what a saved search keeps: no open mention). */
export function savedParams(state: SearchState): string {
  return toSearchParams({ ...state, mention: null }).toString();
}

/** The same state with one filter value added or removed. */
export function toggleFilter(state: SearchState, key: FilterKey, value: string): SearchState {
  const current = state.filters[key];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, filters: { ...state.filters, [key]: next }, mention: null };
}

/** The first and last day (inclusive, `YYYY-MM-DD`) of the chart bucket starting at `key`. */
export function bucketRange(key: string, interval: Interval): { from: string; to: string } {
  const from = key.slice(0, 10);
  const start = new Date(`${from}T00:00:00Z`);
  if (Number.isNaN(start.getTime())) return { from, to: from };
  const end = new Date(start);
  if (interval === 'week') end.setUTCDate(end.getUTCDate() + 6);
  else if (interval === 'month') end.setUTCMonth(end.getUTCMonth() + 1, 0);
  return { from, to: end.toISOString().slice(0, 10) };
}

/** True when any filter, date or query narrows the search. */
export function isNarrowed(state: SearchState): boolean {
  return Boolean(state.q || state.from || state.to || FILTER_KEYS.some((key) => state.filters[key].length > 0));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
