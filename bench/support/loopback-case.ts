import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { prng } from '../corpus/generate.js';
import type { LoopbackResult, LoopbackSpec } from './loopback-run.js';
import { argValue, fmt } from './measure.js';
import { pairedCase } from './loopback-pair.js';
import { newsFeed } from './news-feed.js';
import { buildWatchlist } from './news-text.js';

/**
 * The loopback end-to-end case: `--lb-feeds` feeds (default 20) × `--lb-items` items (default 500)
 * of ~2 KB generated English and French news, a 200-brand / 100-person watchlist, served by this
 * process on loopback; each stack reads them into a fresh index in its own process, pinned with
 * `taskset` to each core set of `--lb-cores` (default `0,0-1`: one core, then two; `0+1` runs one
 * process on each core at once, each reading every feed into its own index: the ceiling when
 * nothing is shared). Stacks (`--lb-stacks`, default `conventional,workers-0,workers-auto`): the conventional stack, and
 * hubwatch's `run --once` code with `enrich.workers` 0 (enrichment on the main thread, as before
 * the pool) or the given value. Runs are alternated, `--lb-rounds` rounds (default 2).
 * `--lb-profile DIR` writes a V8 CPU profile of every thread of each run into DIR; `--lb-timeline`
 * prints how many cores the process kept busy in each tenth of a second of each run, how often its
 * threads were preempted and each thread's CPU seconds. `--lb-pair A,B` compares two stacks on one
 * core each instead, run at once (loopback-pair.ts).
 */
export async function loopbackCase(argv: string[], dir: string): Promise<void> {
  const feeds = Number(argValue(argv, '--lb-feeds') ?? 20);
  const items = Number(argValue(argv, '--lb-items') ?? 500);
  const rounds = Number(argValue(argv, '--lb-rounds') ?? 2);
  const coreSets = (argValue(argv, '--lb-cores') ?? '0,0-1').split(',');
  const stacks = (argValue(argv, '--lb-stacks') ?? 'conventional,workers-0,workers-auto').split(',');
  const profileDir = argValue(argv, '--lb-profile');
  const showTimeline = argv.includes('--lb-timeline');
  const pair = argValue(argv, '--lb-pair')?.split(',');
  if (pair && pair.length !== 2) throw new Error('--lb-pair takes two stacks: --lb-pair workers-0,workers-1');
  const watchlist = buildWatchlist(prng(7), { brands: 200, people: 100, topics: 0 });
  const watchlistFile = join(dir, 'watchlist.json');
  writeFileSync(watchlistFile, JSON.stringify(watchlist));
  const bodies = Array.from({ length: feeds }, (_, i) => Buffer.from(newsFeed(i, items, watchlist, new Date())));
  const megabytes = bodies.reduce((sum, body) => sum + body.length, 0) / 1_048_576;
  const server = createServer((req, res) => {
    const body = bodies[Number(/\/feed\/(\d+)\.xml/.exec(req.url ?? '')?.[1] ?? -1)];
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
  });
  // Clients may come back to a kept-alive connection after a long pause on a loaded machine.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  console.log(`loopback feeds to searchable: ${feeds} feeds × ${items} items, ${megabytes.toFixed(1)} MB, 200 brands / 100 people; load average ${loadavg()[0]!.toFixed(1)} at start`);
  let run = 0;
  /** The spec of one run of `stack` in a new folder of its own. */
  const specFor = (stack: string): LoopbackSpec => {
    const runDir = join(dir, `loopback-${run++}`);
    mkdirSync(runDir);
    const conventional = stack === 'conventional';
    return {
      stack: conventional ? 'conventional' : 'hubwatch',
      workers: conventional ? 0 : stack === 'workers-auto' ? 'auto' : Number(stack.replace('workers-', '')),
      // Hubwatch's fetcher paces each host: one host per feed, as real feeds have.
      urls: bodies.map((_, i) => (conventional ? `http://127.0.0.1:${port}/feed/${i}.xml` : `http://feed${i}.bench.test:${port}/feed/${i}.xml`)),
      watchlistFile,
      dir: runDir,
    };
  };
  if (pair) {
    try {
      await pairedCase(pair, rounds, (stack, cores) => measured(cores, specFor(stack), profileDir));
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    return;
  }
  const results = new Map<string, LoopbackResult[]>();
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const cores of coreSets) {
        for (const stack of stacks) {
          const load = loadavg()[0]!;
          const result = cores.includes('+')
            ? sideBySide(await Promise.all(cores.split('+').map((part) => measured(part, specFor(stack), profileDir))))
            : await measured(cores, specFor(stack), profileDir);
          const key = `${stack} on cpu ${cores}`;
          results.set(key, [...(results.get(key) ?? []), result]);
          console.log(
            `  round ${round} ${key.padEnd(28)} ${fmt(result.mentions)} mentions in ${result.seconds.toFixed(2)} s = ${fmt(result.mentions / result.seconds).padStart(6)}/s wall, ` +
              `${fmt(result.mentions / result.cpuSeconds).padStart(6)} per CPU-second (main thread ${(result.mainThreadCpuSeconds * 1000 / result.mentions * 1000).toFixed(0)} µs CPU a mention), ${fmt(result.mentions / result.seconds / result.cores).padStart(6)}/s per core; ` +
              `set-up ${result.setupSeconds.toFixed(2)} s, whole process ${fmt(result.mentions / result.totalCpuSeconds)} per CPU-second, RSS ${fmt(result.rssMb)} MB (peak ${fmt(result.maxRssMb)}), load ${load.toFixed(1)}`,
          );
          if (showTimeline) {
            console.log(`    cores busy each 0.1 s: ${result.timeline.map((busy) => busy.toFixed(1)).join(' ')}`);
            const byThread = Object.entries(result.threads).filter(([, seconds]) => seconds >= 0.01).sort((a, b) => b[1] - a[1]);
            console.log(`    preempted ${fmt(result.preempted)} times; CPU seconds by thread: ${byThread.map(([name, seconds]) => `${name} ${seconds.toFixed(2)}`).join(', ')}`);
          }
        }
      }
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log('  medians:');
  for (const [key, runs] of results) {
    console.log(
      `    ${key.padEnd(28)} ${fmt(median(runs.map((r) => r.mentions / r.seconds))).padStart(6)}/s wall, ${fmt(median(runs.map((r) => r.mentions / r.cpuSeconds))).padStart(6)} per CPU-second, ` +
        `${fmt(median(runs.map((r) => r.mentions / r.seconds / r.cores))).padStart(6)}/s per core, whole process ${fmt(median(runs.map((r) => r.mentions / r.totalCpuSeconds))).padStart(6)} per CPU-second, ` +
        `peak RSS ${fmt(median(runs.map((r) => r.maxRssMb)))} MB`,
    );
  }
}

