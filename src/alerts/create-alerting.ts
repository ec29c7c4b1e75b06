import type { HubwatchConfig } from '../config/schema.js';
import type { MentionIndex } from '../index/mention-index.js';
import type { Logger } from '../platform/logger.js';
import type { StateStore } from '../state/state-store.js';
import { AlertEngine } from './alert-engine.js';
import type { AlertStore } from './alert-store.js';
import { createNotifiers } from './delivery/create-notifiers.js';
import { Dispatcher, type DispatcherOptions } from './delivery/dispatcher.js';
import type { SourceInfo } from './rule-context.js';

/** The configured sources as rules see them. */
export function sourceInfos(config: Pick<HubwatchConfig, 'sources'>): SourceInfo[] {
  return config.sources.filter((s) => s.enabled).map((s) => ({ id: s.id, name: s.name ?? s.id, type: s.type, tier: s.tier, intervalSeconds: s.interval }));
}

/** The alert engine for a configuration: its rules, notifiers and dispatcher over the given ports. */
export function createAlerting(
  config: Pick<HubwatchConfig, 'alerts' | 'notifiers' | 'sources'>,
  deps: {
    index: MentionIndex; state: Pick<StateStore, 'get'>; store: AlertStore; logger: Logger; now: () => Date;
    /** Where a Slack notifier without a webhook URL prints. */
    write: (line: string) => void;
    dispatcher?: Omit<DispatcherOptions, 'logger' | 'now'>;
  },
): AlertEngine {
  const logger = deps.logger.child({ component: 'alerts' });
  const notifiers = createNotifiers(config, { write: deps.write, now: deps.now });
  const dispatcher = new Dispatcher(deps.store, notifiers, { logger, now: deps.now, ...deps.dispatcher });
  return new AlertEngine({ rules: config.alerts, index: deps.index, store: deps.store, state: deps.state, sources: sourceInfos(config), dispatcher, logger, now: deps.now });
}
