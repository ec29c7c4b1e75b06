import type { Logger } from '../../platform/logger.js';
import type { AlertStore, Delivery } from '../alert-store.js';
import { NotifierError, type Notifier } from './notifier.js';

export interface DispatcherOptions {
  logger: Logger;
  now: () => Date;
  /** Waits (tests pass a fast one; it must honour the signal). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Tries of one message on 5xx and network errors, the first included. */
  attempts?: number;
  /** First back-off after a transient failure; doubles each try. */
  backoffMs?: number;
  /** Longest Retry-After honoured; longer ones wait this long and ask again. */
  maxRetryAfterMs?: number;
}

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

/**
 * Sends queued deliveries, one destination at a time in order, at most one message per
 * `minIntervalMs`. A delivery is stored `sending` before its request and `delivered`/`failed`
 * after, so a process killed mid-request never posts it twice. 429 waits Retry-After and sends
 * the same message again; 5xx and network errors retry with back-off; a `broken` answer marks the
 * destination broken and fails what is queued for it. Addresses are never logged.
 */
export class Dispatcher {
  private readonly lastSent = new Map<string, number>();
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly stop = new AbortController();
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(
    private readonly store: AlertStore,
    private readonly notifiers: ReadonlyMap<string, Notifier>,
    private readonly options: DispatcherOptions,
  ) {
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Sends everything queued; resolves when the queue is empty (or the dispatcher is closed). */
  async deliver(): Promise<void> {
    const queued = await this.store.queued();
    const byNotifier = new Map<string, Delivery[]>();
    for (const d of queued) byNotifier.set(d.notifierId, [...(byNotifier.get(d.notifierId) ?? []), d]);
    await Promise.all([...byNotifier.keys()].map((id) => this.lane(id)));
  }

  /** Stops waiting (Retry-After, back-off); deliveries not sent stay queued for the next start. */
  close(): void {
    this.stop.abort();
  }

  /** One lane per destination: a second call while one runs waits for it, then drains again. */
  private lane(notifierId: string): Promise<void> {
    const previous = this.lanes.get(notifierId) ?? Promise.resolve();
    const next = previous.then(() => this.drain(notifierId));
    this.lanes.set(notifierId, next);
    return next;
  }

  private async drain(notifierId: string): Promise<void> {
    const notifier = this.notifiers.get(notifierId);
    for (;;) {
      if (this.stop.signal.aborted) return;
      const delivery = (await this.store.queued()).find((d) => d.notifierId === notifierId);
      if (!delivery) return;
      if (!notifier) {
        await this.store.setDelivery(delivery.messageId, notifierId, 'failed', { attempts: 0, reason: 'notifier no longer configured', at: this.options.now() });
        continue;
      }
      const health = (await this.store.destinations()).find((d) => d.notifierId === notifierId);
      if (health?.broken && health.fingerprint === notifier.fingerprint) {
        await this.store.setDelivery(delivery.messageId, notifierId, 'failed', { attempts: 0, reason: `destination broken (${health.broken})`, at: this.options.now() });
        continue;
      }
      await this.send(notifier, delivery);
    }
  }

  private async send(notifier: Notifier, delivery: Delivery): Promise<void> {
    const { logger, now } = this.options;
    const attempts = this.options.attempts ?? 5;
    const log = logger.child({ notifier: notifier.id, messageId: delivery.messageId, ruleId: delivery.message.ruleId });
    let tries = delivery.attempts;
    let transient = 0;
    for (;;) {
      const wait = (this.lastSent.get(notifier.id) ?? 0) + notifier.minIntervalMs - now().getTime();
      if (wait > 0) await this.sleep(wait, this.stop.signal);
      if (this.stop.signal.aborted) return;
      tries++;
      await this.store.setDelivery(delivery.messageId, notifier.id, 'sending', { attempts: tries, at: now() });
      try {
        await notifier.send(delivery.message, this.stop.signal);
        this.lastSent.set(notifier.id, now().getTime());
        await this.store.setDelivery(delivery.messageId, notifier.id, 'delivered', { attempts: tries, at: now() });
        await this.store.markDelivered(notifier.id, notifier.fingerprint, now());
        log.info({ attempts: tries }, 'alert delivered');
        return;
      } catch (error) {
        this.lastSent.set(notifier.id, now().getTime());
        const failure = error instanceof NotifierError ? error : new NotifierError(String((error as Error).message ?? error), 'transient');
        if (failure.failure === 'rate-limited' || (failure.failure === 'transient' && ++transient < attempts)) {
          // Back to the queue while waiting: a process stopped now sends it at its next start.
          await this.store.setDelivery(delivery.messageId, notifier.id, 'queued', { attempts: tries, reason: failure.message, at: now() });
          const delay = failure.failure === 'rate-limited'
            ? Math.min(failure.retryAfterMs ?? 1_000, this.options.maxRetryAfterMs ?? 15 * 60_000)
            : (this.options.backoffMs ?? 1_000) * 2 ** (transient - 1);
          log.warn({ reason: failure.message, waitMs: delay }, 'alert delivery will retry');
          await this.sleep(delay, this.stop.signal);
          if (this.stop.signal.aborted) return;
          continue;
        }
        await this.store.setDelivery(delivery.messageId, notifier.id, 'failed', { attempts: tries, reason: failure.message, at: now() });
        if (failure.failure === 'broken') {
          await this.store.markBroken(notifier.id, notifier.fingerprint, failure.message, now());
          log.error({ reason: failure.message }, 'alert destination broken: nothing more is sent to it until its address changes');
        } else {
          log.error({ reason: failure.message, attempts: tries }, 'alert delivery failed');
        }
        return;
      }
    }
  }
}