/**
 * Independent runs at once (`--lb-cores 0+1`: one process pinned to each core, each with its own
 * index) as one result: every mention, the longest span, every CPU second. What the machine gives
 * when nothing is shared: the ceiling for one process's scaling.
 */
function sideBySide(results: LoopbackResult[]): LoopbackResult {
  const sum = (pick: (r: LoopbackResult) => number): number => results.reduce((total, r) => total + pick(r), 0);
  const longest = results.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  return {
    ...longest,
    mentions: sum((r) => r.mentions),
    cpuSeconds: sum((r) => r.cpuSeconds),
    mainThreadCpuSeconds: sum((r) => r.mainThreadCpuSeconds),
    preempted: sum((r) => r.preempted),
    threads: Object.assign({}, ...results.map((r) => r.threads)) as Record<string, number>,
    totalCpuSeconds: sum((r) => r.totalCpuSeconds),
    rssMb: sum((r) => r.rssMb),
    maxRssMb: sum((r) => r.maxRssMb),
    cores: sum((r) => r.cores),
  };
}

/** Runs one spec in a child process pinned to `cores` (a taskset CPU list) and returns its result. */
function measured(cores: string, spec: LoopbackSpec, profileDir: string | undefined): Promise<LoopbackResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('taskset', ['-c', cores, process.execPath, '--expose-gc', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--import', 'tsx', 'bench/support/loopback-run.ts', JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) reject(new Error(`loopback run (${spec.stack}, cpu ${cores}) exited with ${code}: ${out.slice(-500)}`));
      else resolve(JSON.parse(line.slice(7)) as LoopbackResult);
    });
  });
}
