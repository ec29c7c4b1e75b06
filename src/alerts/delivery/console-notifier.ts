import type { AlertMessage } from '../firing.js';
import type { Notifier } from './notifier.js';

/** Plain text lines of a message, for a terminal. */
export function formatForConsole(message: AlertMessage): string[] {
  const prefix = message.test ? '[test] ' : message.firings > 1 ? `[digest ×${message.firings}] ` : '';
  return [
    `ALERT ${prefix}${message.headline}`,
    `  why: ${message.reason}`,
    ...message.stories.map((s) => `  - ${s.title} (${s.sourceName}, ${s.publishedAt.slice(0, 10)}${s.copies > 1 ? `, ${s.copies} copies` : ''})`),
    `  reproduce: ${message.search}`,
  ];
}

/** Prints messages (a Slack notifier with no webhook URL set): the demo works without Slack. */
export function createConsoleNotifier(id: string, write: (line: string) => void): Notifier {
  return {
    id,
    fingerprint: 'console',
    minIntervalMs: 0,
    async send(message: AlertMessage) {
      for (const line of formatForConsole(message)) write(line);
    },
  };
}
