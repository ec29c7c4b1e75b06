import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStateStore } from '../../../src/state/sqlite-state-store.js';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import { parseFeedDocument } from '../../../src/connectors/rss/parse-feed.js';
import { EnrichmentError, ParseError } from '../../../src/core/errors.js';
import type { NormalisedItem } from '../../../src/core/normalise.js';
import { createInProcessBatchEnricher, type AheadInput, type BatchEnricher } from '../../../src/enrich/batch-enricher.js';
import { createEnricher } from '../../../src/enrich/create-enricher.js';
import type { EnrichInput } from '../../../src/enrich/enricher.js';
import { createInProcessStoryMemory } from '../../../src/enrich/in-process-story-memory.js';
import { createEnrichmentPool, createPooledBatchEnricher } from '../../../src/enrich/pool/pooled-batch-enricher.js';
import { enrichThreads } from '../../../src/enrich/pool/pool-size.js';
import { seededRandom } from '../../../src/samples/seeded.js';
import { threadModule } from '../../../src/platform/threads/thread-module.js';
import { buildMentions } from '../../../src/workers/build-mentions.js';
import { normaliseItems } from '../../../src/core/normalise-items.js';
import { takeNormalised } from '../../../src/core/normalised-ahead.js';
import { normaliseOutcome } from '../../../src/workers/stages/read-source.js';

const watchlist = parseConfig(readFileSync('config/hubwatch.yaml', 'utf8'), 'config/hubwatch.yaml', { env: {} }).watchlist;
const options = { frenchModel: true, englishModel: false };

const EN = 'Acme Rail trains were late again on Monday and commuters complained about the strike and the poor service on the northern line.';
const FR = "Les voyageurs d'Acme dénoncent des retards à répétition et une grève qui perturbe fortement le trafic sur la ligne nord depuis lundi.";

/** Distinct articles: seeded random words around a watched name, so each is its own story unless copied. */
function article(n: number): string {
  const random = seededRandom(n + 1);
  const words = Array.from({ length: 60 }, () => Array.from({ length: 3 + Math.floor(random() * 5) }, () => 'abcdefghilmnoprstuv'[Math.floor(random() * 19)]).join(''));
  return `${n % 3 === 0 ? FR : EN} ${words.join(' ')}.`;
}

function item(id: string, title: string, text: string, minute: number): NormalisedItem {
  const at = new Date(Date.UTC(2026, 10, 20, 8, minute)).toISOString();
  return {
    id, url: `https://example.org/${id}`, canonicalUrl: `https://example.org/${id}`, sourceId: 's', sourceName: 'S', channel: 'news',
    title, text, author: null, publishedAt: at, fetchedAt: at, languageHint: null, audience: null, flags: [],
  } as unknown as NormalisedItem;
}

const threadCount = (): number => readdirSync('/proc/self/task').length;
const threadNames = (): string[] => readdirSync('/proc/self/task').map((tid) => readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim());

async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const pools: BatchEnricher[] = [];
function pool(threads: number): BatchEnricher {
  const made = threads === 0 ? createInProcessBatchEnricher(createEnricher(watchlist, options)) : createEnrichmentPool(watchlist, options, { threads, maxChunk: 8 });
  pools.push(made);
  return made;
}
afterAll(async () => {
  for (const made of pools) await made.close();
});

