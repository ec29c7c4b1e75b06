/**
 * Distributed-mode benchmark (`npm run bench -- --suite distributed`): the same loopback feeds
 * through the embedded pipeline in this process, then through 1, 2 and 4 worker processes on a
 * local Redis of the suite's own (AOF everysec, noeviction). Feed bytes → searchable, timed from the
 * first poll taken to the last batch indexed (process start-up is left out), with the CPU of the
 * workers and of Redis, and Redis's cost per mention (commands and network bytes, from INFO).
 * Options: --feeds N --items N (default 20 × 500), --rounds N (default 2; the modes alternate),
 * --text news|rail: `news` (default) is the pipeline suite's loopback case (~2 KB generated news
 * articles, each a different article, 200 brands / 100 people); `rail` the earlier ~8 KB items
 * assembled from eight sentences a language, with the shipped watchlist. --enrich-workers N|auto
 * sets `enrich.workers` (default: the configuration's default, auto); --processes 1,2,4 the
 * layouts run (default all three); --profile DIR writes a CPU profile of every worker thread.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { parseConfig } from '../src/config/load-config.js';
import { configSchema } from '../src/config/schema.js';
import { openIndex } from '../src/index/open-index.js';
import { silentLogger } from '../src/platform/logger.js';
import { createEmbeddedPipeline } from '../src/roles/embedded-pipeline.js';
import { countMentions } from '../src/app/ingest-service.js';
import { argValue, fmt } from './support/measure.js';
import { generatedFeed } from './support/generated-feed.js';
import { newsFeed } from './support/news-feed.js';
import { buildWatchlist } from './support/news-text.js';
import { prng } from './corpus/generate.js';

const LAYOUTS: Record<number, string[]> = {
  1: ['all'],
  2: ['fetch', 'enrich'],
  // A SQLite index has one writer process: more processes go to fetching.
  4: ['fetch', 'fetch', 'fetch', 'enrich'],
};
const TICKS = 100;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** CPU seconds a process has used (Linux /proc). */
function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 300_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Redis's counters: commands processed and network bytes in and out. */
async function redisCounters(redis: Redis): Promise<{ commands: number; bytes: number }> {
  const info = await redis.info();
  const value = (name: string): number => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? 0);
  return { commands: value('total_commands_processed'), bytes: value('total_net_input_bytes') + value('total_net_output_bytes') };
}

