import type { AlertHistoryEntry, AlertRule, ApiErrorBody, MentionDetail, MentionPage, SavedSearch, SentimentRow, ShareRow, SourceRow, VolumeRow } from './types.js';

/** An answer other than 2xx, carrying the API's error body (message, and for `q` the position). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly parameter: string | undefined;
  readonly position: number | undefined;

  constructor(status: number, body: Partial<ApiErrorBody>) {
    super(body.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body.code ?? 'internal';
    this.parameter = body.parameter;
    this.position = body.position;
  }
}

/** Dispatched on `window` when an API call answers 401. */
export const SESSION_ENDED = 'hubwatch:session-ended';

async function request<T>(method: string, path: string, options: { body?: unknown; signal?: AbortSignal; quiet?: boolean } = {}): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: options.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!response.ok) {
    let body: Partial<ApiErrorBody> = {};
    try {
      body = ((await response.json()) as { error?: ApiErrorBody }).error ?? {};
    } catch {
      // not JSON: the status alone says what happened
    }
    // Any route but the session's answering 401 means the session ended: the page shows the login.
    if (response.status === 401 && !options.quiet && !path.startsWith('/api/session')) window.dispatchEvent(new Event(SESSION_ENDED));
    throw new ApiError(response.status, body);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const prefetched = new Map<string, Promise<unknown>>();
const withParams = (path: string, params: URLSearchParams | undefined) => (params && params.size > 0 ? `${path}?${params.toString()}` : path);

/**
 * Starts a GET before the page knows whether it is signed in, so the first screen's data travels
 * alongside the session check. The first `get` of the same URL takes it; if it failed (not signed
 * in yet, say) that `get` asks again, as if nothing had been fetched.
 */
export function prefetch(path: string, params?: URLSearchParams): void {
  const url = withParams(path, params);
  const early = request('GET', url, { quiet: true });
  early.catch(() => undefined);
  prefetched.set(url, early);
}

function get<T>(path: string, params: URLSearchParams | undefined, signal?: AbortSignal): Promise<T> {
  const url = withParams(path, params);
  const early = prefetched.get(url);
  const ask = () => request<T>('GET', url, signal ? { signal } : {});
  if (!early) return ask();
  prefetched.delete(url);
  return (early as Promise<T>).catch(ask);
}

/** The HTTP API, one function per route the page uses. */
export const api = {
  login: (token: string) => request<void>('POST', '/api/session', { body: { token } }),
  session: () => get<{ role: 'admin' | 'viewer' }>('/api/session', undefined),
  logout: () => request<void>('DELETE', '/api/session'),
  mentions: (params: URLSearchParams, signal?: AbortSignal) => get<MentionPage>('/api/mentions', params, signal),
  mention: (id: string, signal?: AbortSignal) => get<MentionDetail>(`/api/mentions/${encodeURIComponent(id)}`, undefined, signal),
  volume: (params: URLSearchParams, signal?: AbortSignal) => get<{ rows: VolumeRow[] }>('/api/stats/volume', params, signal),
  sentiment: (params: URLSearchParams, signal?: AbortSignal) => get<{ rows: SentimentRow[] }>('/api/stats/sentiment', params, signal),
  shareOfVoice: (params: URLSearchParams, signal?: AbortSignal) => get<{ rows: ShareRow[]; total: number }>('/api/stats/share-of-voice', params, signal),
  sources: (signal?: AbortSignal) => get<{ sources: SourceRow[] }>('/api/sources', undefined, signal),
  alerts: (signal?: AbortSignal) => get<{ rules: AlertRule[]; history: AlertHistoryEntry[] }>('/api/alerts', new URLSearchParams({ limit: '100' }), signal),
  savedSearches: (signal?: AbortSignal) => get<{ searches: SavedSearch[] }>('/api/saved-searches', undefined, signal),
  saveSearch: (name: string, params: string) => request<SavedSearch>('POST', '/api/saved-searches', { body: { name, params } }),
  deleteSearch: (id: string) => request<void>('DELETE', `/api/saved-searches/${encodeURIComponent(id)}`),
};

/** True when an error is the abort of a request the page no longer wants. */
export const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';