describe('enrichment pool', () => {
  it('enriches exactly as the enricher on this thread does, in order', async () => {
    const inputs: EnrichInput[] = Array.from({ length: 50 }, (_, n) => ({ title: `Acme update ${n}`, text: article(n), languageHint: n % 5 === 0 ? 'fr' : null }));
    const expected = inputs.map((input) => createEnricher(watchlist, options).enrich(input));
    const pooled = await pool(2).enrichBatch(inputs);
    expect(pooled).toEqual(expected);
    expect(pooled.some((e) => e.entities.length > 0)).toBe(true);
    expect(new Set(pooled.map((e) => e.language))).toEqual(new Set(['en', 'fr']));
  });

  it('gives the same stories with 0, 1 or 2 threads when batches overlap and the later ones are smaller', async () => {
    // Batch A is large; batches B and C are small and copy articles of A: with A enriched last,
    // a pool that answered out of order would make B's copies the origins.
    const a = Array.from({ length: 60 }, (_, n) => item(`a${n}`, `Acme ${n}`, article(n), n));
    const b = [item('b0', 'Copy', article(3), 61), item('b1', 'Copy', article(40), 62), item('b2', 'New', article(500), 63)];
    const c = [item('c0', 'Copy', article(500), 64), item('c1', 'Copy', article(7), 65)];
    const storiesWith = async (threads: number): Promise<(string | null)[][]> => {
      const deps = { enricher: pool(threads), stories: createInProcessStoryMemory(), reachOf: () => 1 };
      const built = await Promise.all([a, b, c].map((batch) => buildMentions(batch, deps)));
      return built.map((mentions) => mentions.map((m) => m.storyId));
    };
    const inProcess = await storiesWith(0);
    expect(inProcess[1]).toEqual(['a3', 'a40', 'b2']);
    expect(inProcess[2]).toEqual(['b2', 'a7']);
    expect(await storiesWith(1)).toEqual(inProcess);
    expect(await storiesWith(2)).toEqual(inProcess);
  });

  it('fails the batch whose task throws with a clear error, and goes on with the next', async () => {
    const faulty = createPooledBatchEnricher(threadModule(new URL('../../support/x.ts', import.meta.url).href, 'faulty-enrich-worker', { watchlist, options }), { threads: 2 });
    pools.push(faulty);
    const good = [{ title: 'Acme', text: EN }];
    const failing = faulty.enrichBatch([{ title: 'fine', text: EN }, { title: 'throw', text: EN }]);
    const after = faulty.enrichBatch(good);
    await expect(failing).rejects.toThrow(EnrichmentError);
    await expect(failing).rejects.toThrow(/enrichment of a batch of 2 items failed in a worker thread: this item cannot be enriched/);
    expect((await after)[0]?.entities.map((e) => e.id)).toContain('acme');
  });

  it('fails the batch whose thread dies, starts another thread, and goes on', async () => {
    const faulty = createPooledBatchEnricher(threadModule(new URL('../../support/x.ts', import.meta.url).href, 'faulty-enrich-worker', { watchlist, options }), { threads: 1 });
    pools.push(faulty);
    await expect(faulty.enrichBatch([{ title: 'crash', text: EN }])).rejects.toThrow(/batch of 1 items failed in a worker thread/);
    const again = await faulty.enrichBatch([{ title: 'Acme', text: EN }, { title: 'Acme', text: FR }]);
    expect(again.map((e) => e.language)).toEqual(['en', 'fr']);
  });

  it('loads every thread when asked to be ready, and fails its start when a thread cannot load', async () => {
    const before = threadCount();
    const starting = createEnrichmentPool(watchlist, options, { threads: 2 });
    pools.push(starting);
    await starting.ready();
    expect(threadCount()).toBeGreaterThanOrEqual(before + 2);
    // Named so that `top -H` and `ps -L` show them (Linux keeps thread names in /proc).
    expect(threadNames().filter((name) => name === 'hw-enrich').length).toBeGreaterThanOrEqual(2);
    expect((await starting.enrichBatch([{ title: 'Acme', text: FR }]))[0]?.language).toBe('fr');

    const unloadable = createPooledBatchEnricher(threadModule(new URL('../../support/x.ts', import.meta.url).href, 'unloadable-enrich-worker', { watchlist, options }), { threads: 2 });
    pools.push(unloadable);
    const failed = unloadable.ready();
    await expect(failed).rejects.toThrow(EnrichmentError);
    await expect(failed).rejects.toThrow(/the enrichment threads could not start: the language table is unreadable/);
    await unloadable.close();
  });

  it('parses feed documents on its threads as on this one: the same items, and the same ParseError for a page that is no feed', async () => {
    const parsing = createEnrichmentPool(watchlist, options, { threads: 2 });
    pools.push(parsing);
    const where = 'source "x" (https://example.org/feed)';
    for (const fixture of ['rss2-extensions.xml', 'atom-xhtml.xml', 'rss1-rdf.xml', 'fidelity-markup-jsonfeed.json']) {
      const text = readFileSync(`src/connectors/rss/fixtures/${fixture}`, 'utf8');
      const here = await parseFeedDocument(text, { feedUrl: 'https://example.org/feed', where });
      const there = await parsing.parseFeed(text, { feedUrl: 'https://example.org/feed', where });
      expect(there.items.length).toBeGreaterThan(0);
      expect(there).toEqual(here);
    }
    const page = '<!doctype html><html><head><title>Welcome</title></head><body>Hi</body></html>';
    const local = await parseFeedDocument(page, { feedUrl: 'https://example.org/', where }).catch((error: unknown) => error);
    const threaded = await parsing.parseFeed(page, { feedUrl: 'https://example.org/', where }).catch((error: unknown) => error);
    expect(local).toBeInstanceOf(ParseError);
    expect(threaded).toBeInstanceOf(ParseError);
    expect(threaded).toMatchObject({ message: (local as ParseError).message, reason: 'not-a-feed', retryable: false });
  });

  it('normalises a poll’s parsed items on its threads as this thread would, for that poll only', async () => {
    const parsing = createEnrichmentPool(watchlist, options, { threads: 2 });
    pools.push(parsing);
    const where = 'source "x" (https://example.org/feed)';
    const source = { id: 'x', name: 'X', type: 'rss', url: 'https://example.org/feed', channel: 'news' as const, options: { secret: 'not sent' } };
    const now = new Date('2026-12-01T12:00:00Z');
    for (const fixture of ['rss2-extensions.xml', 'atom-xhtml.xml', 'rss1-rdf.xml', 'fidelity-markup-jsonfeed.json']) {
      const text = readFileSync(`src/connectors/rss/fixtures/${fixture}`, 'utf8');
      const feed = await parsing.parseFeedFor(source, now)(text, { feedUrl: 'https://example.org/feed', where });
      const outcome = { status: 'ok' as const, items: feed.items, problems: [{ reason: 'charset-corrected', message: 'm', outcome: 'repaired' as const }], cursor: {} };
      const here = normaliseItems(feed.items, source, now);
      expect(here.items.length).toBeGreaterThan(0);
      // Done on the thread, equal to this thread's, and taken once.
      expect(takeNormalised(feed.items, source, now)).toEqual(here);
      expect(takeNormalised(feed.items, source, now)).toBeNull();
      const again = await parsing.parseFeedFor(source, now)(text, { feedUrl: 'https://example.org/feed', where });
      expect(normaliseOutcome({ ...outcome, items: again.items }, source, now)).toEqual({ ...here, problems: [...outcome.problems, ...here.problems] });
      // Not for another source or time than the poll's.
      const other = await parsing.parseFeedFor(source, now)(text, { feedUrl: 'https://example.org/feed', where });
      expect(takeNormalised(other.items, { ...source, id: 'y' }, now)).toBeNull();
      const later = await parsing.parseFeedFor(source, now)(text, { feedUrl: 'https://example.org/feed', where });
      expect(takeNormalised(later.items, source, new Date(now.getTime() + 1))).toBeNull();
      // A connector that rewrites the items returns a new array: it is normalised here, from what it holds.
      const rewritten = (await parsing.parseFeedFor(source, now)(text, { feedUrl: 'https://example.org/feed', where })).items.map((item) => ({ ...item, link: 'https://example.org/rewritten' }));
      expect(normaliseOutcome({ ...outcome, items: rewritten }, source, now).items[0]?.url).toBe('https://example.org/rewritten');
    }
  });

  it('enriches a poll’s fresh items as it parses them when given the state file, each enrichment taken once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hubwatch-ahead-'));
    const state = new SqliteStateStore(join(dir, 'state.db'));
    try {
      const source = { id: 'x', name: 'X', type: 'rss', url: 'https://example.org/feed', channel: 'news' as const, options: {} };
      const now = new Date('2026-12-01T12:00:00Z');
      const text = readFileSync('src/connectors/rss/fixtures/rss2-extensions.xml', 'utf8');
      const where = 'source "x" (https://example.org/feed)';
      const items = normaliseItems((await parseFeedDocument(text, { feedUrl: source.url, where })).items, source, now).items;
      expect(items.length).toBeGreaterThan(1);
      const ids = items.map((item) => item.id);
      // The first item was delivered by this source before; the others are fresh.
      await state.markSeen('x', [ids[0]!], now);
      await state.markSeen('y', ids, now);
      const ahead = createEnrichmentPool(watchlist, options, { threads: 2, seenFile: join(dir, 'state.db') });
      pools.push(ahead);
      const poll = (pool: typeof ahead, enrichFresh = true) => pool.parseFeedFor(source, now, { enrichFresh })(text, { feedUrl: source.url, where });
      await poll(ahead);
      const here = createEnricher(watchlist, options);
      const made = ahead.enrichedAhead('x', items);
      expect(made[0]).toBeUndefined();
      expect(made.slice(1)).toEqual(items.slice(1).map((item) => here.enrich({ title: item.title, text: item.text, languageHint: item.languageHint })));
      expect(ahead.enrichedAhead('x', items).every((enrichment) => enrichment === undefined)).toBe(true);
      // Only for the text it was made from.
      await poll(ahead);
      const edited = ahead.enrichedAhead('x', items.map((item, i) => (i === 2 ? { ...item, text: `${item.text} (edited)` } : item)));
      expect(edited[2]).toBeUndefined();
      expect(edited[1]).toEqual(made[1]);
      // Not when the poll does not ask (its connector rewrites the items), without the state file, or for a parse that did not normalise.
      const plain = createEnrichmentPool(watchlist, options, { threads: 1 });
      pools.push(plain);
      await poll(plain);
      await poll(ahead, false);
      const notAsked = ahead.enrichedAhead('x', items);
      await ahead.parseFeed(text, { feedUrl: source.url, where });
      expect([...plain.enrichedAhead('x', items), ...notAsked, ...ahead.enrichedAhead('x', items)].every((enrichment) => enrichment === undefined)).toBe(true);
      // An unreadable state file: the poll is parsed as usual and nothing is made ahead.
      const missing = createEnrichmentPool(watchlist, options, { threads: 1, seenFile: join(dir, 'absent.db') });
      pools.push(missing);
      expect((await poll(missing)).items.length).toBeGreaterThan(1);
      expect(missing.enrichedAhead('x', items).every((enrichment) => enrichment === undefined)).toBe(true);
    } finally {
      await state.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds the same mentions from enrichments made ahead as from a batch, in the order batches came', async () => {
    const made = createEnricher(watchlist, options);
    const items = Array.from({ length: 6 }, (_, i) => item(`m${i}`, `Acme ${i}`, article(i % 3), i));
    const enrichments = items.map((one) => made.enrich({ title: one.title, text: one.text, languageHint: one.languageHint }));
    const plain = { enricher: createInProcessBatchEnricher(made), stories: createInProcessStoryMemory(), reachOf: () => 1 };
    // Items 1 and 4 were made ahead; the others go through the batch.
    let asked: readonly EnrichInput[] = [];
    const mixed = {
      enricher: {
        enrichBatch: (inputs: readonly EnrichInput[]) => ((asked = inputs), Promise.resolve(inputs.map((input) => made.enrich(input)))),
        enrichedAhead: (sourceId: string, asked: readonly AheadInput[]) => asked.map((one, i) => (sourceId === items[0]!.sourceId && one.id === items[i]!.id && (i === 1 || i === 4) ? enrichments[i] : undefined)),
      },
      stories: createInProcessStoryMemory(),
      reachOf: () => 1,
    };
    expect(await buildMentions(items, mixed)).toEqual(await buildMentions(items, plain));
    expect(asked.map((input) => input.title)).toEqual(['Acme 0', 'Acme 2', 'Acme 3', 'Acme 5']);
  });

  it('ends its threads on close, and refuses batches after', async () => {
    const before = threadCount();
    const closing = createEnrichmentPool(watchlist, options, { threads: 2 });
    await closing.enrichBatch([{ title: 'Acme', text: EN }]);
    expect(threadCount()).toBeGreaterThanOrEqual(before + 2);
    await closing.close();
    await until(() => threadCount() <= before, 'the pool threads to end');
    await expect(closing.enrichBatch([{ title: 'Acme', text: EN }])).rejects.toThrow(/closed/);
  });

  it('sizes itself from the cores: one thread a core, none on a single core, or as configured', () => {
    expect(enrichThreads('auto', 1)).toBe(0);
    expect(enrichThreads('auto', 2)).toBe(2);
    expect(enrichThreads('auto', 8)).toBe(8);
    expect(enrichThreads(3, 8)).toBe(3);
    expect(enrichThreads(0, 8)).toBe(0);
  });
});
