import type { AlertStore } from '../alerts/alert-store.js';
import type { Notifier } from '../alerts/delivery/notifier.js';
import type { HubwatchConfig } from '../config/schema.js';
import type { MentionIndex } from '../index/mention-index.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { SavedSearchStore } from '../state/saved-search-store.js';
import type { StateStore } from '../state/state-store.js';
import type { SessionStore } from './auth/session-store.js';
import type { TokenRoles } from './auth/token-roles.js';

/** What the routes use: ports and configuration, built by the composition root (start-api.ts) or a test. */
export interface ApiDeps {
  config: HubwatchConfig;
  index: MentionIndex;
  state: StateStore;
  alertStore: AlertStore;
  savedSearches: SavedSearchStore;
  notifiers: ReadonlyMap<string, Notifier>;
  tokens: TokenRoles;
  sessions: SessionStore;
  logger: Logger;
  clock: Clock;
  /** The built page's folder (index.html, assets/). */
  webRoot: string;
}
