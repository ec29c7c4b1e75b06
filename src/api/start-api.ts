import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { createNotifiers } from '../alerts/delivery/create-notifiers.js';
import type { HubwatchConfig } from '../config/schema.js';
import type { MentionIndex } from '../index/mention-index.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import { SqliteAlertStore } from '../state/sqlite-alert-store.js';
import { SqliteSavedSearchStore } from '../state/sqlite-saved-search-store.js';
import { openSourceStateStore } from '../roles/source-state-store.js';
import { SessionStore } from './auth/session-store.js';
import { TokenRoles } from './auth/token-roles.js';
import { buildServer } from './build-server.js';

/** The built page, beside the compiled code: `dist/web` from both `src/api` and `dist/api`. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** A running server. */
export interface RunningApi {
  /** The address to open (`http://127.0.0.1:8787/`). */
  url: string;
  /** The admin token made for this run when none is configured (print it once, never log it), else null. */
  oneTimeToken: string | null;
  server: FastifyInstance;
  close(): Promise<void>;
}

/**
 * Composition root of the API role: the source state (where the pipeline keeps it: SQLite beside
 * the index, or Redis in distributed mode), the alert and saved-search stores (SQLite, in the index
 * file's folder like the pipeline's), the notifiers, the tokens and sessions, then the server,
 * listening. With no token configured, makes a one-time admin token for this run. The caller owns
 * `index`.
 */
export async function startApi(
  config: HubwatchConfig,
  deps: { index: MentionIndex; logger: Logger; clock: Clock; host?: string | undefined; port?: number | undefined; webRoot?: string },
): Promise<RunningApi> {
  const configured = config.api.tokens.map(({ role, token }) => ({ role, token }));
  const oneTimeToken = configured.length === 0 ? randomBytes(24).toString('base64url') : null;
  const tokens = new TokenRoles(oneTimeToken ? [{ role: 'admin', token: oneTimeToken }] : configured);
  const path = config.index.sqlite.path;
  // Source health from where the pipeline keeps it: Redis in distributed mode.
  const state = await openSourceStateStore(config);
  const alertStore = new SqliteAlertStore(path);
  const savedSearches = new SqliteSavedSearchStore(path);
  const closeStores = async (): Promise<void> => {
    await savedSearches.close();
    await alertStore.close();
    await state.close();
  };
  try {
    const server = await buildServer({
      config, index: deps.index, state, alertStore, savedSearches, tokens,
      notifiers: createNotifiers(config, { write: (line) => deps.logger.info({ alert: true }, line), now: deps.clock }),
      sessions: new SessionStore(config.api.sessionTtl, deps.clock),
      logger: deps.logger, clock: deps.clock, webRoot: deps.webRoot ?? DEFAULT_WEB_ROOT,
    });
    const host = deps.host ?? config.api.host;
    await server.listen({ host, port: deps.port ?? config.api.port });
    const address = server.server.address() as AddressInfo;
    // Bound to every interface: the address to open from this machine is loopback.
    const reachable = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
    const shown = reachable.includes(':') ? `[${reachable}]` : reachable;
    return {
      url: `http://${shown}:${address.port}/`,
      oneTimeToken,
      server,
      async close() {
        await server.close();
        await closeStores();
      },
    };
  } catch (error) {
    await closeStores();
    throw error;
  }
}
