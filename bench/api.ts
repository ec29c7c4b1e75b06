/**
 * API benchmark: `npm run bench -- --suite api [--corpus 1000000] [--dir DIR] [--requests 200] [--stats-requests 60] [--connections 20] [--read-threads 2] [--only TEXT] [--no-compact] [--api-profile DIR]`.
 * Builds (once, cached in DIR, default <tmp>/hubwatch-bench-api) an embedded SQLite index of
 * generated mentions, brings it to the state the hourly upkeep leaves (finished months merged;
 * `--no-compact` skips that), starts the API over it in a child process, and drives it with autocannon:
 * latency percentiles of `GET /api/mentions` in several query shapes and of each stats endpoint,
 * and the server's CPU time per request (all its threads: with `--read-threads N`, the default 2, searches and
 * aggregations run on N worker threads, as `hubwatch serve` runs them; 0 runs them on the server's thread). `--api-profile DIR` writes a V8 CPU profile of each of the server's threads to DIR when it stops. Goals: mentions p95 <= 100 ms, stats p95 <= 250 ms at 20 connections.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { SqliteMentionIndex } from '../src/index/sqlite/sqlite-index.js';
import { silentLogger } from '../src/platform/logger.js';
import { BRANDS, prng, word } from './corpus/generate.js';
import { END, load } from './index.js';
import { argValue, fmt, percentile } from './support/measure.js';

const DAY_MS = 86_400_000;
const TICK_MS = 10; // /proc's clock ticks (USER_HZ 100)

/** The cached index for `total` mentions, built when missing (a marker file says it is complete). */
async function ensureIndex(dir: string, total: number, compact: boolean): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `api-${total}.db`);
  const marker = `${path}.complete`;
  if (existsSync(marker)) {
    console.log(`index: reusing ${path} (delete ${marker} to rebuild)`);
    if (compact) await upkeep(path);
    return path;
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  rmSync(path.replace(/\.db$/, '.fts.db'), { force: true });
  console.log(`index: generating ${fmt(total)} mentions into ${path} (minutes; progress below, once per tenth)`);
  const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
  await load(index, total);
  await index.close();
  writeFileSync(marker, new Date().toISOString());
  if (compact) await upkeep(path);
  return path;
}

/**
 * The index as the hourly upkeep leaves it on the corpus's last day: its finished months merged
 * (nothing to do once done).
 */
