import Database from 'better-sqlite3';
import type { AlertStore, CooldownState, Delivery, DeliveryStatus, DestinationHealth, FiredRecord, HistoryEntry, PendingFiring } from '../alerts/alert-store.js';
import type { AlertMessage, Firing } from '../alerts/firing.js';
import { makeParentDirectory } from '../platform/make-parent-directory.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS alert_rules (rule_id TEXT PRIMARY KEY, since INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS alert_firings (
  dedup_key TEXT PRIMARY KEY, rule_id TEXT NOT NULL, key TEXT NOT NULL, fired_at INTEGER NOT NULL,
  firing TEXT NOT NULL, message_id TEXT
);
CREATE INDEX IF NOT EXISTS alert_firings_pending ON alert_firings (fired_at) WHERE message_id IS NULL;
CREATE INDEX IF NOT EXISTS alert_firings_rule ON alert_firings (rule_id, fired_at);
CREATE TABLE IF NOT EXISTS alert_messages (id TEXT PRIMARY KEY, rule_id TEXT NOT NULL, key TEXT NOT NULL, created_at INTEGER NOT NULL, message TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS alert_deliveries (
  message_id TEXT NOT NULL, notifier_id TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
  reason TEXT, updated_at INTEGER NOT NULL, PRIMARY KEY (message_id, notifier_id)
);
CREATE INDEX IF NOT EXISTS alert_deliveries_status ON alert_deliveries (status, updated_at);
CREATE TABLE IF NOT EXISTS alert_cooldowns (rule_id TEXT NOT NULL, key TEXT NOT NULL, last_sent_at INTEGER NOT NULL, streak INTEGER NOT NULL, PRIMARY KEY (rule_id, key));
CREATE TABLE IF NOT EXISTS alert_destinations (
  notifier_id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, broken TEXT, broken_at INTEGER, last_delivered_at INTEGER
);
`;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * Alert state in SQLite: its own tables and connection, in the state file (beside the source
 * state). Every write that must survive a crash is committed before the step that depends on it.
 */
export class SqliteAlertStore implements AlertStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') makeParentDirectory(path);
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  async ruleSince(ruleId: string, now: Date): Promise<Date> {
    this.db.prepare('INSERT INTO alert_rules (rule_id, since) VALUES (?, ?) ON CONFLICT DO NOTHING').run(ruleId, now.getTime());
    const row = this.db.prepare('SELECT since FROM alert_rules WHERE rule_id = ?').get(ruleId) as { since: number };
    return new Date(row.since);
  }

  async claim(firings: readonly Firing[], at: Date): Promise<Firing[]> {
    const insert = this.db.prepare('INSERT INTO alert_firings (dedup_key, rule_id, key, fired_at, firing) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
    return this.db.transaction(() => firings.filter((f) => insert.run(f.dedupKey, f.ruleId, f.key, at.getTime(), JSON.stringify(f)).changes === 1))();
  }

  async pending(): Promise<PendingFiring[]> {
    const rows = this.db.prepare('SELECT firing, fired_at FROM alert_firings WHERE message_id IS NULL ORDER BY fired_at, rowid').all() as { firing: string; fired_at: number }[];
    return rows.map((row) => ({ firing: JSON.parse(row.firing) as Firing, firedAt: new Date(row.fired_at) }));
  }

  async cooldown(ruleId: string, key: string): Promise<CooldownState | null> {
    const row = this.db.prepare('SELECT last_sent_at, streak FROM alert_cooldowns WHERE rule_id = ? AND key = ?').get(ruleId, key) as { last_sent_at: number; streak: number } | undefined;
    return row ? { lastSentAt: new Date(row.last_sent_at), streak: row.streak } : null;
  }

  async enqueue(message: AlertMessage, dedupKeys: readonly string[], notifierIds: readonly string[], streak: number): Promise<void> {
    const at = Date.parse(message.createdAt);
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO alert_messages (id, rule_id, key, created_at, message) VALUES (?, ?, ?, ?, ?)').run(message.id, message.ruleId, message.key, at, JSON.stringify(message));
      const attach = this.db.prepare('UPDATE alert_firings SET message_id = ? WHERE dedup_key = ?');
      for (const key of dedupKeys) attach.run(message.id, key);
      const queue = this.db.prepare("INSERT INTO alert_deliveries (message_id, notifier_id, status, updated_at) VALUES (?, ?, 'queued', ?)");
      for (const id of notifierIds) queue.run(message.id, id, at);
      if (!message.test) {
        this.db.prepare('INSERT INTO alert_cooldowns (rule_id, key, last_sent_at, streak) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET last_sent_at = excluded.last_sent_at, streak = excluded.streak')
          .run(message.ruleId, message.key, at, streak);
      }
    })();
  }

  async queued(): Promise<Delivery[]> {
    const rows = this.db.prepare(
      "SELECT d.message_id, d.notifier_id, d.status, d.attempts, d.reason, d.updated_at, m.message FROM alert_deliveries d JOIN alert_messages m ON m.id = d.message_id WHERE d.status = 'queued' ORDER BY m.created_at, m.rowid",
    ).all() as { message_id: string; notifier_id: string; status: DeliveryStatus; attempts: number; reason: string | null; updated_at: number; message: string }[];
    return rows.map((r) => ({
      messageId: r.message_id, notifierId: r.notifier_id, status: r.status, attempts: r.attempts, reason: r.reason,
      updatedAt: new Date(r.updated_at).toISOString(), message: JSON.parse(r.message) as AlertMessage,
    }));
  }

  async setDelivery(messageId: string, notifierId: string, status: DeliveryStatus, details: { attempts: number; reason?: string; at: Date }): Promise<void> {
    this.db.prepare('UPDATE alert_deliveries SET status = ?, attempts = ?, reason = ?, updated_at = ? WHERE message_id = ? AND notifier_id = ?')
      .run(status, details.attempts, details.reason ?? null, details.at.getTime(), messageId, notifierId);
  }

  async abandonInterrupted(at: Date): Promise<number> {
    return this.db.prepare("UPDATE alert_deliveries SET status = 'failed', reason = 'interrupted mid-request: may have been posted, not sent again', updated_at = ? WHERE status = 'sending'")
      .run(at.getTime()).changes;
  }

  async destinations(): Promise<DestinationHealth[]> {
    const rows = this.db.prepare('SELECT * FROM alert_destinations ORDER BY notifier_id').all() as { notifier_id: string; fingerprint: string; broken: string | null; broken_at: number | null; last_delivered_at: number | null }[];
    return rows.map((r) => ({ notifierId: r.notifier_id, fingerprint: r.fingerprint, broken: r.broken, brokenAt: iso(r.broken_at), lastDeliveredAt: iso(r.last_delivered_at) }));
  }

  async markBroken(notifierId: string, fingerprint: string, reason: string, at: Date): Promise<void> {
    this.db.prepare('INSERT INTO alert_destinations (notifier_id, fingerprint, broken, broken_at) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET fingerprint = excluded.fingerprint, broken = excluded.broken, broken_at = excluded.broken_at')
      .run(notifierId, fingerprint, reason, at.getTime());
  }

  async markDelivered(notifierId: string, fingerprint: string, at: Date): Promise<void> {
    this.db.prepare('INSERT INTO alert_destinations (notifier_id, fingerprint, last_delivered_at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET fingerprint = excluded.fingerprint, broken = NULL, broken_at = NULL, last_delivered_at = excluded.last_delivered_at')
      .run(notifierId, fingerprint, at.getTime());
  }

  async lastFired(): Promise<Map<string, string>> {
    const rows = this.db.prepare('SELECT rule_id, max(fired_at) AS at FROM alert_firings GROUP BY rule_id').all() as { rule_id: string; at: number }[];
    return new Map(rows.map((r) => [r.rule_id, new Date(r.at).toISOString()]));
  }

  async history(limit: number): Promise<HistoryEntry[]> {
    const rows = this.db.prepare(`
      SELECT * FROM (
        SELECT f.fired_at AS at, f.rule_id, 'fired' AS event, f.message_id, NULL AS notifier_id, json_extract(f.firing, '$.headline') AS headline, json_extract(f.firing, '$.reason') AS reason
          FROM alert_firings f
        UNION ALL
        SELECT d.updated_at, m.rule_id, d.status, d.message_id, d.notifier_id, json_extract(m.message, '$.headline'), d.reason
          FROM alert_deliveries d JOIN alert_messages m ON m.id = d.message_id WHERE d.status IN ('delivered', 'failed')
      ) ORDER BY at DESC LIMIT ?`).all(limit) as { at: number; rule_id: string; event: HistoryEntry['event']; message_id: string | null; notifier_id: string | null; headline: string; reason: string | null }[];
    return rows.map((r) => ({ at: new Date(r.at).toISOString(), ruleId: r.rule_id, event: r.event, messageId: r.message_id, notifierId: r.notifier_id, headline: r.headline, reason: r.reason }));
  }

  async firedBetween(from: Date, to: Date): Promise<FiredRecord[]> {
    const rows = this.db.prepare(
      "SELECT rule_id, fired_at, json_extract(firing, '$.type') AS type, json_extract(firing, '$.headline') AS headline FROM alert_firings WHERE fired_at >= ? AND fired_at < ? ORDER BY fired_at, rowid",
    ).all(from.getTime(), to.getTime()) as { rule_id: string; fired_at: number; type: FiredRecord['type']; headline: string }[];
    return rows.map((r) => ({ ruleId: r.rule_id, type: r.type, firedAt: new Date(r.fired_at).toISOString(), headline: r.headline }));
  }

  async prune(before: Date): Promise<number> {
    const cutoff = before.getTime();
    const unsettled = "SELECT message_id FROM alert_deliveries WHERE status IN ('queued', 'sending')";
    return this.db.transaction(() => {
      let removed = this.db.prepare(`DELETE FROM alert_firings WHERE fired_at < ? AND (message_id IS NULL OR message_id NOT IN (${unsettled}))`).run(cutoff).changes;
      const old = `SELECT id FROM alert_messages WHERE created_at < ? AND id NOT IN (${unsettled}) AND id NOT IN (SELECT message_id FROM alert_firings WHERE message_id IS NOT NULL)`;
      removed += this.db.prepare(`DELETE FROM alert_deliveries WHERE message_id IN (${old})`).run(cutoff).changes;
      removed += this.db.prepare(`DELETE FROM alert_messages WHERE id IN (${old})`).run(cutoff).changes;
      removed += this.db.prepare('DELETE FROM alert_cooldowns WHERE last_sent_at < ?').run(cutoff).changes;
      return removed;
    })();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
