/**
 * Enrichment benchmark: `npm run bench -- --suite enrich [--texts 2000] [--rounds 7] [--remembered 100000]`.
 * One thread, 2 KB English and French texts, a 500-entry watchlist (300 brands with aliases and
 * products, 150 people, 50 topics): language + entities + sentiment + signature per mention, then
 * each stage alone, then the story clusterer. Rates are the median of the rounds.
 */
import { cpus, loadavg } from 'node:os';
import { createEnricher } from '../src/enrich/create-enricher.js';
import { createStoryClusterer } from '../src/enrich/create-story-clusterer.js';
import { detectLanguage } from '../src/enrich/language/detect-language.js';
import { compileWatchlist } from '../src/enrich/match/compiled-watchlist.js';
import { matchEntities } from '../src/enrich/match/entity-matcher.js';
import { SentimentAnalyzer } from '../src/enrich/sentiment/sentiment-analyzer.js';
import { minhash } from '../src/enrich/signature/minhash.js';
import { fold } from '../src/core/text/fold.js';
import { wordTokens } from '../src/enrich/text/word-tokens.js';
import { prng } from './corpus/generate.js';
import { argValue, fmt, rssMb } from './support/measure.js';
import { buildTexts, buildWatchlist } from './support/news-text.js';

/**
 * JavaScript heap and array buffers held by a story clusterer that remembers `count` distinct
 * mentions (random 300-word texts, so none joins another), per mention: the filled clusterer's
 * footprint minus the same process's after it is dropped. Needs --expose-gc (npm run bench has it).
 */
function clustererBytesPerMention(count: number, random: () => number): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  const vocabulary = Array.from({ length: 20_000 }, (_, i) => `w${(Math.imul(i, 0x9e3779b1) >>> 0).toString(36)}`);
  const signatures = Array.from({ length: count }, () => minhash(Array.from({ length: 300 }, () => vocabulary[Math.floor(random() * vocabulary.length)]!)));
  const ids = signatures.map((_, i) => `mention-${i}`);
  const footprint = (): number => {
    gc();
    gc();
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  let clusterer: ReturnType<typeof createStoryClusterer> | null = createStoryClusterer();
  signatures.forEach((signature, i) => clusterer!.assign({ id: ids[i]!, signature, publishedAt: '2026-11-01T00:00:00Z' }));
  const filled = footprint();
  clusterer = null;
  return (filled - footprint()) / count;
}

/**
 * Median rate over the rounds, by wall clock and by CPU time of this process (user + system, GC
 * threads included). The machine is shared: under load the CPU-time rate is the steadier
 * "per core" figure; both are printed.
 */
function rate(label: string, rounds: number, count: number, once: () => void): number {
  once(); // warm-up: caches, JIT
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    once();
    const used = process.cpuUsage(cpuStart);
    wall.push((count / (performance.now() - started)) * 1000);
    cpu.push((count / ((used.user + used.system) / 1000)) * 1000);
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(`${label.padEnd(44)} ${fmt(median(wall)).padStart(8)} /s wall   ${fmt(median(cpu)).padStart(8)} /s per CPU-second`);
  return median(cpu);
}

export async function run(argv: string[]): Promise<void> {
  const count = Number(argValue(argv, '--texts') ?? 2000);
  const rounds = Number(argValue(argv, '--rounds') ?? 7);
  const random = prng(42);
  const watchlist = buildWatchlist(random);
  const texts = buildTexts(random, watchlist, count);
  const entries = watchlist.brands.length + watchlist.people.length + watchlist.topics.length;
  const startedLoad = performance.now();
  const enricher = createEnricher(watchlist);
  console.log(`${cpus()[0]?.model ?? 'cpu'} (${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}), Node ${process.version}, one thread`);
  console.log(`${fmt(count)} texts of ${fmt(texts.reduce((s, t) => s + t.text.length, 0) / count)} chars (half en, half fr), watchlist of ${entries} entries; ${rounds} rounds`);
  console.log(`createEnricher: ${fmt(performance.now() - startedLoad)} ms; RSS ${rssMb()} MB`);

  const correct = texts.filter((t, i) => enricher.enrich(t).language === (i % 2 === 0 ? 'en' : 'fr')).length;
  console.log(`language right on ${fmt((correct / count) * 100)} % of the texts`);
  let entities = 0;
  const full = rate('enrich (language+entities+sentiment+signature)', rounds, count, () => {
    entities = 0;
    for (const t of texts) entities += enricher.enrich(t).entities.length;
  });
  console.log(`  ${fmt(entities / count)} entities per text on average; goal 2,000/s per core (CPU time): ${full >= 2000 ? 'met' : 'NOT met'}`);

  rate('  language (eld small database, title + 200 chars)', rounds, count, () => {
    for (const t of texts) detectLanguage(t);
  });
  const compiled = compileWatchlist(watchlist);
  rate('  fold + tokens + entity matching', rounds, count, () => {
    for (const t of texts) {
      const fields = (['title', 'text'] as const).map((field) => {
        const folded = fold(t[field]);
        return { field, original: t[field], folded, tokens: wordTokens(folded) };
      });
      matchEntities(compiled, fields);
    }
  });
  const analyzer = new SentimentAnalyzer();
  rate('  sentiment (document + sentences)', rounds, count, () => {
    texts.forEach((t, i) => analyzer.analyse(i % 2 === 0 ? 'en' : 'fr', t.title, t.text));
  });
  rate('  signature (fold + tokens + MinHash)', rounds, count, () => {
    for (const t of texts) minhash(wordTokens(fold(`${t.title}\n${t.text}`)).words);
  });

  // What the worker pool adds per item: its input and its result copied between threads (structured clone, both ways).
  const results = texts.map((t) => enricher.enrich(t));
  const messaging = rate('  pool messaging (clone input + result)', rounds, count, () => {
    structuredClone(texts.map(({ title, text }) => ({ title, text, languageHint: null })));
    structuredClone(results);
  });
  console.log(`  messaging costs ${((full / messaging) * 100).toFixed(1)} % of enrichment per item`);

  const signatures = texts.map((t) => enricher.enrich(t).signature);
  rate('story clusterer assign (window 100k)', rounds, count, () => {
    const clusterer = createStoryClusterer();
    signatures.forEach((signature, i) => clusterer.assign({ id: `m${i}`, signature, publishedAt: '2026-11-01T00:00:00Z' }));
  });
  const remembered = Number(argValue(argv, '--remembered') ?? 100_000);
  const perMention = remembered > 0 ? clustererBytesPerMention(remembered, random) : null;
  if (perMention !== null) console.log(`story clusterer memory: ${fmt(perMention)} bytes per remembered mention (${fmt(remembered)} remembered)`);
  console.log(`RSS after the run: ${rssMb()} MB`);
}
