/**
 * Index benchmark: `npm run bench -- --suite index [--corpus 1000000] [--path FILE] [--keep] [--load-only]`.
 * Loads a deterministic corpus into the production SQLite schema through the MentionIndex port
 * (batches of 10,000), reopens the file as a process would, and times the query classes.
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Mention } from '../src/core/mention.js';
import { parseQuery } from '../src/index/query/parse.js';
import { ftsPathFor } from '../src/index/sqlite/fts-file.js';
import { SqliteMentionIndex } from '../src/index/sqlite/sqlite-index.js';
import { silentLogger } from '../src/platform/logger.js';
import { BRANDS, generateCorpus, prng, word } from './corpus/generate.js';
import { argValue, fmt, percentile } from './support/measure.js';

const DAY_MS = 86_400_000;
export const END = new Date('2026-11-01T00:00:00Z');
const BATCH = 10_000;

/** Both files (main and full-text) with their WALs. */
function fileSize(path: string): number {
  return [path, `${path}-wal`, ftsPathFor(path), `${ftsPathFor(path)}-wal`].reduce((sum, p) => sum + (existsSync(p) ? statSync(p).size : 0), 0);
}

/**
 * Loads the corpus segment by segment: each segment (a tenth of the load, at least 50,000) is generated first,
 * untimed, then upserted in batches and flushed (the full-text thread has committed all of it),
 * timed, so the full-text thread never works for free while the corpus is being generated.
 */
export async function load(index: SqliteMentionIndex, total: number): Promise<void> {
  let upsertMs = 0;
  let cpuMs = 0;
  let done = 0;
  let waited = 0;
  let busy = 0;
  // At least five batches a segment: the flush at its end waits for the last one alone.
  const segment = Math.max(5 * BATCH, Math.round(total / 10 / BATCH) * BATCH);
  const batches = generateCorpus({ total, end: END }, BATCH);
  while (done < total) {
    const pregenerated: Mention[][] = [];
    for (let rows = 0; rows < segment; ) {
      const next = batches.next();
      if (next.done) break;
      pregenerated.push(next.value);
      rows += next.value.length;
    }
    if (pregenerated.length === 0) break;
    const started = performance.now();
    const cpu = process.cpuUsage();
    let rows = 0;
    for (const batch of pregenerated) {
      const outcomes = await index.upsert(batch);
      if (outcomes.some((o) => o.outcome !== 'indexed')) throw new Error('bench: an upsert did not index');
      rows += batch.length;
    }
    await index.flush();
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const segmentCpuMs = (used.user + used.system) / 1000;
    cpuMs += segmentCpuMs;
    upsertMs += ms;
    const stats = index.ftsStats();
    const split = stats ? `; main thread waited ${((stats.waitedMs - waited) / 1000).toFixed(1)} s for the full-text thread, busy ${((stats.busyMs - busy) / 1000).toFixed(1)} s` : '';
    waited = stats?.waitedMs ?? 0;
    busy = stats?.busyMs ?? 0;
    console.log(`  rows ${fmt(done)}–${fmt(done + rows)}: ${fmt((rows / ms) * 1000)} mentions/s, ${fmt((rows / segmentCpuMs) * 1000)} per CPU second (both threads)${split}`);
    done += rows;
  }
  console.log(`load: ${fmt(total)} mentions in ${(upsertMs / 1000).toFixed(1)} s of upsert time, flushes included = ${fmt((total / upsertMs) * 1000)} mentions/s (batches of ${fmt(BATCH)})`);
  console.log(`load, CPU time of this process (main and full-text threads): ${(cpuMs / 1000).toFixed(1)} s = ${fmt((total / cpuMs) * 1000)} mentions/s per CPU second`);
}

async function time(label: string, runs: number, once: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 5; i += 1) await once(i + 10_000); // warm-up
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    await once(i);
    const used = process.cpuUsage(cpu);
    samples.push(performance.now() - started);
    cpuSamples.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  cpuSamples.sort((a, b) => a - b);
  const ms = (n: number): string => n.toFixed(1).padStart(6);
  console.log(
    `${label.padEnd(60)} wall p50 ${ms(percentile(samples, 50))} p95 ${ms(percentile(samples, 95))} ms | cpu p50 ${ms(percentile(cpuSamples, 50))} p95 ${ms(percentile(cpuSamples, 95))} ms`,
  );
}

/** Wall milliseconds of each page, newest first, following the cursor for up to `pages` pages. */
async function pageTimes(index: SqliteMentionIndex, query: ReturnType<typeof parseQuery>, pages: number): Promise<number[]> {
  const times: number[] = [];
  let cursor: string | null = null;
  do {
    const started = performance.now();
    const page = await index.search({ query, sort: 'date', limit: 100, ...(cursor ? { cursor } : {}) });
    times.push(performance.now() - started);
    cursor = page.nextCursor;
  } while (cursor && times.length < pages);
  return times;
}

