import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { prng } from '../corpus/generate.js';
import { argValue, fmt } from './measure.js';
import { canTimeCpu, runPinned } from './pinned-process.js';
import { newsFeed } from './news-feed.js';
import { buildWatchlist } from './news-text.js';

/** One `hubwatch run --once` process, timed from outside. */
interface CliRun {
  mentions: number;
  wallSeconds: number;
  /** User + system CPU of the process (every thread), from GNU time; NaN without it. */
  cpuSeconds: number;
  peakMb: number;
  /** With `--cli-threads`: CPU seconds by kind of thread (`main`, `hw-enrich`, …, `other`) and how many threads of each kind. */
  threads?: Map<string, { count: number; cpuSeconds: number }>;
}

const BIN = resolve('bin/hubwatch.js');
const PRELOAD = resolve('bench/support/thread-cpu-preload.mjs');

/**
 * The built command itself, as a cron job runs it: `hubwatch run --once` on the loopback case's
 * feeds and watchlist (the same generator: `--cli-feeds` × `--cli-items`, default 20 × 500 items
 * of ~2 KB), each feed on a loopback address of its own (127.0.0.2, 127.0.0.3, …) so that the
 * fetcher paces each host as it does real ones. Each run is a new process on a fresh index, pinned
 * with `taskset` to each core set of `--cli-cores` (default `0,0-1,0+1`; `0+1` is one process on
 * each core at once, each with its own index: the machine's ceiling), alternated for
 * `--cli-rounds` rounds (default 3). Start-up, the configuration, the pool's start, every poll and
 * the close all count: the whole process, where the loopback case times the polls alone. With
 * `--cli-history N`, each run starts on an index already holding N earlier editions of every feed
 * (made once, before the timed runs, and copied for each), as a cron job does: its start then
 * rebuilds the story memory from them, and its poll brings a new edition. Needs the built package
 * (`npm run build`); CPU seconds need GNU time at /usr/bin/time. `--cli-node-args '…'` passes
 * Node options to each timed command (`'--cpu-prof --cpu-prof-dir=/tmp/prof'` profiles every
 * thread; not allowed in NODE_OPTIONS); `--cli-threads` prints each run's CPU by thread (Linux):
 * the main thread, hubwatch's named threads, and Node's and V8's own (compiler, garbage collector).
 */
