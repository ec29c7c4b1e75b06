import type { HubwatchConfig } from '../../config/schema.js';
import { createConsoleNotifier } from './console-notifier.js';
import type { Notifier } from './notifier.js';
import { createSlackNotifier } from './slack-notifier.js';
import { createWebhookNotifier } from './webhook-notifier.js';

/** The configured notifiers by id; a Slack notifier without a webhook URL prints to `write`. */
export function createNotifiers(config: Pick<HubwatchConfig, 'notifiers'>, deps: { write: (line: string) => void; now: () => Date }): Map<string, Notifier> {
  const out = new Map<string, Notifier>();
  for (const n of config.notifiers) {
    if (n.type === 'slack') out.set(n.id, n.webhookUrl ? createSlackNotifier(n.id, n.webhookUrl) : createConsoleNotifier(n.id, deps.write));
    else out.set(n.id, createWebhookNotifier(n.id, n.url, n.secret, deps.now));
  }
  return out;
}