export async function run(argv: string[]): Promise<void> {
  const feeds = Number(argValue(argv, '--feeds') ?? 20);
  const items = Number(argValue(argv, '--items') ?? 500);
  const text = argValue(argv, '--text') ?? 'news';
  const enrichWorkers = argValue(argv, '--enrich-workers');
  const profileDir = argValue(argv, '--profile');
  const layouts = (argValue(argv, '--processes') ?? '1,2,4').split(',').map(Number);
  if (layouts.some((n) => !LAYOUTS[n])) throw new Error(`--processes takes a list of ${Object.keys(LAYOUTS).join(', ')}`);
  if (text !== 'news' && text !== 'rail') throw new Error(`--text must be news or rail, not ${text}`);
  const rounds = Number(argValue(argv, '--rounds') ?? 2);
  const dir = mkdtempSync(join(tmpdir(), 'hubwatch-bench-distributed-'));
  const now = new Date();
  const watchlist =
    text === 'news'
      ? buildWatchlist(prng(7), { brands: 200, people: 100, topics: 0 })
      : parseConfig(readFileSync('config/hubwatch.yaml', 'utf8'), 'config/hubwatch.yaml', { env: {} }).watchlist;
  const bodies = Array.from({ length: feeds }, (_, i) => (text === 'news' ? newsFeed(i, items, watchlist, now) : generatedFeed(i, items, now)));
  const megabytes = bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0) / 1_048_576;
  const server = createServer((req, res) => {
    const body = bodies[Number(/\/feed\/(\d+)\.xml/.exec(req.url ?? '')?.[1] ?? -1)];
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
  });
  // Longer than the fetcher's keep-alive, so the server never closes a socket the fetcher reuses.
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const feedPort = (server.address() as { port: number }).port;
  const redisPort = await freePort();
  mkdirSync(join(dir, 'redis'));
  const redisServer = spawn('/usr/bin/redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', join(dir, 'redis'), '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
  const redisUrl = `redis://127.0.0.1:${redisPort}`;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 50, 500) });
  redis.on('error', () => undefined);
  await waitUntil(async () => (await redis.ping().catch(() => '')) === 'PONG', 'redis-server');
  const raw = (indexPath: string) => ({
    sources: bodies.map((_, i) => ({ id: `feed-${i}`, type: 'rss', url: `http://127.0.0.1:${feedPort}/feed/${i}.xml` })),
    watchlist,
    // Every feed is on one loopback host: politeness would pace the benchmark, not the pipeline.
    fetch: { allow: [{ host: '127.0.0.1', ports: [feedPort] }], perHost: { concurrency: 64, minDelay: 0 } },
    index: { sqlite: { path: indexPath } },
    concurrency: 8,
    ...(enrichWorkers !== undefined ? { enrich: { workers: enrichWorkers === 'auto' ? 'auto' : Number(enrichWorkers) } } : {}),
    alerts: [],
    log: { level: 'warn' as const },
  });
  let runNo = 0;

  const embedded = async (): Promise<{ rate: number; perCpu: number }> => {
    const config = configSchema.parse(raw(join(dir, `embedded-${runNo++}.db`)));
    const logger = silentLogger();
    const index = await openIndex(config.index, { logger });
    const pipeline = await createEmbeddedPipeline(config, { index, logger, clock: () => new Date(), alertOutput: () => undefined });
    try {
      const cpu = process.cpuUsage();
      const started = process.hrtime.bigint();
      const reports = await pipeline.driver.runOnce();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const used = process.cpuUsage(cpu);
      const indexed = reports.reduce((sum, r) => sum + r.indexed, 0);
      const failed = reports.filter((r) => r.outcome === 'error');
      if (failed.length > 0) console.log(`  embedded: ${failed.length} polls failed (${failed[0]?.error ?? ''})`);
      const cpuSeconds = (used.user + used.system) / 1e6;
      const searchable = await countMentions(index);
      console.log(`  embedded, 1 process: ${fmt(indexed)} mentions (${fmt(searchable)} in the index) in ${seconds.toFixed(2)} s = ${fmt(indexed / seconds)} mentions/s; CPU ${cpuSeconds.toFixed(1)} s = ${fmt(indexed / cpuSeconds)} per CPU-second`);
      return { rate: indexed / seconds, perCpu: indexed / cpuSeconds };
    } finally {
      await pipeline.close();
      await index.close();
    }
  };

  const distributed = async (processes: number): Promise<{ rate: number; perCpu: number }> => {
    await redis.flushall();
    const prefix = 'bench';
    const file = join(dir, `config-${runNo}.json`);
    const indexPath = join(dir, `distributed-${runNo++}.db`);
    writeFileSync(file, JSON.stringify({ ...raw(indexPath), queue: { redisUrl, prefix, fetchConcurrency: 16 } }));
    const children: ChildProcess[] = [];
    const start = (role: string): Promise<ChildProcess> => new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--import', 'tsx', 'src/cli/main.ts', 'worker', '--role', role], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HUBWATCH_CONFIG: file },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      children.push(child);
      let text = '';
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('worker started')) resolve(child);
      });
      child.once('exit', (code) => reject(new Error(`a ${role} worker exited (${code}) before it started: ${text.slice(-500)}`)));
    });
    const roles = LAYOUTS[processes]!;
    // Enrich workers first (they rebuild their story memory), then the fetch workers, whose start polls every source.
    const byOrder = [...roles].sort((a, b) => (a === 'enrich' ? -1 : b === 'enrich' ? 1 : 0));
    // Counted from before the first start: a fetch worker polls as soon as it is up.
    const redisCpu = cpuOf(redisServer.pid!);
    const counters = await redisCounters(redis);
    const cpuBefore = new Map<number, number>();
    for (const role of byOrder) {
      const child = await start(role);
      cpuBefore.set(child.pid!, cpuOf(child.pid!));
    }
    const fetchQueue = new Queue('fetch', { connection: redis, prefix });
    const enrichQueue = new Queue('enrich', { connection: redis, prefix });
    try {
      await waitUntil(async () => (await enrichQueue.getCompletedCount()) >= feeds, 'every batch indexed');
      const after = await redisCounters(redis);
      const cpu = children.reduce((sum, child) => sum + cpuOf(child.pid!) - (cpuBefore.get(child.pid!) ?? 0), 0) + cpuOf(redisServer.pid!) - redisCpu;
      const polls = await fetchQueue.getCompleted(0, -1);
      const batches = await enrichQueue.getCompleted(0, -1);
      const first = Math.min(...polls.map((job) => job.processedOn ?? Infinity));
      const last = Math.max(...batches.map((job) => job.finishedOn ?? 0));
      const indexed = batches.reduce((sum, job) => sum + Number((job.returnvalue as { indexed?: number }).indexed ?? 0), 0);
      const seconds = (last - first) / 1000;
      const reader = await openIndex({ sqlite: { path: indexPath } }, { logger: silentLogger() });
      const searchable = await countMentions(reader);
      await reader.close();
      console.log(
        `  distributed, ${processes} process${processes === 1 ? '' : 'es'} (${roles.join(' + ')}): ` +
          `${fmt(indexed)} mentions (${fmt(searchable)} in the index) in ${seconds.toFixed(2)} s = ${fmt(indexed / seconds)} mentions/s; CPU (workers + Redis) ${cpu.toFixed(1)} s = ${fmt(indexed / cpu)} per CPU-second; ` +
          `Redis ${((after.commands - counters.commands) / indexed).toFixed(2)} commands and ${fmt((after.bytes - counters.bytes) / indexed)} bytes per mention`,
      );
      return { rate: indexed / seconds, perCpu: indexed / cpu };
    } finally {
      await fetchQueue.close();
      await enrichQueue.close();
      await Promise.all(children.map((child) => new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(null);
        child.once('exit', resolve);
        child.kill('SIGTERM');
      })));
    }
  };

  try {
    console.log(`feed bytes → searchable, ${feeds} loopback feeds × ${items} ${text === 'news' ? '~2 KB news' : '~8 KB rail'} items (${megabytes.toFixed(1)} MB), SQLite index, Redis local; load average ${loadavg()[0]!.toFixed(1)}:`);
    for (let round = 1; round <= rounds; round++) {
      console.log(` round ${round}:`);
      await embedded();
      for (const processes of layouts) await distributed(processes);
    }
  } finally {
    redis.disconnect();
    redisServer.kill('SIGKILL');
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}