export async function cliOnceCase(argv: string[], dir: string): Promise<void> {
  if (!existsSync('dist/cli/main.js')) throw new Error('the cli-once case runs the built package: run `npm run build` first');
  const feeds = Number(argValue(argv, '--cli-feeds') ?? 20);
  const items = Number(argValue(argv, '--cli-items') ?? 500);
  const rounds = Number(argValue(argv, '--cli-rounds') ?? 3);
  const coreSets = (argValue(argv, '--cli-cores') ?? '0,0-1,0+1').split(',');
  const history = Number(argValue(argv, '--cli-history') ?? 0);
  const threadCpu = argv.includes('--cli-threads');
  const nodeArgs = [...(threadCpu ? ['--import', PRELOAD] : []), ...(argValue(argv, '--cli-node-args') ?? '').split(' ').filter(Boolean)];
  if (feeds > 250) throw new Error('--cli-feeds: at most 250 (one loopback address each)');
  const watchlist = buildWatchlist(prng(7), { brands: 200, people: 100, topics: 0 });
  // Edition p of feed i: its own items, dated over the same days as every other edition's.
  const now = Date.now();
  const editions = Array.from({ length: history + 1 }, (_, p) =>
    Array.from({ length: feeds }, (_, i) => Buffer.from(newsFeed(i + p * feeds, items, watchlist, new Date(now + p * feeds * items * 60_000)))),
  );
  let edition = 0;
  const server = createServer((req, res) => {
    const body = editions[edition]![Number(/^\/feed\/(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? -1)];
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
  });
  // Every 127.x address reaches a socket bound to all interfaces.
  await new Promise<void>((done) => server.listen(0, '0.0.0.0', done));
  const port = (server.address() as { port: number }).port;
  const configFile = join(dir, 'cli-once.yaml');
  // JSON is YAML: the watchlist as generated, the index in each run's own folder (relative path).
  writeFileSync(
    configFile,
    JSON.stringify({
      samples: { serve: false },
      sources: editions[0]!.map((_, i) => ({ id: `feed-${i}`, type: 'rss', url: `http://127.0.0.${i + 2}:${port}/feed/${i}.xml` })),
      watchlist,
      index: { sqlite: { path: 'data/hubwatch.db' } },
      fetch: { allow: [{ cidr: '127.0.0.0/8' }], timeout: 600 },
      enrich: { workers: 'auto' },
    }),
  );
  const withTime = canTimeCpu();
  const results = new Map<string, CliRun[]>();
  try {
    // The index every timed run starts from: empty, or holding the earlier editions.
    const template = join(dir, 'cli-template');
    mkdirSync(template);
    for (; edition < history; edition++) await timedRun('0-1', template, configFile, nodeArgs);
    const megabytes = editions[history]!.reduce((sum, body) => sum + body.length, 0) / 1_048_576;
    console.log(
      `hubwatch run --once, whole process: ${feeds} feeds × ${items} items (${megabytes.toFixed(1)} MB), 200 brands / 100 people, ` +
        `${history === 0 ? 'a fresh index' : `an index holding ${history} earlier edition${history === 1 ? '' : 's'} of every feed (${fmt(history * feeds * items)} mentions)`} each run; ` +
        `load average ${loadavg()[0]!.toFixed(1)} at start${withTime ? '' : ` (no GNU time at /usr/bin/time: wall time only)`}`,
    );
    let runs = 0;
    const once = (cores: string): Promise<CliRun> => {
      const cwd = join(dir, `cli-${runs++}`);
      cpSync(template, cwd, { recursive: true });
      return timedRun(cores, cwd, configFile, nodeArgs);
    };
    for (let round = 1; round <= rounds; round++) {
      for (const cores of coreSets) {
        const load = loadavg()[0]!;
        const result = cores.includes('+') ? together(await Promise.all(cores.split('+').map(once))) : await once(cores);
        results.set(cores, [...(results.get(cores) ?? []), result]);
        console.log(
          `  round ${round} cpu ${cores.padEnd(5)} ${fmt(result.mentions)} mentions in ${result.wallSeconds.toFixed(2)} s = ${fmt(result.mentions / result.wallSeconds).padStart(6)}/s wall, ` +
            `${fmt(result.mentions / result.cpuSeconds).padStart(6)} per CPU-second (${result.cpuSeconds.toFixed(2)} s CPU), ${fmt(result.mentions / result.wallSeconds / cpuCount(cores)).padStart(6)}/s per core, peak ${fmt(result.peakMb)} MB, load ${load.toFixed(1)}`,
        );
        if (result.threads) console.log(`    CPU by thread: ${describeThreads(result.threads)}`);
      }
    }
  } finally {
    await new Promise<void>((done) => server.close(() => done()));
  }
  printRatios(results, coreSets);
}

/** Each core set's rate round by round as a ratio to the first set's, and to the side-by-side set's when there is one. */
function printRatios(results: Map<string, CliRun[]>, coreSets: string[]): void {
  const rate = (r: CliRun): number => r.mentions / r.wallSeconds;
  const ratios = (cores: string, against: string): string =>
    (results.get(cores) ?? []).map((r, i) => (rate(r) / rate(results.get(against)![i]!)).toFixed(2)).join(' ');
  const [base, ...others] = coreSets as [string, ...string[]];
  console.log(`  whole-process scaling, each round's rate ÷ the same round's rate on cpu ${base}:`);
  for (const cores of others) console.log(`    cpu ${cores.padEnd(5)} ${ratios(cores, base)}`);
  const ceiling = others.find((cores) => cores.includes('+'));
  if (ceiling) {
    console.log(`  against the machine's ceiling, each round's rate ÷ the same round's rate on cpu ${ceiling}:`);
    for (const cores of others.filter((c) => !c.includes('+'))) console.log(`    cpu ${cores.padEnd(5)} ${ratios(cores, ceiling)}`);
  }
}

/** CPUs in a taskset list with `+` for processes side by side: `0` 1, `0-1` 2, `0+1` 2, `0-3,6` 5. */
function cpuCount(cores: string): number {
  return cores.split(/[+,]/).reduce((sum, part) => {
    const [from, to] = part.split('-').map(Number);
    return sum + (to === undefined ? 1 : to - from! + 1);
  }, 0);
}

/** `main 1.29 s, 2 × hw-enrich 2.33 s, hw-fts 0.46 s, 5 × other 1.39 s`: the main thread first, then by CPU. */
function describeThreads(threads: Map<string, { count: number; cpuSeconds: number }>): string {
  return [...threads]
    .sort(([a, x], [b, y]) => (a === 'main' ? -1 : b === 'main' ? 1 : y.cpuSeconds - x.cpuSeconds))
    .map(([name, { count, cpuSeconds }]) => `${count > 1 ? `${count} × ` : ''}${name} ${cpuSeconds.toFixed(2)} s`)
    .join(', ');
}

/** The preload's readings grouped: hubwatch's threads by name (`hw-…`), the main thread, and every other thread as `other`. */
function threadsOf(file: string): Map<string, { count: number; cpuSeconds: number }> | undefined {
  if (!existsSync(file)) return undefined;
  const groups = new Map<string, { count: number; cpuSeconds: number }>();
  for (const { name, cpuSeconds } of JSON.parse(readFileSync(file, 'utf8')) as { name: string; cpuSeconds: number }[]) {
    const kind = name === 'main' || name.startsWith('hw-') ? name : 'other';
    const group = groups.get(kind) ?? { count: 0, cpuSeconds: 0 };
    groups.set(kind, { count: group.count + 1, cpuSeconds: group.cpuSeconds + cpuSeconds });
  }
  return groups;
}

/** Runs `hubwatch run --once` in `cwd`, pinned to `cores`, and reads the mentions it indexed and its rusage. */
async function timedRun(cores: string, cwd: string, configFile: string, nodeArgs: readonly string[]): Promise<CliRun> {
  const threadFile = join(cwd, 'thread-cpu.json');
  const run = await runPinned(cores, [process.execPath, ...nodeArgs, BIN, 'run', '--once', '--config', configFile], {
    cwd,
    env: { ...process.env, HUBWATCH_BENCH_THREAD_CPU: threadFile },
  });
  const indexed = /(\d+) new mentions indexed/.exec(run.out);
  const failed = Number(/(\d+) failed\)/.exec(run.out)?.[1] ?? 0);
  if (run.code !== 0 || !indexed || failed > 0) throw new Error(`hubwatch run --once on cpu ${cores} exited with ${run.code}: ${run.out.slice(-600)}`);
  return {
    mentions: Number(indexed[1]),
    wallSeconds: run.wallSeconds,
    cpuSeconds: run.cpuSeconds,
    peakMb: run.peakMb,
    ...(nodeArgs.includes(PRELOAD) ? { threads: threadsOf(threadFile) } : {}),
  };
}

/** Processes run at once as one: every mention, the longest wall time, every CPU second. */
function together(runs: CliRun[]): CliRun {
  return {
    mentions: runs.reduce((s, r) => s + r.mentions, 0),
    wallSeconds: Math.max(...runs.map((r) => r.wallSeconds)),
    cpuSeconds: runs.reduce((s, r) => s + r.cpuSeconds, 0),
    peakMb: runs.reduce((s, r) => s + r.peakMb, 0),
  };
}
