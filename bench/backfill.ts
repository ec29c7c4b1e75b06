/**
 * Backfill benchmarks (`npm run bench -- --suite backfill`): on a fresh SQLite index,
 *  1. `import` of full mentions (the export format), mentions/s;
 *  2. `import` of the same items as plain articles, through normalisation and enrichment, articles/s;
 *  3. `export` of the whole index (of 1.) to a sink that keeps nothing, mentions/s, and the live heap.
 * Options: --total N mentions (default 20,000), --articles N (default: as many; 0 skips 2.),
 * --write FILE (only write the corpus as NDJSON, for `hubwatch import`, and stop).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportMentions, planExport } from '../src/app/export-service.js';
import { importMentions, type ImportOptions } from '../src/app/import-service.js';
import { parseConfig } from '../src/config/load-config.js';
import type { HubwatchConfig } from '../src/config/schema.js';
import type { Mention } from '../src/core/mention.js';
import type { MentionIndex } from '../src/index/mention-index.js';
import { openIndex } from '../src/index/open-index.js';
import { silentLogger } from '../src/platform/logger.js';
import { createMentionBuilder, type MentionBuilder } from '../src/roles/mention-builder.js';
import { generateCorpus } from './corpus/generate.js';
import { argValue, fmt, heapMb, rssMb } from './support/measure.js';

const logger = silentLogger();

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function* lines(values: readonly string[]): AsyncIterable<string> {
  for (const value of values) yield value;
}

async function withIndex<T>(body: (index: MentionIndex, config: HubwatchConfig) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'hubwatch-bench-backfill-'));
  const base = parseConfig(readFileSync('config/hubwatch.yaml', 'utf8'), 'config/hubwatch.yaml', { env: {} });
  const config: HubwatchConfig = { ...base, sources: [], index: { sqlite: { path: join(dir, 'index.db') } } };
  const index = await openIndex(config.index, { logger });
  try {
    return await body(index, config);
  } finally {
    await index.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function article(mention: Mention): string {
  return JSON.stringify({ url: mention.url, title: mention.title, text: mention.text, publishedAt: mention.publishedAt, source: mention.sourceName });
}

export async function run(argv: string[]): Promise<void> {
  const total = Number(argValue(argv, '--total') ?? 20_000);
  const articles = Math.min(total, Number(argValue(argv, '--articles') ?? total));
  const mentions: Mention[] = [];
  for (const batch of generateCorpus({ total }, 5_000)) mentions.push(...batch);
  const mentionLines = mentions.map((mention) => JSON.stringify(mention));
  const articleLines = mentions.slice(0, articles).map(article);
  mentions.length = 0;
  const write = argValue(argv, '--write');
  if (write) {
    writeFileSync(write, `${mentionLines.join('\n')}\n`);
    console.log(`${fmt(mentionLines.length)} mentions written to ${write}`);
    return;
  }

  await withIndex(async (index) => {
    const started = performance.now();
    const summary = await importMentions(lines(mentionLines), index);
    const seconds = (performance.now() - started) / 1000;
    console.log(`import, full mentions: ${fmt(summary.indexed)} in ${seconds.toFixed(1)} s = ${fmt(summary.indexed / seconds)} mentions/s`);
    gc();
    const heapBefore = heapMb();
    let heapPeak = heapBefore;
    let bytes = 0;
    let pages = 0;
    const exportStarted = performance.now();
    const exported = await exportMentions(index, planExport({}, new Date()), async (text) => {
      bytes += Buffer.byteLength(text);
      // Live heap every 20 pages (after a collection): what the export holds, not its garbage.
      if (++pages % 20 === 0) {
        gc();
        heapPeak = Math.max(heapPeak, heapMb());
      }
      return true;
    });
    const exportSeconds = (performance.now() - exportStarted) / 1000;
    console.log(
      `export: ${fmt(exported.exported)} mentions (${fmt(bytes / 1_048_576)} MB of NDJSON) in ${exportSeconds.toFixed(1)} s = ${fmt(exported.exported / exportSeconds)} mentions/s; ` +
        `live heap ${heapBefore} MB before, at most ${heapPeak} MB during; RSS ${rssMb()} MB`,
    );
  });

  if (articles === 0) return;
  await withIndex(async (index, config) => {
    let builder: MentionBuilder | null = null;
    const options: ImportOptions = {
      articles: { sources: [], now: () => new Date(), builder: async () => (builder ??= await createMentionBuilder(config, index, new Date())) },
    };
    const started = performance.now();
    const summary = await importMentions(lines(articleLines), index, options);
    const seconds = (performance.now() - started) / 1000;
    await (builder as MentionBuilder | null)?.close();
    console.log(`import, plain articles (normalise + enrich + index): ${fmt(summary.indexed)} in ${seconds.toFixed(1)} s = ${fmt(summary.indexed / seconds)} articles/s (${summary.rejected} rejected)`);
  });
}
