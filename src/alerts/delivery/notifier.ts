import { HubwatchError } from '../../core/errors.js';
import type { AlertMessage } from '../firing.js';

/**
 * How a send failed: `rate-limited` waits `retryAfterMs` and sends the same message again;
 * `transient` (5xx, network) retries with back-off; `rejected` drops this message only; `broken`
 * (revoked token, deleted channel) marks the destination broken and sends nothing more to it.
 */
export type NotifierFailure = 'rate-limited' | 'transient' | 'rejected' | 'broken';

/** A failed send. Its message never holds the destination's address (a secret). */
export class NotifierError extends HubwatchError {
  readonly failure: NotifierFailure;
  readonly retryAfterMs: number | undefined;
  constructor(message: string, failure: NotifierFailure, retryAfterMs?: number) {
    super(message, { reason: failure, retryable: failure === 'rate-limited' || failure === 'transient' });
    this.failure = failure;
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * A destination for alert messages. Adapters: Slack incoming webhook, signed JSON webhook,
 * console. `send` resolves once the destination accepted the message, or throws `NotifierError`.
 */
export interface Notifier {
  readonly id: string;
  /** A hash of the address, so a destination marked broken is tried again once its address changes. */
  readonly fingerprint: string;
  /** Least time between two messages to this destination. */
  readonly minIntervalMs: number;
  send(message: AlertMessage, signal?: AbortSignal): Promise<void>;
}
