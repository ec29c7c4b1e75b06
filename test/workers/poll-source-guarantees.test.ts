import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { watchlistSchema } from '../../src/config/watchlist.js';
import { createHttpFetcher } from '../../src/connectors/http/create-http-fetcher.js';
import type { HttpFetcher } from '../../src/connectors/http/http-fetcher.js';
import { IndexError } from '../../src/core/errors.js';
import type { Mention } from '../../src/core/mention.js';
import { createInProcessBatchEnricher } from '../../src/enrich/batch-enricher.js';
import { createEnricher } from '../../src/enrich/create-enricher.js';
import { createInProcessStoryMemory } from '../../src/enrich/in-process-story-memory.js';
import type { MentionIndex, UpsertOutcome } from '../../src/index/mention-index.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { runtimeOf } from '../../src/roles/embedded-pipeline.js';
import { SqliteStateStore } from '../../src/state/sqlite-state-store.js';
import { pollSource, type PollDeps, type SourceRuntime } from '../../src/workers/poll-source.js';
import { describeTotals, RunCounter } from '../../src/app/ingest-service.js';
import { startLoopbackServer, type LoopbackServer } from '../connectors/support/loopback-server.js';

const logger = silentLogger();
const now = new Date('2026-11-27T12:00:00Z');

/**
 * A real SQLite index whose upserts can be made to fail the way adapters report faults: the whole
 * batch refused (a thrown retryable IndexError), or chosen items failed retryably or not. Only the
 * faults are injected; everything that succeeds is really indexed.
 */
class FaultyIndex {
  refuseNextBatch = false;
  failTitles = new Map<string, boolean>();
  constructor(readonly inner: MentionIndex) {}
  async upsert(mentions: readonly Mention[]): Promise<UpsertOutcome[]> {
    if (this.refuseNextBatch) {
      this.refuseNextBatch = false;
      throw new IndexError('database is locked (SQLITE_BUSY)', { reason: 'sqlite-busy', retryable: true });
    }
    const failing = mentions.filter((m) => this.failTitles.has(m.title));
    const outcomes = new Map((await this.inner.upsert(mentions.filter((m) => !this.failTitles.has(m.title)))).map((o) => [o.id, o]));
    for (const m of failing) outcomes.set(m.id, { id: m.id, outcome: 'failed', reason: 'injected fault', retryable: this.failTitles.get(m.title)! });
    return mentions.map((m) => outcomes.get(m.id)!);
  }
}