export async function run(argv: string[]): Promise<void> {
  const total = Number(argValue(argv, '--corpus') ?? 100_000);
  const runs = Number(argValue(argv, '--runs') ?? 200);
  const dir = argValue(argv, '--path') ? undefined : mkdtempSync(join(tmpdir(), 'hubwatch-bench-index-'));
  const path = argValue(argv, '--path') ?? join(dir as string, 'bench.db');
  const reuse = existsSync(path) && argv.includes('--reuse');
  console.log(`load average at start: ${loadavg().map((n) => n.toFixed(2)).join(' ')} (other processes share the CPUs: compare the CPU-time columns)`);
  console.log(`index bench: ${fmt(total)} mentions, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`);
  console.log(`file: ${path}`);
  try {
    if (!reuse) {
      const writer = SqliteMentionIndex.open({ path, logger: silentLogger() });
      await load(writer, total);
      await writer.close();
    }
    const size = fileSize(path);
    console.log(`size: ${(size / 2 ** 20).toFixed(0)} MiB = ${((size / total) * 1e6 / 2 ** 30).toFixed(2)} GiB per million mentions`);
    if (argv.includes('--load-only')) return;
    const index = SqliteMentionIndex.open({ path, logger: silentLogger() });
    const random = prng(7);
    const day = (): number => END.getTime() - Math.floor(random() * 300 + 30) * DAY_MS;
    // Brands among the 20 most frequent. "Common" words as the reference's broad queries: two of
    // vocabulary ranks 50–80, a pair matching about 6 % of all mentions.
    const brand = (): string => `brand-${Math.floor(random() * 20)}`;
    const common = (): string => {
      const first = 50 + Math.floor(random() * 30);
      return `${word(first, false)} ${word(50 + ((first - 50 + 1 + Math.floor(random() * 29)) % 30), false)}`;
    };
    for (const sort of ['date', 'relevance'] as const) {
      await time(`search 2 common terms + brand + 30 days, 20 hits, by ${sort}`, runs, async () => {
        const to = day();
        const page = await index.search({
          query: parseQuery(`${common()} brand:${brand()}`),
          from: new Date(to - 30 * DAY_MS),
          to: new Date(to),
          sort,
          limit: 20,
        });
        if (page.hits.length > 0 && !page.hits[0]?.snippets?.[0]) throw new Error('no snippet');
      });
    }
    await time('search a 4-letter wildcard + 30 days, 20 hits, by date', runs, async () => {
      const to = day();
      const stem = word(100 + Math.floor(random() * 400), false).slice(0, 4).padEnd(4, 'a');
      await index.search({ query: parseQuery(`${stem}*`), from: new Date(to - 30 * DAY_MS), to: new Date(to), sort: 'date', limit: 20 }).catch((error: Error) => {
        if (!/too expensive/.test(error.message)) throw error;
      });
    });
    // Exactly three letters: served by the FTS5 prefix index (prefix = '3'), never refused.
    await time('search a 3-letter wildcard + 30 days, 20 hits, by date', runs, async () => {
      const to = day();
      const stem = word(100 + Math.floor(random() * 400), false).slice(0, 3).padEnd(3, 'a');
      await index.search({ query: parseQuery(`${stem}*`), from: new Date(to - 30 * DAY_MS), to: new Date(to), sort: 'date', limit: 20 });
    });
    await time('histogram: one brand, 30 days, daily', runs, async () => {
      const to = day();
      await index.histogram({ query: parseQuery(`brand:${brand()}`), interval: 'day', from: new Date(to - 30 * DAY_MS), to: new Date(to) });
    });
    await time('share of voice: 10 brands, 90 days', runs, async () => {
      const to = day();
      const first = Math.floor(random() * (BRANDS - 10));
      const brands = Array.from({ length: 10 }, (_, i) => `brand-${first + i}`);
      await index.shareOfVoice({ query: null, brands, from: new Date(to - 90 * DAY_MS), to: new Date(to) });
    });
    await time('sentiment per brand over a year (weekly buckets)', runs, async () => {
      await index.sentimentOverTime({ query: parseQuery(`brand:${brand()}`), interval: 'week', from: new Date(END.getTime() - 365 * DAY_MS), to: END });
    });
    // Keyset pages by date (the cursor is the last hit's date and sequence): a page deep in the
    // results should cost what the first does, not grow with the pages before it.
    for (const [label, text] of [['everything', null], ['one brand', 'brand-1']] as const) {
      const pages = await pageTimes(index, text === null ? null : parseQuery(`brand:${text}`), 200);
      const deep = [...pages.slice(-10)].sort((a, b) => a - b);
      console.log(`${`pages by date, 100 hits each, ${label}`.padEnd(60)} page 1 ${pages[0]!.toFixed(1)} ms | pages ${pages.length - 9}–${pages.length} p50 ${percentile(deep, 50).toFixed(1)} ms`);
    }
    await index.close();
  } finally {
    if (dir && !argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}
