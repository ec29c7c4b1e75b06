import type { AlertRuleConfig } from '../config/alert-rules.js';
import type { MentionIndex } from '../index/mention-index.js';
import type { Logger } from '../platform/logger.js';
import type { StateStore } from '../state/state-store.js';
import { buildMessage } from './alert-message.js';
import type { AlertStore } from './alert-store.js';
import type { AlertPass, Alerting } from './alerting.js';
import type { Dispatcher } from './delivery/dispatcher.js';
import type { Firing } from './firing.js';
import { nextAllowed, nextStreak } from './noise.js';
import type { SourceInfo, Trigger } from './rule-context.js';
import { evaluateRule, isPerMention } from './rules/index.js';

/**
 * Settled alert records (firings, sent messages, cooldowns) are kept this long: past a year, so a
 * pre-read can compare with the same period last year. Pruned at most once a day, on a tick.
 */
export const ALERT_HISTORY_DAYS = 400;
const DAY_MS = 86_400_000;

export interface AlertEngineDeps {
  rules: readonly AlertRuleConfig[];
  index: MentionIndex;
  store: AlertStore;
  state: Pick<StateStore, 'get'>;
  sources: readonly SourceInfo[];
  dispatcher: Dispatcher;
  logger: Logger;
  now: () => Date;
}

/**
 * Evaluates rules, stores their firings by dedup key (a firing seen before is dropped), folds the
 * firings of each rule and key into one message once its cooldown allows (a digest when several
 * waited), and hands messages to the dispatcher. Delivery runs in the background; `flush` waits.
 */
export class AlertEngine implements Alerting {
  private readonly rules: Map<string, AlertRuleConfig>;
  private delivering: Promise<void> = Promise.resolve();
  /** Composition runs one at a time: concurrent polls must not fold the same firings twice. */
  private composing: Promise<number> = Promise.resolve(0);
  private started = false;
  private lastPrunedAt = 0;

  constructor(private readonly deps: AlertEngineDeps) {
    this.rules = new Map(deps.rules.filter((r) => r.enabled).map((r) => [r.id, r]));
  }

  async onIndexed(ids: readonly string[]): Promise<AlertPass> {
    if (ids.length === 0) return { rules: 0, fired: 0, messages: 0 };
    return this.pass([...this.rules.values()].filter(isPerMention), { kind: 'new', ids });
  }

  async tick(): Promise<AlertPass> {
    const pass = await this.pass([...this.rules.values()].filter((r) => !isPerMention(r)), { kind: 'tick' });
    await this.pruneDaily();
    return pass;
  }

  async flush(): Promise<void> {
    await this.start();
    await this.delivering;
    await this.deps.dispatcher.deliver();
  }

  /** Stops delivery waits (what is unsent stays queued for the next start) and closes the store it owns. */
  async close(): Promise<void> {
    this.deps.dispatcher.close();
    await this.delivering.catch(() => undefined);
    await this.deps.store.close();
  }

  /**
   * Once per process: each rule's first sight is recorded (mentions published before never fire),
   * deliveries a killed process left mid-request are failed, never re-sent, and those it left
   * queued are sent.
   */
  private async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    for (const rule of this.rules.values()) await this.deps.store.ruleSince(rule.id, this.deps.now());
    const abandoned = await this.deps.store.abandonInterrupted(this.deps.now());
    if (abandoned > 0) this.deps.logger.warn({ abandoned }, 'alert deliveries interrupted by a stop were not sent again (they may have been posted)');
    // Messages a stopped process queued but never tried go out now, not with the next firing.
    if ((await this.deps.store.queued()).length > 0) this.kickDelivery();
  }

  private async pass(rules: readonly AlertRuleConfig[], trigger: Trigger): Promise<AlertPass> {
    await this.start();
    const now = this.deps.now();
    let fired = 0;
    const failures: unknown[] = [];
    for (const rule of rules) {
      try {
        const since = await this.deps.store.ruleSince(rule.id, now);
        const firings = await evaluateRule(rule, trigger, { index: this.deps.index, now, since, sources: this.deps.sources, sourceState: (id) => this.deps.state.get(id) });
        fired += (await this.deps.store.claim(firings, now)).length;
      } catch (error) {
        this.deps.logger.warn({ ruleId: rule.id, err: error }, 'alert rule evaluation failed');
        failures.push(error);
      }
    }
    const messages = await this.composeExclusive(now);
    if (messages > 0) this.kickDelivery();
    // Other rules' firings are stored; a retry re-evaluates and the dedup keys drop what fired.
    if (failures.length > 0) throw failures[0];
    return { rules: rules.length, fired, messages };
  }

  /** Alert tables would otherwise grow with every firing for as long as the install runs. */
  private async pruneDaily(): Promise<void> {
    const now = this.deps.now().getTime();
    if (now - this.lastPrunedAt < DAY_MS) return;
    this.lastPrunedAt = now;
    const removed = await this.deps.store.prune(new Date(now - ALERT_HISTORY_DAYS * DAY_MS));
    if (removed > 0) this.deps.logger.info({ removed, keptDays: ALERT_HISTORY_DAYS }, 'old alert records pruned');
  }

  private composeExclusive(now: Date): Promise<number> {
    const run = this.composing.catch(() => 0).then(() => this.compose(now));
    this.composing = run;
    return run;
  }

  /** Folds pending firings into messages where the cooldown allows; returns how many were queued. */
  private async compose(now: Date): Promise<number> {
    const groups = new Map<string, Firing[]>();
    for (const { firing } of await this.deps.store.pending()) {
      const key = `${firing.ruleId}\u0000${firing.key}`;
      groups.set(key, [...(groups.get(key) ?? []), firing]);
    }
    let queued = 0;
    for (const firings of groups.values()) {
      const rule = this.rules.get(firings[0]!.ruleId);
      if (!rule) continue;
      const cooldown = await this.deps.store.cooldown(rule.id, firings[0]!.key);
      if (now < nextAllowed(cooldown, rule.cooldown)) continue;
      const message = buildMessage(rule, firings, now);
      await this.deps.store.enqueue(message, firings.map((f) => f.dedupKey), rule.notify, nextStreak(cooldown, rule.cooldown, now));
      queued++;
    }
    return queued;
  }

  private kickDelivery(): void {
    this.delivering = this.delivering
      .then(() => this.deps.dispatcher.deliver())
      .catch((error: unknown) => this.deps.logger.error({ err: error }, 'alert delivery failed'));
  }
}
