/**
 * Alerts benchmark: `npm run bench -- --suite alerts [--index FILE] [--samples 30] [--runs 20]`.
 * 1. Index → post latency of a `match` alert: a mention is upserted into a real SQLite index, the
 *    `evaluate-alerts` step runs on its id (as the job does), and the clock stops when a Slack-style
 *    receiver on loopback gets the post. Samples are 1.1 s apart (the 1 message/s per webhook limit
 *    would otherwise be what is measured).
 * 2. Windowed-rule evaluation cost on a large index (FILE, e.g. the 1M corpus the index suite
 *    leaves with `--path FILE --keep --load-only`): each rule's evaluator timed at distinct times.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAlerting } from '../src/alerts/create-alerting.js';
import { evaluateRule } from '../src/alerts/rules/index.js';
import { alertRuleSchema, type AlertRuleConfig } from '../src/config/alert-rules.js';
import { configSchema } from '../src/config/schema.js';
import type { Mention } from '../src/core/mention.js';
import { SqliteMentionIndex } from '../src/index/sqlite/sqlite-index.js';
import { silentLogger } from '../src/platform/logger.js';
import { SqliteAlertStore } from '../src/state/sqlite-alert-store.js';
import { SqliteStateStore } from '../src/state/sqlite-state-store.js';
import { generateCorpus, word } from './corpus/generate.js';
import { argValue, fmt, percentile } from './support/measure.js';

const END = new Date('2026-11-01T00:00:00Z');

function summary(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} p50 ${percentile(sorted, 50).toFixed(1)} ms  p95 ${percentile(sorted, 95).toFixed(1)} ms  max ${sorted.at(-1)!.toFixed(1)} ms  (n=${samples.length})`);
}

async function receiver(): Promise<{ url: string; next(): Promise<number>; close(): Promise<void> }> {
  let waiting: ((at: number) => void) | null = null;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const at = performance.now();
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      waiting?.(at);
      waiting = null;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/bench`,
    next: () => new Promise((resolve) => (waiting = resolve)),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

async function latency(path: string, samples: number, template: Mention): Promise<void> {
  const hook = await receiver();
  const config = configSchema.parse({
    notifiers: [{ id: 'team', type: 'slack', webhookUrl: hook.url }],
    alerts: [{ id: 'bench-match', type: 'match', query: 'brand:brand-0 AND sentiment:negative', notify: ['team'], window: '1h', cooldown: 0 }],
    index: { sqlite: { path } },
  });
  const logger = silentLogger();
  const index = SqliteMentionIndex.open({ path, logger });
  const state = new SqliteStateStore(path);
  const engine = createAlerting(config, { index, state, store: new SqliteAlertStore(path), logger, now: () => new Date(), write: () => undefined });
  await engine.tick();
  const times: number[] = [];
  const evaluate: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const now = new Date();
      const mention: Mention = { ...template, id: `${(Date.now() + i).toString(16).padStart(16, '0')}${'b'.repeat(16)}`.slice(0, 32), publishedAt: now.toISOString(), fetchedAt: now.toISOString(), sentiment: { score: -0.7, label: 'negative' } };
      const [outcome] = await index.upsert([mention]);
      if (outcome?.outcome !== 'indexed') throw new Error('bench: the mention was not indexed');
      const posted = hook.next();
      const indexedAt = performance.now();
      const pass = await engine.onIndexed([mention.id]);
      evaluate.push(performance.now() - indexedAt);
      if (pass.messages !== 1) throw new Error(`bench: expected one message, got ${pass.messages}`);
      times.push((await posted) - indexedAt);
    }
  } finally {
    await engine.close();
    await state.close();
    await index.close();
    await hook.close();
  }
  summary('  evaluate-alerts step (rules + dedup + outbox)', evaluate);
  summary('  index → post (Slack receiver on loopback)', times);
  console.log(`    in order (ms): ${times.map((t) => t.toFixed(0)).join(' ')}`);
}

async function windowed(path: string, runs: number, endBefore?: Date): Promise<void> {
  const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
  const term = word(40, false);
  const rules: AlertRuleConfig[] = [
    { id: 'spike-brand', type: 'spike', query: 'brand:brand-0', notify: ['x'], window: '1h', baselineWindows: 24 },
    { id: 'spike-brand-week', type: 'spike', query: 'brand:brand-1', notify: ['x'], window: '1h', baseline: 'same-hour-of-week', baselineWindows: 8 },
    { id: 'spike-text', type: 'spike', query: `${term} AND brand:brand-3`, notify: ['x'], window: '1h', baselineWindows: 24 },
    { id: 'negative-share', type: 'negative-share', query: 'brand:brand-0', notify: ['x'], window: '1d', baselineWindows: 7 },
  ].map((raw) => alertRuleSchema.parse(raw));
  const since = new Date(0);
  try {
    const newest = await index.search({ query: null, sort: 'date', limit: 1, ...(endBefore ? { to: endBefore } : {}) });
    const end = new Date(Date.parse(newest.hits[0]?.mention.publishedAt ?? END.toISOString()));
    console.log(`windowed rules on ${fmt(newest.total)} mentions (each at ${runs} distinct times, 7 min apart, ending ${end.toISOString()}):`);
    const all: number[] = [];
    for (const rule of rules) {
      const samples: number[] = [];
      for (let i = 0; i < runs + 3; i++) {
        const now = new Date(end.getTime() - (i + 1) * 7 * 60_000);
        const started = performance.now();
        await evaluateRule(rule, { kind: 'tick' }, { index, now, since, sources: [], sourceState: () => Promise.reject(new Error('none')) });
        if (i >= 3) samples.push(performance.now() - started); // the first three warm the caches
      }
      all.push(percentile([...samples].sort((a, b) => a - b), 95));
      summary(`  ${rule.id} (${rule.type === 'silence' ? '' : rule.query})`, samples);
    }
    console.log(`  a tick with these ${rules.length} rules, sum of p95: ${all.reduce((s, v) => s + v, 0).toFixed(1)} ms`);
  } finally {
    await index.close();
  }
}

export async function run(argv: string[]): Promise<void> {
  const samples = Number(argValue(argv, '--samples') ?? 30);
  const runs = Number(argValue(argv, '--runs') ?? 20);
  const large = argValue(argv, '--index');
  const dir = mkdtempSync(join(tmpdir(), 'hubwatch-bench-alerts-'));
  try {
    const path = join(dir, 'bench.db');
    const small = SqliteMentionIndex.open({ path, logger: silentLogger() });
    let template: Mention | undefined;
    for (const batch of generateCorpus({ total: 20_000, end: new Date(), days: 30 }, 5_000)) {
      await small.upsert(batch);
      template ??= batch.find((m) => m.entities.some((e) => e.id === 'brand-0'));
    }
    await small.close();
    console.log(`match alert latency, index of 20,000 mentions:`);
    await latency(path, samples, template!);
    if (large) {
      // The generated corpus ends at END: windows are placed there (latency samples are newer).
      await windowed(large, runs, END);
      console.log(`match alert latency, ${large}:`);
      await latency(large, Math.min(samples, 15), template!);
    } else {
      await windowed(path, runs);
      console.log('  (pass --index FILE for a large index: `npm run bench -- --suite index --corpus 1000000 --path FILE --keep --load-only` builds one)');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
