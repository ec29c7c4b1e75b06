/**
 * Pipeline benchmarks (`npm run bench -- --suite pipeline`):
 *  1. end to end in one process: fetch (loopback) → parse → normalise → enrich → SQLite, items/s;
 *  2. loopback feeds to searchable, hubwatch (enrichment pool on and off) beside the conventional
 *     stack, each run a process pinned to 1 and to 2 cores (bench/support/loopback-case.ts);
 *  3. the scheduler: 10,000 sources on loopback, most answering 304, polls/s and memory;
 *  4. only with `--case cli-once`: the built `hubwatch run --once` on the loopback case's feeds,
 *     timed as a whole process on 1 and 2 cores (bench/support/cli-once-case.ts);
 *  5. only with `--case thread-ceiling`: the same feeds parsed, normalised and enriched and nothing
 *     else, on the main thread and on two worker threads laid out two ways: what any layout of
 *     threads can reach (bench/support/thread-ceiling-case.ts).
 * Options: --case end-to-end|loopback|scheduler|cli-once|thread-ceiling (one case), --feeds N --items N (end to
 * end, default 10 × 100), --sources N (default 10,000); the loopback and cli-once cases' in their files.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config/load-config.js';
import { configSchema, type HubwatchConfig } from '../src/config/schema.js';
import { argValue, fmt, heapMb, rssMb } from './support/measure.js';
import { generatedFeed } from './support/generated-feed.js';
import { withPipeline } from './support/loopback-pipeline.js';
import { cliOnceCase } from './support/cli-once-case.js';
import { loopbackCase } from './support/loopback-case.js';
import { threadCeilingCase } from './support/thread-ceiling-case.js';

function watchlist(): HubwatchConfig['watchlist'] {
  return parseConfig(readFileSync('config/hubwatch.yaml', 'utf8'), 'config/hubwatch.yaml', { env: {} }).watchlist;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer(handler);
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

async function endToEnd(argv: string[], dir: string): Promise<void> {
  const feeds = Number(argValue(argv, '--feeds') ?? 10);
  const items = Number(argValue(argv, '--items') ?? 100);
  const now = new Date();
  const bodies = Array.from({ length: feeds }, (_, i) => generatedFeed(i, items, now));
  const megabytes = bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0) / 1_048_576;
  const server = await listen((req, res) => {
    const n = Number(/\/feed\/(\d+)\.xml/.exec(req.url ?? '')?.[1] ?? -1);
    const body = bodies[n];
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
  });
  const config = configSchema.parse({
    sources: bodies.map((_, i) => ({ id: `feed-${i}`, type: 'rss', url: `http://feed${i}.bench.test:${server.port}/feed/${i}.xml` })),
    watchlist: watchlist(),
    index: { sqlite: { path: join(dir, 'e2e.db') } },
    fetch: { allow: [{ cidr: '127.0.0.0/8' }] },
    concurrency: 2,
  });
  try {
    await withPipeline(config, async (pipeline) => {
      const started = process.hrtime.bigint();
      const cpuBefore = process.cpuUsage();
      const reports = await pipeline.driver.runOnce();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpu = process.cpuUsage(cpuBefore);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      const indexed = reports.reduce((sum, r) => sum + r.indexed, 0);
      const failed = reports.filter((r) => r.outcome === 'error');
      if (failed.length > 0) throw new Error(`end to end: ${failed.length} feeds failed: ${failed[0]?.error}`);
      console.log(`end to end (fetch → parse → normalise → enrich → SQLite), ${feeds} feeds × ${items} items, ${megabytes.toFixed(1)} MB:`);
      console.log(`  ${fmt(indexed)} mentions in ${seconds.toFixed(2)} s = ${fmt(indexed / seconds)} items/s (${((seconds * 1e6) / indexed).toFixed(0)} µs/item), CPU ${cpuSeconds.toFixed(2)} s = ${fmt(indexed / cpuSeconds)} items per CPU-second, RSS ${rssMb()} MB`);
    });
  } finally {
    await server.close();
  }
}

async function scheduler(argv: string[], dir: string): Promise<void> {
  const count = Number(argValue(argv, '--sources') ?? 10_000);
  const hosts = Math.max(1, Math.ceil(count / 5));
  let served = 0;
  let notModified = 0;
  const server = await listen((req, res) => {
    served++;
    const id = Number(/\/s\/(\d+)\.xml/.exec(req.url ?? '')?.[1] ?? 0);
    // One source in ten publishes on every poll; the others have not changed since the first poll.
    const changing = id % 10 === 0;
    const version = changing ? `v${served}` : 'v1';
    if (!changing && req.headers['if-none-match'] === `"${version}"`) {
      notModified++;
      return void res.writeHead(304, { etag: `"${version}"` }).end();
    }
    const body =
      `<?xml version="1.0"?><rss version="2.0"><channel><title>s${id}</title><item><title>Acme update ${version}</title>` +
      `<link>https://s${id}.example.com/${version}</link><pubDate>${new Date().toUTCString()}</pubDate><description>Acme news ${version}</description></item></channel></rss>`;
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"${version}"` }).end(body);
  });
  const config = configSchema.parse({
    sources: Array.from({ length: count }, (_, i) => ({ id: `s${i}`, type: 'rss', url: `http://h${i % hosts}.bench.test:${server.port}/s/${i}.xml` })),
    watchlist: watchlist(),
    index: { sqlite: { path: join(dir, 'scheduler.db') } },
    fetch: { allow: [{ cidr: '127.0.0.0/8' }] },
    concurrency: 64,
  });
  try {
    await withPipeline(config, async (pipeline) => {
      console.log(`scheduler: ${fmt(count)} sources on ${fmt(hosts)} loopback hosts, driver concurrency 64, 9 in 10 answer 304 after the first poll:`);
      const rounds = Number(argValue(argv, '--rounds') ?? 3);
      for (let round = 1; round <= rounds; round++) {
        global.gc?.();
        const before = rssMb();
        notModified = 0;
        const started = process.hrtime.bigint();
        const reports = await pipeline.driver.runOnce();
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const errors = reports.filter((r) => r.outcome === 'error').length;
        const after = rssMb();
        global.gc?.();
        console.log(
          `  round ${round}: ${fmt(count / seconds)} polls/s (${seconds.toFixed(1)} s), ${fmt(notModified)} × 304, ${errors} errors, RSS ${before} → ${after} MB, JS heap after GC ${heapMb()} MB`,
        );
      }
    });
  } finally {
    await server.close();
  }
}

export async function run(argv: string[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hubwatch-bench-'));
  const only = argValue(argv, '--case');
  try {
    if (!only || only === 'end-to-end') await endToEnd(argv, dir);
    if (!only || only === 'loopback') await loopbackCase(argv, dir);
    if (!only || only === 'scheduler') await scheduler(argv, dir);
    // Only when asked: it runs the built package, which a bench of the sources may not have.
    if (only === 'cli-once') await cliOnceCase(argv, dir);
    if (only === 'thread-ceiling') await threadCeilingCase(argv, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
