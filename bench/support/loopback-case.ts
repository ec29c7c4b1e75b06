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
 * nothing is shared). Each run polls every feed `--lb-passes` times (default 2) in one process,
 * each poll a new edition of the feed (new items): pass 1 is a cold process, where every thread
 * compiles its code as it goes; pass 2 is the running pipeline's next poll. Stacks
 * (`--lb-stacks`, default `conventional,workers-0,workers-auto`): the conventional stack, and
 * hubwatch's `run --once` code with `enrich.workers` 0 (enrichment on the main thread, as before
 * the pool) or the given value. Runs are alternated, `--lb-rounds` rounds (default 2); each
 * stack's rate on every other core set is also given as a ratio to its rate on the first, round by
 * round (runs minutes apart on a drifting machine differ more than runs side by side), and, with a
 * side-by-side set, as a ratio to the side-by-side rate: the share of the machine's ceiling.
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
  const passes = Number(argValue(argv, '--lb-passes') ?? 2);
  if (pair && pair.length !== 2) throw new Error('--lb-pair takes two stacks: --lb-pair workers-0,workers-1');
  const watchlist = buildWatchlist(prng(7), { brands: 200, people: 100, topics: 0 });
  const watchlistFile = join(dir, 'watchlist.json');
  writeFileSync(watchlistFile, JSON.stringify(watchlist));
  // Edition p of feed i: its own items (guids, links, text), dated like the first edition's.
  const now = Date.now();
  const editions = Array.from({ length: passes }, (_, p) =>
    Array.from({ length: feeds }, (_, i) => Buffer.from(newsFeed(i + p * feeds, items, watchlist, new Date(now + p * feeds * items * 60_000)))),
  );
  const megabytes = editions[0]!.reduce((sum, body) => sum + body.length, 0) / 1_048_576;
  // Each run (its own path prefix) gets the next edition of a feed at each poll of it.
  const polls = new Map<string, number>();
  const server = createServer((req, res) => {
    const [, run, feed] = /^\/run\/(\d+)\/feed\/(\d+)\.xml$/.exec(req.url ?? '') ?? [];
    const key = `${run}/${feed}`;
    const poll = polls.get(key) ?? 0;
    const body = feed === undefined ? undefined : editions[Math.min(poll, passes - 1)]![Number(feed)];
    if (body === undefined) return void res.writeHead(404).end();
    polls.set(key, poll + 1);
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
  });
  // Clients may come back to a kept-alive connection after a long pause on a loaded machine.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  console.log(
    `loopback feeds to searchable: ${feeds} feeds × ${items} items, ${megabytes.toFixed(1)} MB, 200 brands / 100 people, ${passes} poll${passes === 1 ? '' : 's'} of each feed a run; load average ${loadavg()[0]!.toFixed(1)} at start`,
  );
  let run = 0;
  /** The spec of one run of `stack` in a new folder of its own. */
  const specFor = (stack: string): LoopbackSpec => {
    const id = run++;
    const runDir = join(dir, `loopback-${id}`);
    mkdirSync(runDir);
    const conventional = stack === 'conventional';
    return {
      stack: conventional ? 'conventional' : 'hubwatch',
      workers: conventional ? 0 : stack === 'workers-auto' ? 'auto' : Number(stack.replace('workers-', '')),
      // Hubwatch's fetcher paces each host: one host per feed, as real feeds have.
      urls: editions[0]!.map((_, i) => `http://${conventional ? '127.0.0.1' : `feed${i}.bench.test`}:${port}/run/${id}/feed/${i}.xml`),
      watchlistFile,
      dir: runDir,
      passes,
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
          const passResults = cores.includes('+')
            ? sideBySide(await Promise.all(cores.split('+').map((part) => measured(part, specFor(stack), profileDir))))
            : await measured(cores, specFor(stack), profileDir);
          let mentionsSoFar = 0;
          for (const result of passResults) {
            mentionsSoFar += result.mentions;
            const key = `${stack} on cpu ${cores}${passes > 1 ? `, pass ${result.pass}` : ''}`;
            results.set(key, [...(results.get(key) ?? []), result]);
            console.log(`  round ${round} ${key.padEnd(36)} ${describe(result, mentionsSoFar)}, load ${load.toFixed(1)}`);
            if (showTimeline) {
              console.log(`    cores busy each 0.1 s: ${result.timeline.map((busy) => busy.toFixed(1)).join(' ')}`);
              const byThread = Object.entries(result.threads).filter(([, seconds]) => seconds >= 0.01).sort((a, b) => b[1] - a[1]);
              console.log(`    preempted ${fmt(result.preempted)} times; CPU seconds by thread: ${byThread.map(([name, seconds]) => `${name} ${seconds.toFixed(2)}`).join(', ')}`);
            }
          }
        }
      }
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  printScaling(results, stacks, coreSets, passes);
  printAgainstCeiling(results, stacks, coreSets, passes);
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log('  medians:');
  for (const [key, runs] of results) {
    console.log(
      `    ${key.padEnd(36)} ${fmt(median(runs.map((r) => r.mentions / r.seconds))).padStart(6)}/s wall, ${fmt(median(runs.map((r) => r.mentions / r.cpuSeconds))).padStart(6)} per CPU-second, ` +
        `${fmt(median(runs.map((r) => r.mentions / r.seconds / r.cores))).padStart(6)}/s per core, ` +
        `peak RSS ${fmt(median(runs.map((r) => r.maxRssMb)))} MB`,
    );
  }
}

