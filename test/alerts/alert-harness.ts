import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { AlertEngine } from '../../src/alerts/alert-engine.js';
import { createAlerting } from '../../src/alerts/create-alerting.js';
import { configSchema, type HubwatchConfig } from '../../src/config/schema.js';
import type { Mention } from '../../src/core/mention.js';
import { SqliteMentionIndex } from '../../src/index/sqlite/sqlite-index.js';
import { silentLogger, type Logger } from '../../src/platform/logger.js';
import { SqliteAlertStore } from '../../src/state/sqlite-alert-store.js';
import { SqliteStateStore } from '../../src/state/sqlite-state-store.js';

/** A logger whose every line is kept (to prove what is never logged). */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk: Buffer, _encoding, done) { lines.push(chunk.toString('utf8')); done(); } });
  return { logger: pino({ level: 'debug', redact: { paths: ['webhookUrl', '*.webhookUrl'], censor: '[redacted]' } }, stream), lines };
}

/** Real parts for alert tests: a SQLite index, state and alert store in a temp file, a movable clock. */
export interface AlertHarness {
  config: HubwatchConfig;
  index: SqliteMentionIndex;
  state: SqliteStateStore;
  store: SqliteAlertStore;
  engine: AlertEngine;
  clock: { now: Date };
  printed: string[];
  sleeps: number[];
  path: string;
  /** Indexes mentions and runs the per-mention rules on those newly indexed, as the pipeline does. */
  ingest(mentions: Mention[]): Promise<string[]>;
  close(): Promise<void>;
}

export async function alertHarness(options: {
  alerts: unknown[]; notifiers: unknown[]; sources?: unknown[]; now: Date; logger?: Logger; realSleep?: boolean; dir?: string;
}): Promise<AlertHarness> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'hubwatch-alerts-'));
  const path = join(dir, 'hubwatch.db');
  const config = configSchema.parse({ alerts: options.alerts, notifiers: options.notifiers, sources: options.sources ?? [], index: { sqlite: { path } } });
  const logger = options.logger ?? silentLogger();
  const index = await SqliteMentionIndex.open({ path, logger });
  const state = new SqliteStateStore(path);
  const store = new SqliteAlertStore(path);
  const clock = { now: options.now };
  const printed: string[] = [];
  const sleeps: number[] = [];
  const engine = createAlerting(config, {
    index, state, store, logger, now: () => clock.now, write: (line) => printed.push(line),
    dispatcher: { backoffMs: 20, ...(options.realSleep ? {} : { sleep: async (ms: number) => void sleeps.push(ms) }) },
  });
  return {
    config, index, state, store, engine, clock, printed, sleeps, path,
    async ingest(mentions) {
      const ids = (await index.upsert(mentions)).filter((r) => r.outcome === 'indexed').map((r) => r.id);
      await engine.onIndexed(ids);
      return ids;
    },
    async close() {
      await engine.close();
      await state.close();
      await index.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
