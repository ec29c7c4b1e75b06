import type { Mention } from '../../src/core/mention.js';
import { brand, mention } from '../contract/fixtures.js';

const MINUTE = 60_000;
const acme = brand('acme', 'Acme');

/**
 * A mention of Acme from a desk no poll reads (as `hubwatch import` writes them), `minutesAgo`
 * old, negative or neutral: what windowed-rule tests write straight to the index.
 */
export function deskMention(name: string, minutesAgo: number, label: 'negative' | 'neutral'): Mention {
  const at = new Date(Date.now() - minutesAgo * MINUTE).toISOString();
  return mention(name, {
    sourceId: 'import-desk', sourceName: 'Import desk', title: `Acme ${name}`, text: 'Acme trains.', entities: [acme],
    publishedAt: at, fetchedAt: at, sentiment: { score: label === 'negative' ? -0.6 : 0, label },
  });
}

/** Four neutral desk mentions spread over the three hours before the last: a negative-share rule's baseline. */
export function deskBaseline(): Mention[] {
  return [deskMention('b1', 270, 'neutral'), deskMention('b2', 210, 'neutral'), deskMention('b3', 150, 'neutral'), deskMention('b4', 90, 'neutral')];
}

/** Three negative desk mentions and one neutral in the last hour: enough for the rule below to fire. */
export function deskNegativeHour(): Mention[] {
  return [deskMention('n1', 40, 'negative'), deskMention('n2', 30, 'negative'), deskMention('n3', 20, 'negative'), deskMention('c1', 10, 'neutral')];
}

/**
 * The configuration (before parsing) of a windowed-rule test: one feed from `feedServerUrl`,
 * polled once at start (its next poll an hour away), a Slack notifier at `slackUrl`, and a
 * negative-share rule on the desk's Acme mentions over one-hour windows.
 */
export function deskNegativeConfig(feedServerUrl: string, slackUrl: string, indexPath: string): Record<string, unknown> {
  return {
    sources: [{ id: 'daily-courier', type: 'rss', url: `${feedServerUrl}/feeds/daily-courier.xml`, channel: 'news', tier: 1, interval: '1h' }],
    fetch: { allow: [{ host: '127.0.0.1', ports: [Number(new URL(feedServerUrl).port)] }], perHost: { concurrency: 2, minDelay: 0 } },
    notifiers: [{ id: 'team', type: 'slack', webhookUrl: slackUrl }],
    alerts: [{ id: 'desk-negative', type: 'negative-share', query: 'brand:acme AND source:import-desk', window: '1h', threshold: 0.5, baselineWindows: 3, minMentions: 3, notify: ['team'] }],
    index: { sqlite: { path: indexPath } },
  };
}
