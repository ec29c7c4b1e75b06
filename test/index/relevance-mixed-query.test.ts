import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MentionIndex } from '../../src/index/mention-index.js';
import { openIndex } from '../../src/index/open-index.js';
import { parseQuery } from '../../src/index/query/parse.js';
import { silentLogger } from '../../src/platform/logger.js';
import { mention, person } from '../contract/fixtures.js';
import { FakeElasticsearch } from './fake-elasticsearch.js';

/** The adapters, the Elasticsearch one on the loopback server whose query oracle scores like BM25. */
const ADAPTERS: [string, () => Promise<{ index: MentionIndex; stop(): Promise<void> }>][] = [
  ['sqlite', async () => ({ index: await openIndex({ sqlite: { path: ':memory:' } }, { logger: silentLogger() }), stop: async () => {} })],
  ['elasticsearch', async () => {
    const fake = new FakeElasticsearch();
    const url = await fake.start();
    const index = await openIndex({ sqlite: { path: ':memory:' }, elasticsearch: { url, indexPrefix: 'relevance' } }, { logger: silentLogger() });
    return { index, stop: () => fake.stop() };
  }],
];

/** `--sort relevance` on a query that mixes text with field filters ranks by its text part, in both adapters. */
describe.each(ADAPTERS)('relevance on a query mixing text and fields (%s)', (_name, open) => {
  let index: MentionIndex;
  let stop: () => Promise<void>;
  beforeEach(async () => {
    ({ index, stop } = await open());
    const claire = person('claire-dubois', 'Claire Dubois');
    await index.upsert([
      mention('tagged-only', { title: 'Board meeting', text: 'The chief executive spoke to the board.', entities: [claire], publishedAt: '2026-03-05T08:00:00.000Z' }),
      mention('named-once', { title: 'Results', text: 'Claire Dubois presented the results to analysts and the press.', publishedAt: '2026-03-03T08:00:00.000Z' }),
      mention('named-in-title', { title: 'Claire Dubois on the plan', text: 'Claire Dubois, the chief executive, said Claire Dubois would stay.', publishedAt: '2026-03-01T08:00:00.000Z' }),
      mention('unrelated', { title: 'Weather', text: 'Rain all week.', publishedAt: '2026-03-06T08:00:00.000Z' }),
    ]);
  });
  afterEach(async () => {
    await index.close();
    await stop();
  });

  it('puts the mentions that match the text first, the best first, then those matched by field only', async () => {
    const query = parseQuery('"Claire Dubois" OR person:claire-dubois');
    const byRelevance = await index.search({ query, sort: 'relevance', limit: 10 });
    expect(byRelevance.hits.map((h) => h.mention.title)).toEqual(['Claire Dubois on the plan', 'Results', 'Board meeting']);
    expect(byRelevance.hits[0]!.score).toBeGreaterThan(byRelevance.hits[1]!.score!);
    // Matched by its field alone: last, with no more score than the field gives it.
    expect(byRelevance.hits[1]!.score).toBeGreaterThan(byRelevance.hits[2]!.score!);
    const byDate = await index.search({ query, sort: 'date', limit: 10 });
    expect(byDate.hits.map((h) => h.mention.title)).toEqual(['Board meeting', 'Results', 'Claire Dubois on the plan']);
  });

  it('pages by relevance without repeating or skipping', async () => {
    const query = parseQuery('"Claire Dubois" OR person:claire-dubois');
    const first = await index.search({ query, sort: 'relevance', limit: 2 });
    const second = await index.search({ query, sort: 'relevance', limit: 2, cursor: first.nextCursor! });
    expect([...first.hits, ...second.hits].map((h) => h.mention.title)).toEqual(['Claire Dubois on the plan', 'Results', 'Board meeting']);
    expect(second.nextCursor).toBeNull();
  });
});
