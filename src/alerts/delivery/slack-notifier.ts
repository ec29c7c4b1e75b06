import type { AlertMessage } from '../firing.js';
import { fingerprintOf } from './fingerprint.js';
import type { Notifier } from './notifier.js';
import { failureOf, postJson } from './post-json.js';
import { toSlackPayload } from './slack-blocks.js';

/** Answers of an incoming webhook that mean the destination is gone until someone fixes it. */
export const SLACK_BROKEN = ['invalid_token', 'no_service', 'channel_not_found', 'channel_is_archived', 'invalid_payload', 'no_team', 'team_disabled', 'action_prohibited'] as const;

/** Slack incoming webhook (Block Kit). One message a second at most, as Slack asks. */
export function createSlackNotifier(id: string, webhookUrl: string): Notifier {
  return {
    id,
    fingerprint: fingerprintOf(webhookUrl),
    minIntervalMs: 1_000,
    async send(message: AlertMessage, signal?: AbortSignal) {
      const answer = await postJson(webhookUrl, JSON.stringify(toSlackPayload(message)), {}, signal);
      if (answer.status >= 200 && answer.status < 300) return;
      throw failureOf(answer, SLACK_BROKEN);
    },
  };
}
