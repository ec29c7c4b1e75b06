import { createHmac } from 'node:crypto';
import type { AlertMessage } from '../firing.js';
import { fingerprintOf } from './fingerprint.js';
import type { Notifier } from './notifier.js';
import { failureOf, postJson } from './post-json.js';

/** The signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export function signBody(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;
}

/**
 * Generic JSON webhook: POSTs `{ "type": "hubwatch.alert", "message": ... }` with
 * `X-Hubwatch-Delivery` (the message id, for receivers that deduplicate) and, with a secret,
 * `X-Hubwatch-Signature` (receivers recompute it and refuse old timestamps).
 */
export function createWebhookNotifier(id: string, url: string, secret: string | undefined, now: () => Date): Notifier {
  return {
    id,
    fingerprint: fingerprintOf(url),
    minIntervalMs: 1_000,
    async send(message: AlertMessage, signal?: AbortSignal) {
      const body = JSON.stringify({ type: 'hubwatch.alert', message });
      const headers: Record<string, string> = { 'x-hubwatch-delivery': message.id };
      if (secret) headers['x-hubwatch-signature'] = signBody(secret, body, Math.floor(now().getTime() / 1000));
      const answer = await postJson(url, body, headers, signal);
      if (answer.status >= 200 && answer.status < 300) return;
      throw failureOf(answer, ['gone']);
    },
  };
}
