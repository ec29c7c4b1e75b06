import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { prng } from '../corpus/generate.js';
import { argValue, fmt } from './measure.js';
import { canTimeCpu, runPinned } from './pinned-process.js';
import { newsFeed } from './news-feed.js';
import { buildWatchlist } from './news-text.js';

const CHILD = resolve('bench/support/thread-ceiling-child.mjs');

/** One child process: its layout on its core set, timed from outside. */
interface CeilingRun {
  /** Mentions a pass enriched (each pass enriches the same documents). */
  mentions: number;
  entities: number;
  /** Each pass's wall time, the first from the process's start (its loading counts). */
  passSeconds: number[];
  wallSeconds: number;
  /** User + system CPU of the process (every thread), from GNU time; NaN without it. */
  cpuSeconds: number;
}

/**
 * What any layout of JavaScript threads can reach on this machine, for the work hubwatch's pool
 * takes off the main thread: the loopback case's feed documents (the same generator, `--tc-feeds` ×
 * `--tc-items`, default 20 × 500) parsed, normalised and enriched by a process that does nothing
 * else (`thread-ceiling-child.mjs`): no fetching, index, stories or answers. Layouts, each a process
 * pinned with `taskset` (`--tc-runs`, default `main@0,split@0-1,pipeline@0-1,main@0+1`): `main`, the
 * main thread alone; `split`, two worker threads taking every other document; `pipeline`, one
 * worker thread parsing and matching, another scoring, each piece of code on one thread; `@0+1` runs
 * one process on each core at once (the machine's ceiling for independent work). With
 * `--tc-passes N` each process takes the documents through the same threads N times (pass 2 on:
 * the code already optimised, as in a running process's next polls). Alternated for `--tc-rounds`
 * rounds (default 3); each round's rate, pass by pass, is set against the first run's. Needs the
 * built package (`npm run build`).
 */
export async function threadCeilingCase(argv: string[], dir: string): Promise<void> {
  if (!existsSync('dist/enrich/create-enricher.js')) throw new Error('the thread-ceiling case runs the built package: run `npm run build` first');
  const feeds = Number(argValue(argv, '--tc-feeds') ?? 20);
  const items = Number(argValue(argv, '--tc-items') ?? 500);
  const rounds = Number(argValue(argv, '--tc-rounds') ?? 3);
  const passes = Number(argValue(argv, '--tc-passes') ?? 1);
  const runs = (argValue(argv, '--tc-runs') ?? 'main@0,split@0-1,pipeline@0-1,main@0+1').split(',').map((spec) => {
    const [layout, cores] = spec.split('@') as [string, string | undefined];
    if (!['main', 'split', 'pipeline'].includes(layout) || !cores) throw new Error(`--tc-runs: LAYOUT@CORES with main, split or pipeline, not ${spec}`);
    return { spec, layout, cores };
  });
  const watchlist = buildWatchlist(prng(7), { brands: 200, people: 100, topics: 0 });
  const docs = join(dir, 'ceiling-docs');
  mkdirSync(docs);
  const now = new Date();
  let megabytes = 0;
  for (let i = 0; i < feeds; i++) {
    const body = newsFeed(i, items, watchlist, now);
    megabytes += Buffer.byteLength(body) / 1_048_576;
    writeFileSync(join(docs, `feed-${String(i).padStart(4, '0')}.xml`), body);
  }
  const watchlistFile = join(dir, 'ceiling-watchlist.json');
  writeFileSync(watchlistFile, JSON.stringify(watchlist));
  const withTime = canTimeCpu();
  console.log(
    `thread ceiling: ${feeds} feed documents × ${items} items (${megabytes.toFixed(1)} MB) parsed, normalised and enriched, nothing else, each run a whole process; ` +
      `load average ${loadavg()[0]!.toFixed(1)} at start${withTime ? '' : ' (no GNU time at /usr/bin/time: wall time only)'}`,
  );
  const results = new Map<string, CeilingRun[]>();
  for (let round = 1; round <= rounds; round++) {
    for (const { spec, layout, cores } of runs) {
      const timed = await Promise.all(cores.split('+').map((core) => timedChild(layout, core, docs, watchlistFile, passes)));
      // Processes side by side as one: every mention, each pass's longest time, every CPU second.
      const result = {
        mentions: timed.reduce((s, r) => s + r.mentions, 0),
        entities: timed.reduce((s, r) => s + r.entities, 0),
        passSeconds: timed[0]!.passSeconds.map((_, pass) => Math.max(...timed.map((r) => r.passSeconds[pass]!))),
        wallSeconds: Math.max(...timed.map((r) => r.wallSeconds)),
        cpuSeconds: timed.reduce((s, r) => s + r.cpuSeconds, 0),
      };
      results.set(spec, [...(results.get(spec) ?? []), result]);
      const perPass = result.passSeconds.map((seconds, pass) => `pass ${pass + 1} ${seconds.toFixed(2)} s = ${fmt(result.mentions / seconds).padStart(6)}/s`).join(', ');
      console.log(
        `  round ${round} ${spec.padEnd(14)} ${fmt(result.mentions)} mentions (${fmt(result.entities)} entities) a pass: ${perPass}; ` +
          `process ${result.wallSeconds.toFixed(2)} s, CPU ${result.cpuSeconds.toFixed(2)} s`,
      );
    }
  }
  const base = runs[0]!.spec;
  for (let pass = 0; pass < passes; pass++) {
    const rate = (r: CeilingRun): number => r.mentions / r.passSeconds[pass]!;
    console.log(`  pass ${pass + 1}${pass === 0 ? ' (cold: from the process start)' : ''}, each round's rate ÷ the same round's rate of ${base}:`);
    for (const { spec } of runs.slice(1)) {
      console.log(`    ${spec.padEnd(14)} ${results.get(spec)!.map((r, i) => (rate(r) / rate(results.get(base)![i]!)).toFixed(2)).join(' ')}`);
    }
  }
}

/** Runs the child with `layout`, pinned to `cores`, and reads its counts and rusage. */
async function timedChild(layout: string, cores: string, docs: string, watchlistFile: string, passes: number): Promise<CeilingRun> {
  const run = await runPinned(cores, [process.execPath, CHILD, '--docs', docs, '--watchlist', watchlistFile, '--layout', layout, '--passes', String(passes)]);
  const line = /^\{.*\}$/m.exec(run.out);
  if (run.code !== 0 || !line) throw new Error(`thread-ceiling ${layout} on cpu ${cores} exited with ${run.code}: ${run.out.slice(-600)}`);
  const { mentions, entities, passSeconds } = JSON.parse(line[0]) as { mentions: number; entities: number; passSeconds: number[] };
  return { mentions, entities, passSeconds, wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds };
}
