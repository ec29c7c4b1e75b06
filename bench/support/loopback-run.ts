/**
 * One measured run of the loopback end-to-end case, in its own process (`bench/pipeline.ts` starts
 * it, pinned to 1 or 2 cores with taskset): the feeds at `urls` (served by the parent) read by
 * hubwatch's embedded pipeline (`run --once`'s code, `enrich.workers` as given) or by the
 * conventional stack, into a fresh index, until a full-text search sees them; `passes` times in
 * the same process, each pass reading the feeds' next edition (new items), as a running pipeline
 * polls again. Prints one line per pass: `RESULT {json}`. The first pass is a cold process (every
 * thread compiles its code as it goes); later passes show the warm pipeline.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { configSchema } from '../../src/config/schema.js';
import { watchlistSchema } from '../../src/config/watchlist.js';
import { parseQuery } from '../../src/index/query/parse.js';
import { runConventionalStack } from './conventional-stack.js';
import { withPipeline } from './loopback-pipeline.js';

export interface LoopbackSpec {
  stack: 'hubwatch' | 'conventional';
  /** `enrich.workers` (hubwatch only). */
  workers: 'auto' | number;
  urls: string[];
  watchlistFile: string;
  dir: string;
  /** Polls of every feed in this process (the server sends each poll a new edition). Default 1. */
  passes?: number;
}

export interface LoopbackResult {
  /** 1 for the process's first poll of every feed (cold), 2 for the next, and so on. */
  pass: number;
  mentions: number;
  /** From the first fetch until a full-text search finds the mentions. */
  seconds: number;
  /** CPU time of the whole process (every thread) over the same span. */
  cpuSeconds: number;
  /** CPU time of the main thread alone over the same span (NaN without /proc): the part no pool shares. */
  mainThreadCpuSeconds: number;
  /** Set-up before the first fetch (index, story memory, models or threads), wall seconds. */
  setupSeconds: number;
  /** CPU time of the whole process from its start (module loading and set-up included). */
  totalCpuSeconds: number;
  rssMb: number;
  maxRssMb: number;
  cores: number;
  /** Cores busy (process CPU seconds per wall second) in each tenth of a second of the span. */
  timeline: number[];
  /** CPU seconds over the span of each thread, by name and task id (from /proc; empty without it): where the CPU went. */
  threads: Record<string, number>;
  /** Times a thread was preempted (involuntary context switches) over the span, every thread. */
  preempted: number;
}

/** One thread's reading: its name (`main` for the main thread), CPU seconds and involuntary context switches so far. */
interface ThreadReading {
  name: string;
  seconds: number;
  switches: number;
}

/** Every thread of this process by task id, from /proc (empty without it). */
const readThreads = (): Map<string, ThreadReading> => {
  const out = new Map<string, ThreadReading>();
  try {
    for (const task of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
        const status = readFileSync(`/proc/self/task/${task}/status`, 'utf8');
        const switches = Number(/nonvoluntary_ctxt_switches:\s+(\d+)/.exec(status)?.[1] ?? 0);
        out.set(task, { name: task === String(process.pid) ? 'main' : name, seconds: (Number(fields[11]) + Number(fields[12])) / 100, switches });
      } catch {
        // The thread ended between the listing and the read.
      }
    }
  } catch {
    // No /proc.
  }
  return out;
};
let threadsBefore = new Map<string, ThreadReading>();
const threads: Record<string, number> = {};
let preempted = 0;
const spec = JSON.parse(process.argv[2]!) as LoopbackSpec;
const watchlist = watchlistSchema.parse(JSON.parse(readFileSync(spec.watchlistFile, 'utf8')));
const setupStarted = performance.now();
let started = 0;
let cpuBefore: NodeJS.CpuUsage = process.cpuUsage();
let mainThreadCpu = Number.NaN;
let seconds = 0;
let totalCpu = 0;
let cpu: NodeJS.CpuUsage = { user: 0, system: 0 };
const timeline: number[] = [];
let sampler: NodeJS.Timeout | undefined;
const begin = (): void => {
  timeline.length = 0;
  preempted = 0;
  for (const key of Object.keys(threads)) delete threads[key];
  started = performance.now();
  cpuBefore = process.cpuUsage();
  threadsBefore = readThreads();
  let last = { at: started, cpu: cpuBefore };
  // Process CPU over each tenth of a second: where the pipeline leaves cores idle (filling, draining).
  sampler = setInterval(() => {
    const at = performance.now();
    const cpu = process.cpuUsage();
    timeline.push((cpu.user - last.cpu.user + cpu.system - last.cpu.system) / 1000 / (at - last.at));
    last = { at, cpu };
  }, 100);
};
const end = (): void => {
  clearInterval(sampler);
  seconds = (performance.now() - started) / 1000;
  cpu = process.cpuUsage(cpuBefore);
  for (const [task, { name, seconds, switches }] of readThreads()) {
    const spent = seconds - (threadsBefore.get(task)?.seconds ?? 0);
    threads[`${name} ${task}`] = spent;
    // The main thread's task id is the process id: its own reading, NaN without /proc.
    if (task === String(process.pid)) mainThreadCpu = spent;
    preempted += switches - (threadsBefore.get(task)?.switches ?? 0);
  }
  const all = process.cpuUsage();
  totalCpu = (all.user + all.system) / 1e6;
  rssMb = process.memoryUsage().rss / 1_048_576;
};
let rssMb = 0;
const passes = spec.passes ?? 1;
const report = (pass: number, mentions: number, setupSeconds: number): void => {
  const result: LoopbackResult = {
    pass,
    mentions,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    mainThreadCpuSeconds: mainThreadCpu,
    setupSeconds,
    totalCpuSeconds: totalCpu,
    rssMb,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    cores: availableParallelism(),
    timeline: [...timeline],
    threads: { ...threads },
    preempted,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
};
if (spec.stack === 'conventional') {
  for (let pass = 1; pass <= passes; pass++) {
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    begin();
    const mentions = await runConventionalStack(spec.urls, watchlist, join(spec.dir, `conventional-${pass}.db`));
    end();
    report(pass, mentions, pass === 1 ? setupSeconds : 0);
  }
} else {
  const config = configSchema.parse({
    sources: spec.urls.map((url, i) => ({ id: `feed-${i}`, type: 'rss', url })),
    watchlist,
    index: { sqlite: { path: join(spec.dir, 'hubwatch.db') } },
    // Eight 1.2 MB feeds are read at once while the main thread parses and indexes: on a loaded
    // machine a response can wait longer than the default 20 s for its turn.
    fetch: { allow: [{ cidr: '127.0.0.0/8' }], timeout: 600 },
    enrich: { workers: spec.workers },
  });
  await withPipeline(config, async (pipeline, index) => {
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    for (let pass = 1; pass <= passes; pass++) {
      begin();
      const reports = await pipeline.driver.runOnce();
      const failed = reports.filter((r) => r.outcome === 'error');
      if (failed.length > 0) throw new Error(`${failed.length} feeds failed: ${failed[0]?.error}`);
      const found = await index.search({ query: parseQuery(`"${watchlist.brands[0]!.name}"`), sort: 'date', limit: 1 });
      end();
      if (found.total === 0) throw new Error('the full-text search found nothing');
      report(pass, reports.reduce((sum, r) => sum + r.indexed, 0), pass === 1 ? setupSeconds : 0);
    }
  });
}
