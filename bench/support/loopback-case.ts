import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { prng } from '../corpus/generate.js';
import type { LoopbackResult, LoopbackSpec } from './loopback-run.js';
import { argValue, fmt } from './measure.js';
import { newsFeed } from './news-feed.js';
import { buildWatchlist } from './news-text.js';

/**
 * The loopback end-to-end case: `--lb-feeds` feeds (default 20) × `--lb-items` items (default 500)
 * of ~2 KB generated English and French news, a 200-brand / 100-person watchlist, served by this
 * process on loopback; each stack reads them into a fresh index in its own process, pinned with
 * `taskset` to each core set of `--lb-cores` (default `0,0-1`: one core, then two). Stacks
 * (`--lb-stacks`, default `conventional,workers-0,workers-auto`): the conventional stack, and
 * hubwatch's `run --once` code with `enrich.workers` 0 (enrichment on the main thread, as before
 * the pool) or the given value. Runs are alternated, `--lb-rounds` rounds (default 2).
 * `--lb-profile DIR` writes a V8 CPU profile of every thread of each run into DIR; `--lb-timeline`
 * prints how many cores the process kept busy in each tenth of a second of each run.
 */
export async function loopbackCase(argv: string[], dir: string): Promise<void> {
  const feeds = Number(argValue(argv, '--lb-feeds') ?? 20);
  const items = Number(argValue(argv, '--lb-items') ?? 500);
  const rounds = Number(argValue(argv, '--lb-rounds') ?? 2);
  const coreSets = (argValue(argv, '--lb-cores') ?? '0,0-1').split(',');
  const stacks = (argValue(argv, '--lb-stacks') ?? 'conventional,workers-0,workers-auto').split(',');
  const profileDir = argValue(argv, '--lb-profile');
  const showTimeline = argv.includes('--lb-timeline');
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
  const results = new Map<string, LoopbackResult[]>();
  let run = 0;
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const cores of coreSets) {
        for (const stack of stacks) {
          const runDir = join(dir, `loopback-${run++}`);
          mkdirSync(runDir);
          const conventional = stack === 'conventional';
          const spec: LoopbackSpec = {
            stack: conventional ? 'conventional' : 'hubwatch',
            workers: conventional ? 0 : stack === 'workers-auto' ? 'auto' : Number(stack.replace('workers-', '')),
            // Hubwatch's fetcher paces each host: one host per feed, as real feeds have.
            urls: bodies.map((_, i) => (conventional ? `http://127.0.0.1:${port}/feed/${i}.xml` : `http://feed${i}.bench.test:${port}/feed/${i}.xml`)),
            watchlistFile,
            dir: runDir,
          };
          const load = loadavg()[0]!;
          const result = await measured(cores, spec, profileDir);
          const key = `${stack} on cpu ${cores}`;
          results.set(key, [...(results.get(key) ?? []), result]);
          console.log(
            `  round ${round} ${key.padEnd(28)} ${fmt(result.mentions)} mentions in ${result.seconds.toFixed(2)} s = ${fmt(result.mentions / result.seconds).padStart(6)}/s wall, ` +
              `${fmt(result.mentions / result.cpuSeconds).padStart(6)} per CPU-second (main thread ${(result.mainThreadCpuSeconds * 1000 / result.mentions * 1000).toFixed(0)} µs CPU a mention), ${fmt(result.mentions / result.seconds / result.cores).padStart(6)}/s per core; ` +
              `set-up ${result.setupSeconds.toFixed(2)} s, whole process ${fmt(result.mentions / result.totalCpuSeconds)} per CPU-second, RSS ${fmt(result.rssMb)} MB (peak ${fmt(result.maxRssMb)}), load ${load.toFixed(1)}`,
          );
          if (showTimeline) console.log(`    cores busy each 0.1 s: ${result.timeline.map((busy) => busy.toFixed(1)).join(' ')}`);
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
