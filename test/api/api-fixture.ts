import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, type RunningApi } from '../../src/api/start-api.js';
import { configSchema } from '../../src/config/schema.js';
import type { Mention } from '../../src/core/mention.js';
import type { MentionIndex } from '../../src/index/mention-index.js';
import { openIndex } from '../../src/index/open-index.js';
import { createLogger } from '../../src/platform/logger.js';
import { corpus } from '../contract/fixtures.js';

export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
export const VIEWER_TOKEN = 'viewer-token-for-tests-0123456789';

/** A running API over a real SQLite index in a temp folder, with its log lines captured. */
export interface TestApi {
  url: string;
  api: RunningApi;
  index: MentionIndex;
  logs: string[];
  dir: string;
  /** fetch with a token (admin by default) and a path. */
  get(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

/** The API on loopback port 0 over `mentions` (the contract corpus by default), indexed through the port. */
export async function startTestApi(
  options: { mentions?: Mention[]; api?: Record<string, unknown>; sources?: unknown[]; fetch?: Record<string, unknown>; queue?: Record<string, unknown>; webRoot?: string; tokens?: boolean; now?: Date; wrapIndex?: (index: MentionIndex) => MentionIndex } = {},
): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), 'hubwatch-api-test-'));
  const path = join(dir, 'data', 'hubwatch.db');
  const config = configSchema.parse({
    watchlist: { brands: [{ id: 'acme', name: 'Acme Cloud' }, { id: 'globex', name: 'Globex', role: 'competitor' }], people: [{ id: 'claire-dubois', name: 'Claire Dubois' }] },
    index: { sqlite: { path } },
    sources: options.sources ?? [],
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.queue ? { queue: options.queue } : {}),
    api: {
      ...(options.tokens === false ? {} : { tokens: [{ role: 'admin', token: ADMIN_TOKEN }, { role: 'viewer', token: VIEWER_TOKEN }] }),
      ...options.api,
    },
  });
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(line) } });
  const index = await openIndex(config.index, { logger });
  await index.upsert(options.mentions ?? corpus());
  const clock = (): Date => options.now ?? new Date('2026-03-20T12:00:00Z');
  const api = await startApi(config, { index: options.wrapIndex ? options.wrapIndex(index) : index, logger, clock, host: '127.0.0.1', port: 0, webRoot: options.webRoot ?? join(dir, 'no-web') });
  const url = api.url.replace(/\/$/, '');
  return {
    url, api, index, logs, dir,
    get(target, init = {}) {
      const { token = ADMIN_TOKEN, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token !== null) headers.set('authorization', `Bearer ${token}`);
      return fetch(`${url}${target}`, { ...rest, headers });
    },
    async close() {
      await api.close();
      await index.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The JSON body of a response. */
export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