/** Each stack's rate on every core set after the first, as a ratio to its rate on the first, round by round and pass by pass. */
function printScaling(results: Map<string, LoopbackResult[]>, stacks: string[], coreSets: string[], passes: number): void {
  const [base, ...others] = coreSets;
  if (base === undefined || others.length === 0) return;
  console.log(`  scaling, each round's rate ÷ the same round's rate on cpu ${base}:`);
  printRatios(results, stacks, passes, others, base, (ratio) => `${ratio.toFixed(2)}×`);
}

/**
 * With a side-by-side set among the core sets (`0+1`), each stack's rate on every other multi-core
 * set as a ratio to the side-by-side rate of the same round and pass: how much of what the machine
 * gives independent processes on those cores one process gets (1.0 is the ceiling, not 2.0).
 */
function printAgainstCeiling(results: Map<string, LoopbackResult[]>, stacks: string[], coreSets: string[], passes: number): void {
  const ceiling = coreSets.find((cores) => cores.includes('+'));
  const shared = coreSets.slice(1).filter((cores) => !cores.includes('+'));
  if (!ceiling || shared.length === 0) return;
  console.log(`  against the machine's ceiling, each round's rate ÷ the same round's rate on cpu ${ceiling} (independent processes):`);
  printRatios(results, stacks, passes, shared, ceiling, (ratio) => ratio.toFixed(2));
}

/** One line per stack, pass and core set of `sets`: its rates ÷ the rates on `against`, round by round. */
function printRatios(results: Map<string, LoopbackResult[]>, stacks: string[], passes: number, sets: string[], against: string, format: (ratio: number) => string): void {
  const rate = (r: LoopbackResult): number => r.mentions / r.seconds;
  for (const stack of stacks) {
    for (let pass = 1; pass <= passes; pass++) {
      const suffix = passes > 1 ? `, pass ${pass}` : '';
      const againstRuns = results.get(`${stack} on cpu ${against}${suffix}`) ?? [];
      for (const cores of sets) {
        const runs = results.get(`${stack} on cpu ${cores}${suffix}`) ?? [];
        const ratios = runs.map((r, i) => (againstRuns[i] ? rate(r) / rate(againstRuns[i]) : Number.NaN));
        console.log(`    ${`${stack} on cpu ${cores}${suffix}`.padEnd(36)} ${ratios.map(format).join(' ')}`);
      }
    }
  }
}

/** One pass's line: rate, CPU, the main thread's share, set-up (first pass), the whole process so far (`mentionsSoFar` over every CPU second since it started) and memory. */
function describe(result: LoopbackResult, mentionsSoFar: number): string {
  const mainMicros = ((result.mainThreadCpuSeconds * 1000) / result.mentions) * 1000;
  return (
    `${fmt(result.mentions)} mentions in ${result.seconds.toFixed(2)} s = ${fmt(result.mentions / result.seconds).padStart(6)}/s wall, ` +
    `${fmt(result.mentions / result.cpuSeconds).padStart(6)} per CPU-second (main thread ${mainMicros.toFixed(0)} µs CPU a mention), ${fmt(result.mentions / result.seconds / result.cores).padStart(6)}/s per core; ` +
    `${result.pass === 1 ? `set-up ${result.setupSeconds.toFixed(2)} s, ` : ''}whole process so far ${fmt(mentionsSoFar / result.totalCpuSeconds)} per CPU-second, RSS ${fmt(result.rssMb)} MB (peak ${fmt(result.maxRssMb)})`
  );
}

/**
 * Independent runs at once (`--lb-cores 0+1`: one process pinned to each core, each with its own
 * index) as one result: every mention, the longest span, every CPU second. What the machine gives
 * when nothing is shared: the ceiling for one process's scaling.
 */
function sideBySide(runs: LoopbackResult[][]): LoopbackResult[] {
  return runs[0]!.map((_, pass) => sideBySidePass(runs.map((passes) => passes[pass]!)));
}

function sideBySidePass(results: LoopbackResult[]): LoopbackResult {
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

/** Runs one spec in a child process pinned to `cores` (a taskset CPU list) and returns its result, one per pass. */
function measured(cores: string, spec: LoopbackSpec, profileDir: string | undefined): Promise<LoopbackResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('taskset', ['-c', cores, process.execPath, '--expose-gc', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--import', 'tsx', 'bench/support/loopback-run.ts', JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = out.split('\n').filter((l) => l.startsWith('RESULT '));
      if (code !== 0 || lines.length !== (spec.passes ?? 1)) reject(new Error(`loopback run (${spec.stack}, cpu ${cores}) exited with ${code}: ${out.slice(-500)}`));
      else resolve(lines.map((line) => JSON.parse(line.slice(7)) as LoopbackResult));
    });
  });
}
