import type { AlertMessage, Firing } from './firing.js';

/** A delivery's state: `sending` is stored before the request, `delivered`/`failed` after. */
export type DeliveryStatus = 'queued' | 'sending' | 'delivered' | 'failed';

/** A firing waiting for its message (held by a cooldown, or not yet grouped). */
export interface PendingFiring {
  firing: Firing;
  firedAt: Date;
}

/** One message to one destination. */
export interface Delivery {
  messageId: string;
  notifierId: string;
  status: DeliveryStatus;
  attempts: number;
  reason: string | null;
  updatedAt: string;
  message: AlertMessage;
}

/** A rule and key's last message and how many came in a row (the back-off's exponent). */
export interface CooldownState {
  lastSentAt: Date;
  streak: number;
}

/** A destination's health as `alerts list` shows it. */
export interface DestinationHealth {
  notifierId: string;
  /** A hash of its address: a new address clears `broken`. */
  fingerprint: string;
  broken: string | null;
  brokenAt: string | null;
  lastDeliveredAt: string | null;
}

/** One line of `alerts history`. */
export interface HistoryEntry {
  at: string;
  ruleId: string;
  event: 'fired' | 'delivered' | 'failed';
  messageId: string | null;
  notifierId: string | null;
  headline: string;
  reason: string | null;
}

/** A firing as the history keeps it: which rule fired, and when it was evaluated. */
export interface FiredRecord {
  ruleId: string;
  type: Firing['type'];
  firedAt: string;
  headline: string;
}

/**
 * Alert state, apart from the source state (src/state/state-store.ts): rules' first sight, firings
 * by dedup key, the message outbox with each destination's delivery, cooldowns, destination health
 * and history. SQLite in embedded mode (src/state/sqlite-alert-store.ts).
 */
export interface AlertStore {
  /** When the rule was first seen (recorded now if never). Mentions published before never fire. */
  ruleSince(ruleId: string, now: Date): Promise<Date>;
  /** Stores firings by dedup key; returns those not stored before (the others already fired). */
  claim(firings: readonly Firing[], at: Date): Promise<Firing[]>;
  /** Firings not yet in a message, by rule and key, oldest first. */
  pending(): Promise<PendingFiring[]>;
  cooldown(ruleId: string, key: string): Promise<CooldownState | null>;
  /**
   * In one transaction: stores `message`, attaches the firings `dedupKeys` to it, queues one
   * delivery per notifier and records the cooldown (`streak`).
   */
  enqueue(message: AlertMessage, dedupKeys: readonly string[], notifierIds: readonly string[], streak: number): Promise<void>;
  /** Deliveries still `queued`, oldest first. */
  queued(): Promise<Delivery[]>;
  setDelivery(messageId: string, notifierId: string, status: DeliveryStatus, details: { attempts: number; reason?: string; at: Date }): Promise<void>;
  /**
   * Deliveries left `sending` by a process that stopped mid-request: marked failed and never sent
   * again (the receiver may have posted them: a second post would be a double). Returns how many.
   */
  abandonInterrupted(at: Date): Promise<number>;
  destinations(): Promise<DestinationHealth[]>;
  markBroken(notifierId: string, fingerprint: string, reason: string, at: Date): Promise<void>;
  markDelivered(notifierId: string, fingerprint: string, at: Date): Promise<void>;
  /** Last time each rule fired. */
  lastFired(): Promise<Map<string, string>>;
  history(limit: number): Promise<HistoryEntry[]>;
  /** Firings stored at `from` or later and before `to`, oldest first (reports read how soon alerts came). */
  firedBetween(from: Date, to: Date): Promise<FiredRecord[]>;
  /**
   * Forgets settled records older than `before`: firings (grouped or never grouped), messages
   * whose every delivery ended (delivered or failed) with those deliveries, and cooldowns last
   * sent before it. Keeps rules' first sight, destinations' health, and any message with a
   * delivery still queued or sending (and its firings). Returns how many records went.
   */
  prune(before: Date): Promise<number>;
  close(): Promise<void>;
}
