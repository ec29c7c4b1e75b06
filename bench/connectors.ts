/**
 * Connector benchmarks (`npm run bench -- --suite connectors`):
 *  1. fetch + parse throughput (no normalisation) of a generated 1,000-item RSS feed (~8 KB items)
 *     served from loopback, plain and gzip, against the parsers alone (our htmlparser2 extractor,
 *     rss-parser's parseString), interleaved rounds, medians;
 *  2. peak memory above baseline while fetching and parsing a 20 MB feed;
 *  3. 10,000 conditional polls answered 304 through the rss connector (the fetcher's share of the
 *     scheduler run; the driver's full run is in the pipeline suite).
 * Options: --rounds N (default 7), --polls N (default 10,000).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import Parser from 'rss-parser';
import { fetchSchema } from '../src/config/schema.js';
import type { FetchContext, SourceDefinition } from '../src/connectors/connector.js';
import { createHttpFetcher } from '../src/connectors/http/create-http-fetcher.js';
import { parseFeedDocument } from '../src/connectors/rss/parse-feed.js';
import { rssManifest, type RssOptions } from '../src/connectors/rss/manifest.js';
import { silentLogger } from '../src/platform/logger.js';
import { startLoopbackServer } from '../test/connectors/support/loopback-server.js';
import { argValue, fmt } from './support/measure.js';
import { generatedFeed } from './support/generated-feed.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function run(argv: string[]): Promise<void> {
  const rounds = Number(argValue(argv, '--rounds') ?? 7);
  const polls = Number(argValue(argv, '--polls') ?? 10_000);
  const now = new Date();
  const feedText = generatedFeed(0, 1_000, now);
  const feed = Buffer.from(feedText);
  const feedGzip = gzipSync(feed);
  const big = Buffer.from(generatedFeed(1, 2_400, now));
  const server = await startLoopbackServer((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      return void res.end(feed);
    }
    if (req.url === '/feed.xml.gz') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-encoding': 'gzip' });
      return void res.end(feedGzip);
    }
    if (req.url === '/big.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      return void res.end(big);
    }
    if (req.headers['if-none-match'] === '"v1"') {
      res.writeHead(304, { etag: '"v1"' });
      return void res.end();
    }
    res.writeHead(200, { etag: '"v1"', 'content-type': 'application/rss+xml' });
    res.end('<rss version="2.0"><channel><title>t</title><item><title>a</title><link>https://a.example/1</link></item></channel></rss>');
  });
  const fetcher = createHttpFetcher(
    { ...fetchSchema.parse(undefined), maxBytes: 32 * 1024 * 1024, allow: [{ host: '127.0.0.1', ports: [server.port] }], perHost: { concurrency: 64, minDelay: 0 } },
    { logger: silentLogger() },
  );
  const context: FetchContext = { fetcher, logger: silentLogger(), now: () => now };
  const connector = rssManifest.create();
  const source = (path: string): SourceDefinition<RssOptions> => ({ id: 'bench', name: 'bench', type: 'rss', url: server.url(path), channel: 'news', options: { headers: {} } });
  const rssParser = new Parser();

  console.log(`feed: 1,000 items, ${(feed.length / 1_048_576).toFixed(2)} MB (${(feedGzip.length / 1024).toFixed(0)} KB gzip); ${rounds} interleaved rounds`);
  const alternatives: [string, () => Promise<number>][] = [
    ['fetch + parse (rss connector, loopback)', async () => (await connector.fetch(source('/feed.xml'), {}, context)).items.length],
    ['fetch + parse, gzip on the wire', async () => (await connector.fetch(source('/feed.xml.gz'), {}, context)).items.length],
    ['parse only: htmlparser2 extractor + mapping', async () => (await parseFeedDocument(feedText, { feedUrl: 'https://x.example/', where: 'bench' })).items.length],
    ['parse only: rss-parser parseString', async () => (await rssParser.parseString(feedText)).items.length],
  ];
  const rates = new Map<string, number[]>(alternatives.map(([name]) => [name, []]));
  await alternatives[0]![1](); // warm-up
  for (let round = 0; round < rounds; round += 1) {
    for (let k = 0; k < alternatives.length; k += 1) {
      const [name, fn] = alternatives[(round + k) % alternatives.length]!;
      gc();
      const started = performance.now();
      const items = await fn();
      rates.get(name)!.push(items / ((performance.now() - started) / 1000));
    }
  }
  const baseline = rates.get('parse only: rss-parser parseString')!;
  for (const [name, values] of rates) {
    const ratio = median(values.map((value, i) => value / baseline[i]!));
    console.log(`  ${name.padEnd(46)} ${fmt(median(values)).padStart(7)} items/s  (${ratio.toFixed(2)}x rss-parser)`);
  }

  gc();
  await new Promise((resolve) => setTimeout(resolve, 100));
  gc();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  const started = performance.now();
  const bigOutcome = await connector.fetch(source('/big.xml'), {}, context);
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(sampler);
  console.log(
    `20 MB feed (${(big.length / 1_048_576).toFixed(1)} MB, ${bigOutcome.items.length} items): fetch + parse ${fmt(performance.now() - started)} ms, ` +
      `peak RSS ${fmt((peak - before) / 1_048_576)} MB above the baseline of ${fmt(before / 1_048_576)} MB (budget 150 MB)`,
  );

  gc();
  const memBefore = process.memoryUsage().rss;
  const cursor = (await connector.fetch(source('/etag'), {}, context)).cursor;
  let done = 0;
  const pollStarted = performance.now();
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (done < polls) {
        done += 1;
        const outcome = await connector.fetch(source(`/etag?n=${done}`), cursor, context);
        if (outcome.status !== 'not-modified') throw new Error('expected a 304');
      }
    }),
  );
  const seconds = (performance.now() - pollStarted) / 1000;
  console.log(`${fmt(polls)} conditional polls answered 304: ${fmt(polls / seconds)} polls/s, RSS ${fmt((process.memoryUsage().rss - memBefore) / 1_048_576)} MB above the start`);
  await fetcher.close();
  await server.close();
}