async function upkeep(path: string): Promise<void> {
  const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
  const started = performance.now();
  const merged = await index.compact(END);
  await index.close();
  console.log(`index: upkeep as of ${END.toISOString().slice(0, 10)}: ${merged} finished months merged in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Starts the server in its own process, with a V8 CPU profile of each thread written to `profileDir` at its end when given; resolves with its URL. */
function startServer(path: string, token: string, readThreads: number, profileDir?: string): Promise<{ url: string; child: ChildProcess }> {
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'bench/support/api-server.ts', path, token, String(readThreads)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const line = text.split('\n')[0];
      if (text.includes('\n') && line) resolve({ url: line.replace(/\/$/, ''), child });
    });
    child.once('exit', (code) => reject(new Error(`the API server exited (${code}) before listening`)));
  });
}

/** CPU milliseconds of the process's main thread (its thread id is the process id), from /proc. */
function mainThreadCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** CPU milliseconds a process has used (user + system), from /proc. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

interface Scenario {
  label: string;
  goalMs: number;
  path: () => string;
}

async function drive(base: string, token: string, scenario: Scenario, requests: number, connections: number, pid: number): Promise<void> {
  const times: number[] = [];
  let failed = 0;
  // A fixed number of requests, each waited for: on a loaded machine a slow answer is a figure,
  // and no request of one scenario is left in the server's queue when the next starts.
  const run = (amount: number, record: boolean, clients = connections): Promise<autocannon.Result> =>
    new Promise((resolve, reject) => {
      const instance = autocannon(
        {
          // A minute before giving up: a slow answer is a figure, not a hole in the percentiles.
          url: base, connections: clients, amount, timeout: 120, headers: { authorization: `Bearer ${token}` },
          requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: scenario.path() }) }],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      if (record) {
        instance.on('response', (_client, status: number, _bytes, ms: number) => {
          if (status !== 200) failed += 1;
          times.push(ms);
        });
      }
    });
  await run(10, false, 2); // warm-up: page cache, statement cache, JIT
  const before = cpuMs(pid);
  const mainBefore = mainThreadCpuMs(pid);
  const result = await run(requests, true);
  const cpu = cpuMs(pid) - before;
  const mainCpu = mainThreadCpuMs(pid) - mainBefore;
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  if (times.length === 0) {
    console.log(`${scenario.label.padEnd(58)} no answer within 120 s (${result.timeouts} timeouts) | server CPU ${fmt(cpu)} ms in all | GOAL ${scenario.goalMs} ms MISSED`);
    return;
  }
  const ms = (n: number): string => n.toFixed(1).padStart(7);
  console.log(
    `${scenario.label.padEnd(58)} ${fmt(times.length).padStart(6)} req ${fmt(result.requests.average).padStart(5)}/s | p50 ${ms(percentile(times, 50))} p95 ${ms(p95)} p99 ${ms(percentile(times, 99))} ms | ` +
      `server CPU ${(cpu / times.length).toFixed(2)} ms/req (main thread ${(mainCpu / times.length).toFixed(2)}) | ${p95 <= scenario.goalMs ? 'goal met' : `GOAL ${scenario.goalMs} ms MISSED`}${failed ? ` | ${failed} non-200` : ''}${result.timeouts ? ` | ${result.timeouts} timeouts` : ''}`,
  );
}

/** The three charts of one page view, in turn. */
function dashboard(): () => string {
  const view = 'brand=brand-1&from=2026-10-02&to=2026-10-31';
  const paths = [`/api/stats/volume?${view}`, `/api/stats/sentiment?${view}`, `/api/stats/share-of-voice?${view}`];
  let next = 0;
  return () => paths[(next += 1) % paths.length]!;
}

export async function run(argv: string[]): Promise<void> {
  const total = Number(argValue(argv, '--corpus') ?? 1_000_000);
  const dir = argValue(argv, '--dir') ?? join(tmpdir(), 'hubwatch-bench-api');
  const requests = Number(argValue(argv, '--requests') ?? 200);
  const statsRequests = Number(argValue(argv, '--stats-requests') ?? 60);
  const connections = Number(argValue(argv, '--connections') ?? 20);
  const readThreads = Number(argValue(argv, '--read-threads') ?? 2);
  console.log(`load average at start: ${loadavg().map((n) => n.toFixed(2)).join(' ')}; ${cpus().length} CPUs; Node ${process.version}`);
  const path = await ensureIndex(dir, total, !argv.includes('--no-compact'));
  const token = randomBytes(24).toString('base64url');
  const { url, child } = await startServer(path, token, readThreads, argValue(argv, '--api-profile'));
  try {
    console.log(`server: ${url} (own process, ${readThreads > 0 ? `reads on ${readThreads} worker threads` : 'reads on its one thread'}), ${connections} connections; ${requests} requests per mentions scenario, ${statsRequests} per stats scenario, after 10 of warm-up`);
    const random = prng(11);
    const day = (): number => END.getTime() - Math.floor(random() * 300 + 30) * DAY_MS;
    const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
    // Date-times at a random minute: every ask is a scope of its own, so no cache answers it.
    const window = (days: number): string => {
      const to = day() + Math.floor(random() * 1440) * 60_000;
      return `from=${new Date(to - days * DAY_MS).toISOString()}&to=${new Date(to).toISOString()}`;
    };
    const brand = (): string => `brand-${Math.floor(random() * 20)}`;
    const common = (): string => {
      const first = 50 + Math.floor(random() * 30);
      return encodeURIComponent(`${word(first, false)} ${word(50 + ((first - 50 + 1 + Math.floor(random() * 29)) % 30), false)}`);
    };
    const scenarios: Scenario[] = [
      { label: 'mentions: newest 25, no filter', goalMs: 100, path: () => '/api/mentions' },
      { label: 'mentions: 2 common terms + brand + 30 days, by date', goalMs: 100, path: () => `/api/mentions?q=${common()}&brand=${brand()}&${window(30)}` },
      { label: 'mentions: same, by relevance', goalMs: 100, path: () => `/api/mentions?q=${common()}&brand=${brand()}&${window(30)}&sort=relevance` },
      { label: 'mentions: brand + negative + news + 90 days (filters only)', goalMs: 100, path: () => `/api/mentions?brand=${brand()}&sentiment=negative&channel=news&${window(90)}` },
      { label: 'mentions: brand + 7 days, 100 a page', goalMs: 100, path: () => `/api/mentions?brand=${brand()}&${window(7)}&limit=100` },
      { label: 'stats: volume, 30 days, daily', goalMs: 250, path: () => `/api/stats/volume?${window(30)}` },
      { label: 'stats: sentiment, one brand, a year, weekly', goalMs: 250, path: () => `/api/stats/sentiment?brand=${brand()}&interval=week&from=${iso(END.getTime() - 365 * DAY_MS)}&to=${iso(END.getTime())}` },
      { label: `stats: share of voice (${BRANDS} brands), 30 days`, goalMs: 250, path: () => `/api/stats/share-of-voice?${window(30)}` },
      { label: 'stats: top 20 sources, 30 days', goalMs: 250, path: () => `/api/stats/sources?${window(30)}` },
      { label: 'stats: top 20 authors, 30 days', goalMs: 250, path: () => `/api/stats/authors?${window(30)}` },
      { label: 'stats: top 20 stories, 30 days', goalMs: 250, path: () => `/api/stats/stories?${window(30)}` },
      // The page's charts for one view, asked by every client: served from the 30 s stats cache.
      { label: 'stats: one dashboard view (volume, sentiment, sov) repeated', goalMs: 250, path: dashboard() },
    ];
    const only = argValue(argv, '--only');
    for (const scenario of scenarios) {
      if (only && !scenario.label.includes(only)) continue;
      await drive(url, token, scenario, scenario.goalMs > 100 ? statsRequests : requests, connections, child.pid!);
    }
    console.log(`load average at end: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  } finally {
    child.kill('SIGTERM');
  }
}
