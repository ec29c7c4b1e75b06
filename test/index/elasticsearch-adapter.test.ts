import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexError } from '../../src/core/errors.js';
import { openElasticsearchIndex, type ElasticsearchMentionIndex, type EsIndexOptions } from '../../src/index/elasticsearch/elasticsearch-index.js';
import { MAPPINGS, templateBody } from '../../src/index/elasticsearch/es-schema.js';
import { parseQuery } from '../../src/index/query/parse.js';
import { silentLogger } from '../../src/platform/logger.js';
import { corpus, idOf, mention } from '../contract/fixtures.js';
import { FakeElasticsearch } from './fake-elasticsearch.js';

const ALIAS = 'test-mentions';
let fake: FakeElasticsearch;
let index: ElasticsearchMentionIndex | undefined;

async function open(options: Partial<EsIndexOptions> = {}): Promise<ElasticsearchMentionIndex> {
  index = await openElasticsearchIndex(
    { url: fake.url, indexPrefix: 'test', bulk: { baseDelayMs: 5, maxDelayMs: 40 }, ...options },
    silentLogger(),
  );
  return index;
}

beforeEach(async () => {
  fake = new FakeElasticsearch();
  await fake.start();
});

afterEach(async () => {
  await index?.close();
  index = undefined;
  await fake.stop();
});