function feed(titles: string[]): string {
  const items = titles
    .map((title, i) => (title === 'BROKEN'
      ? '<item><title>No link, no guid: cannot be identified</title><pubDate>garbage</pubDate></item>'
      : `<item><title>${title}</title><link>https://guarantees.example/${i}-${title.replace(/\W+/g, '-')}</link><pubDate>Tue, 24 Nov 2026 0${i % 10}:00:00 GMT</pubDate><description>${title} — Acme news body.</description></item>`))
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Guarantees</title>${items}</channel></rss>`;
}

describe('pollSource guarantees (docs/architecture.md)', () => {
  let server: LoopbackServer;
  let dir: string;
  let titles: string[];
  let version = 0;
  const conditional: (string | undefined)[] = [];
  let index: MentionIndex;
  let faulty: FaultyIndex;
  let state: SqliteStateStore;
  let fetcher: HttpFetcher;
  let source: SourceRuntime;
  let mirror: SourceRuntime;
  let deps: PollDeps;

  beforeAll(async () => {
    server = await startLoopbackServer((req, res) => {
      const etag = `"v${version}"`;
      conditional.push(req.headers['if-none-match'] as string | undefined);
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        return void res.end();
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag });
      res.end(feed(titles));
    });
  });
  afterAll(async () => server.close());

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-guarantees-'));
    titles = ['Acme one', 'Acme two', 'Acme three'];
    version = 1;
    conditional.length = 0;
    const path = join(dir, 'index.db');
    const config = configSchema.parse({
      // `mirror` publishes the very same items (same URLs) under another feed address.
      sources: [{ id: 'guarantees', type: 'rss', url: server.url('/feed.xml') }, { id: 'mirror', type: 'rss', url: server.url('/mirror.xml') }],
      index: { sqlite: { path } },
      fetch: { allow: [{ host: '127.0.0.1' }], perHost: { concurrency: 2, minDelay: 0 } },
    });
    index = await openIndex(config.index, { logger });
    faulty = new FaultyIndex(index);
    state = new SqliteStateStore(path);
    fetcher = createHttpFetcher(config.fetch, { logger });
    source = runtimeOf(config.sources[0]!);
    mirror = runtimeOf(config.sources[1]!);
    deps = {
      state,
      index: new Proxy(index, { get: (target, key) => (key === 'upsert' ? faulty.upsert.bind(faulty) : Reflect.get(target, key)) }),
      builder: { enricher: createInProcessBatchEnricher(createEnricher(watchlistSchema.parse({ brands: [{ id: 'acme', name: 'Acme' }] }))), stories: createInProcessStoryMemory(), reachOf: () => 1 },
      fetchContext: { fetcher, now: () => now },
      logger,
      now: () => now,
    };
  });

  afterEach(async () => {
    await fetcher.close();
    await state.close();
    await index.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const total = async (): Promise<number> => (await index.search({ query: null, sort: 'date', limit: 100 })).total;

  it('a batch the index refuses commits nothing: old cursor, no seen ids, everything indexed on the next poll', async () => {
    faulty.refuseNextBatch = true;
    const failed = await pollSource(source, deps);
    expect(failed.outcome).toBe('error');
    expect(failed.error).toMatch(/sqlite-busy/);
    expect((await state.get('guarantees')).cursor.etag).toBeUndefined();
    expect(await total()).toBe(0);

    const next = await pollSource(source, deps);
    expect(conditional.at(-1)).toBeUndefined(); // not a conditional GET: the old cursor had no ETag
    expect(next).toMatchObject({ outcome: 'ok', fresh: 3, indexed: 3 });
    expect((await state.get('guarantees')).cursor.etag).toBe('"v1"');
  });

  it('a retryable item failure keeps the old cursor and leaves that item unseen; the next poll indexes it', async () => {
    faulty.failTitles.set('Acme two', true);
    const first = await pollSource(source, deps);
    expect(first).toMatchObject({ outcome: 'ok', indexed: 2, failed: 1 });
    expect(first.problems.map((p) => p.reason)).toContain('index-failed');
    expect((await state.get('guarantees')).cursor.etag).toBeUndefined();

    faulty.failTitles.clear();
    const second = await pollSource(source, deps);
    expect(conditional.at(-1)).toBeUndefined();
    // The two already delivered are skipped before enrichment; only the failed one goes again.
    expect(second).toMatchObject({ outcome: 'ok', fetched: 3, fresh: 1, indexed: 1 });
    expect(await total()).toBe(3);
    expect((await state.get('guarantees')).cursor.etag).toBe('"v1"');
  });

  it('a permanent item failure does not hold the cursor back (it would fail again every poll)', async () => {
    faulty.failTitles.set('Acme three', false);
    const first = await pollSource(source, deps);
    expect(first).toMatchObject({ indexed: 2, failed: 1 });
    expect((await state.get('guarantees')).cursor.etag).toBe('"v1"');
  });

  it('one bad item never sinks its feed: the others are indexed and the bad one is reported', async () => {
    titles = ['Acme one', 'BROKEN', 'Acme three'];
    const report = await pollSource(source, deps);
    expect(report).toMatchObject({ outcome: 'ok', fetched: 3, fresh: 2, indexed: 2 });
    expect(report.problems).toEqual([expect.objectContaining({ index: 1, reason: 'missing-link-and-guid', outcome: 'dropped' })]);
  });

  it('names exactly the mentions it newly indexed, and none on a re-read', async () => {
    const first = await pollSource(source, deps);
    const ids = (await index.search({ query: null, sort: 'date', limit: 100 })).hits.map((hit) => hit.mention.id);
    expect([...first.indexedIds].sort()).toEqual([...ids].sort());
    version = 2; // a new ETag, same items: fetched again, all already delivered
    titles = [...titles, 'Acme four'];
    const second = await pollSource(source, deps);
    expect(second.indexedIds).toHaveLength(1);
    expect((await index.get(second.indexedIds[0]!))?.title).toBe('Acme four');
    const third = await pollSource(source, deps);
    expect(third.outcome).toBe('not-modified');
    expect(third.indexedIds).toEqual([]);
  });

  it('counts a mention two sources publish (same URL) once as new in the run totals', async () => {
    const counter = new RunCounter();
    const first = await pollSource(source, deps);
    counter.record(first);
    const second = await pollSource(mirror, deps);
    counter.record(second);
    expect(first).toMatchObject({ outcome: 'ok', indexed: 3, created: 3 });
    // The mirror's copies replace the stored mentions (same ids): written, but not new.
    expect(second).toMatchObject({ outcome: 'ok', indexed: 3, created: 0 });
    expect(await total()).toBe(3);
    expect(counter.totals).toMatchObject({ indexed: 3, updated: 3 });
    expect(describeTotals(counter.totals, 2)).toMatch(/: 6 items fetched, 3 new mentions indexed, 3 updated, 0 unchanged/);
  });
});