describe('Elasticsearch adapter against an Elasticsearch-speaking server', () => {
  it('installs a strict template and a versioned index behind the alias', async () => {
    await open();
    const template = fake.templates.get('test-mentions') as { index_patterns: string[]; template: { mappings: { dynamic: string } } };
    expect(template.index_patterns).toEqual(['test-mentions-v*']);
    expect(template.template.mappings.dynamic).toBe('strict');
    expect([...(fake.aliases.get(ALIAS) ?? [])]).toEqual(['test-mentions-v3']);
    await index?.close();
    await open(); // a second open finds the alias and creates nothing
    expect([...fake.indices.keys()]).toEqual(['test-mentions-v3']);
  });

  it('upserts idempotently: create for new ids, index for changed ones, nothing for unchanged', async () => {
    const es = await open();
    expect((await es.upsert(corpus())).map((o) => o.outcome)).toEqual(corpus().map(() => 'indexed'));
    expect((await es.upsert(corpus())).map((o) => o.outcome)).toEqual(corpus().map(() => 'unchanged'));
    const changed = corpus().map((m, i) => (i === 0 ? { ...m, sentiment: { score: -0.2, label: 'negative' as const } } : m));
    expect((await es.upsert(changed)).filter((o) => o.outcome === 'indexed')).toEqual([{ id: idOf('rachat'), outcome: 'indexed', created: false }]);
    const bulks = fake.bulkRequests();
    expect(bulks).toHaveLength(2);
    expect(bulks[0]?.body).toContain('{"create":{"_id"');
    expect(bulks[1]?.body.split('\n')[0]).toBe(`{"index":{"_id":"${idOf('rachat')}"}}`);
    expect(bulks[1]?.path).toContain('refresh=wait_for');
    expect((await es.get(idOf('rachat')))?.sentiment.label).toBe('negative');
    expect(await es.get(idOf('missing'))).toBeNull();
  });

  it('reads every bulk item: retries 429/503 items, sets 400s aside with their reason', async () => {
    const es = await open();
    const items = corpus();
    fake.bulkFaults.push({
      kind: 'items',
      items: {
        [idOf('rachat')]: { status: 400, type: 'mapper_parsing_exception', reason: 'failed to parse field [reach]' },
        [idOf('outage')]: { status: 429, type: 'es_rejected_execution_exception', reason: 'queue full' },
        [idOf('tweet')]: { status: 503, type: 'unavailable_shards_exception', reason: 'primary not active' },
      },
    });
    const outcomes = await es.upsert(items);
    expect(outcomes[0]).toEqual({ id: idOf('rachat'), outcome: 'failed', reason: 'mapper_parsing_exception: failed to parse field [reach]', retryable: false });
    expect(outcomes.slice(1).map((o) => o.outcome)).toEqual(['indexed', 'indexed', 'indexed', 'indexed', 'indexed']);
    const bulks = fake.bulkRequests();
    expect(bulks).toHaveLength(2);
    // Only the 429 and 503 items were sent again; the 400 never was.
    expect(bulks[1]?.body.split('\n').filter(Boolean)).toHaveLength(4);
    expect(bulks[1]?.body).not.toContain(idOf('rachat'));
  });

  it('retries a whole-request 429 or 503 with backoff, and gives up with retryable outcomes', async () => {
    const es = await open({ bulk: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 3 } });
    fake.bulkFaults.push({ kind: 'status', status: 429 }, { kind: 'status', status: 503 });
    expect((await es.upsert([mention('a'), mention('b')])).map((o) => o.outcome)).toEqual(['indexed', 'indexed']);
    expect(fake.bulkRequests()).toHaveLength(3);
    fake.bulkFaults.push({ kind: 'status', status: 503 }, { kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    expect(await es.upsert([mention('c')])).toEqual([{ id: idOf('c'), outcome: 'failed', reason: 'cluster busy (HTTP 503)', retryable: true }]);
  });

  it('bounds requests by count and bytes, and splits a batch the cluster finds too large', async () => {
    const es = await open({ bulk: { baseDelayMs: 5, maxCount: 4, maxBytes: 1_000_000 } });
    const many = Array.from({ length: 10 }, (_, i) => mention(`m${i}`, { text: 'x'.repeat(2000) }));
    expect((await es.upsert(many)).every((o) => o.outcome === 'indexed')).toBe(true);
    expect(fake.bulkRequests().map((r) => r.body.split('\n').filter(Boolean).length / 2)).toEqual([4, 4, 2]);
    fake.requests.length = 0;
    fake.maxBodyBytes = 6_000;
    const more = Array.from({ length: 4 }, (_, i) => mention(`n${i}`, { text: 'y'.repeat(2000) }));
    expect((await es.upsert(more)).every((o) => o.outcome === 'indexed')).toBe(true);
    const sizes = fake.bulkRequests().map((r) => r.bytes);
    expect(sizes[0]).toBeGreaterThan(6_000); // refused with 413, then split until each part fits
    expect(sizes.filter((bytes) => bytes <= 6_000)).toHaveLength(4);
    expect(fake.docs(ALIAS).size).toBe(14);
    fake.maxBodyBytes = 1_000;
    expect(await es.upsert([mention('huge', { text: 'z'.repeat(3000) })])).toEqual([
      { id: idOf('huge'), outcome: 'failed', reason: 'too large for the cluster (HTTP 413)', retryable: false },
    ]);
  });

  it('replays a request whose answer was cut, without duplicates (create + deterministic id)', async () => {
    const es = await open();
    fake.bulkFaults.push({ kind: 'reset' });
    expect((await es.upsert(corpus())).map((o) => o.outcome)).toEqual(corpus().map(() => 'indexed'));
    const bulks = fake.bulkRequests();
    expect(bulks).toHaveLength(2);
    expect(bulks[1]?.body).toBe(bulks[0]?.body);
    expect(fake.docs(ALIAS).size).toBe(corpus().length);
  });

  it('replays after a slow answer times out', async () => {
    // undici checks timeouts on a coarse clock (about a second), hence the generous margins.
    const es = await open({ requestTimeoutMs: 300 });
    fake.bulkFaults.push({ kind: 'slow', ms: 3_000 });
    expect(await es.upsert([mention('slow')])).toEqual([{ id: idOf('slow'), outcome: 'indexed', created: true }]);
    expect(fake.bulkRequests()).toHaveLength(2);
  });

  it('pauses writing during a flood-stage block, then resumes; gives up after the bound', async () => {
    const es = await open({ bulk: { baseDelayMs: 20, maxDelayMs: 100, floodWaitMs: 5_000 } });
    fake.bulkFaults.push({ kind: 'flood' }, { kind: 'flood' }, { kind: 'flood' });
    const started = Date.now();
    expect((await es.upsert([mention('f1'), mention('f2')])).map((o) => o.outcome)).toEqual(['indexed', 'indexed']);
    expect(fake.bulkRequests()).toHaveLength(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(30); // waited between attempts: no hot loop
    await es.close();
    const strict = await open({ bulk: { baseDelayMs: 20, maxDelayMs: 40, floodWaitMs: 250 } });
    fake.requests.length = 0;
    for (let i = 0; i < 100; i += 1) fake.bulkFaults.push({ kind: 'flood' });
    const error = await strict.upsert([mention('f3')]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IndexError);
    expect(error).toMatchObject({ reason: 'flood-stage', retryable: true });
    expect(fake.bulkRequests().length).toBeLessThan(20);
  });

  it('searches with a compiled query (never query_string) and reads hits, snippets and cursors', async () => {
    const es = await open();
    await es.upsert(corpus());
    const page = await es.search({ query: parseQuery('acme AND brand:acme'), sort: 'date', limit: 2, from: new Date('2026-01-01T00:00:00Z') });
    const body = JSON.parse(fake.requests.filter((r) => r.path.endsWith('/_search')).pop()?.body ?? '{}') as Record<string, unknown>;
    expect(JSON.stringify(body)).not.toContain('query_string');
    expect(body.sort).toEqual([{ published_at: 'desc' }, { id: 'desc' }]);
    expect(body.track_total_hits).toBe(10_000);
    expect(page.hits.map((h) => h.mention.id)).toEqual([idOf('tweet'), idOf('outage')]);
    expect(page.hits[0]?.snippets?.[0]).toContain('\u0002acme\u0003 cloud is down');
    expect(page.nextCursor).not.toBeNull();
    await es.search({ query: parseQuery('acme'), sort: 'date', limit: 2, cursor: page.nextCursor ?? '' });
    const next = JSON.parse(fake.requests.filter((r) => r.path.endsWith('/_search')).pop()?.body ?? '{}') as { search_after: unknown[] };
    expect(next.search_after).toEqual([Date.parse('2026-03-02T23:30:00.000Z'), idOf('outage')]);
    expect(await es.deleteOlderThan(new Date('2026-03-01T00:00:00Z'))).toBe(1);
  });

  it('keeps writing to an index of the previous schema: its mapping gains the new fields', async () => {
    // An index created from schema 1's template: no `domains` or `tags`, dynamic: strict.
    const current = templateBody('test');
    const { domains: _domains, tags: _tags, ...v1Properties } = MAPPINGS.properties;
    fake.indices.set('test-mentions-v1', new Map());
    fake.indexTemplates.set('test-mentions-v1', { template: { ...current.template, mappings: { ...MAPPINGS, properties: v1Properties } } });
    fake.aliases.set(ALIAS, new Set(['test-mentions-v1']));
    const es = await open();
    expect((await es.upsert(corpus())).map((o) => o.outcome)).toEqual(corpus().map(() => 'indexed'));
    expect([...fake.indices.keys()]).toEqual(['test-mentions-v1']); // nothing created: migrate does that
    const page = await es.search({ query: parseQuery('acme'), sort: 'date', limit: 10 });
    expect(page.hits).toHaveLength(4);
  });

  it('fails with a retryable IndexError when the cluster is unreachable', async () => {
    await fake.stop();
    const error = await open().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IndexError);
    expect(error).toMatchObject({ retryable: true });
    fake = new FakeElasticsearch();
    await fake.start();
  });
});
