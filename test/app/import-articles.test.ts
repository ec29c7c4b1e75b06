import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMentions, type ImportOptions } from '../../src/app/import-service.js';
import { parseConfig } from '../../src/config/load-config.js';
import type { HubwatchConfig } from '../../src/config/schema.js';
import type { Mention } from '../../src/core/mention.js';
import type { MentionIndex } from '../../src/index/mention-index.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { createMentionBuilder, type MentionBuilder } from '../../src/roles/mention-builder.js';
import { corpus } from '../contract/fixtures.js';

const NOW = new Date('2026-03-05T12:00:00Z');

async function* linesOf(values: unknown[]): AsyncIterable<string> {
  for (const value of values) yield typeof value === 'string' ? value : JSON.stringify(value);
}

const ARTICLES: unknown[] = [
  {
    url: 'https://www.lemonde.fr/economie/article/2026/03/01/acme-rachat.html',
    title: 'Acme Cloud rachète Nimbus',
    text: "La société Acme Cloud a confirmé mardi l'acquisition de la jeune pousse Nimbus, une excellente nouvelle selon Claire Dubois, sa directrice générale.",
    publishedAt: '2026-03-01T08:00:00Z',
    source: 'le-monde',
  },
  {
    link: 'https://regional.example/eco/acme-nimbus',
    headline: 'Acme Cloud rachète la jeune pousse Nimbus',
    body: "La société Acme Cloud a confirmé mardi l'acquisition de la jeune pousse Nimbus, une excellente nouvelle selon Claire Dubois, sa directrice générale.",
    published: 'Sun, 01 Mar 2026 14:00:00 GMT',
    source: { name: 'Ouest Info' },
    author: [{ name: 'Élodie Martin' }],
  },
  {
    url: 'https://blog.example.com/acme-outage',
    title: 'Acme outage angers customers',
    html: '<p>The <b>Acme Cloud</b> outage was a disaster: customers are furious and angry.</p>',
    date: 1772445600,
    lang: 'en',
    byline: 'Sam Lee',
    channel: 'blog',
  },
  { url: 'https://x.example/undated', title: 'Acme without a date', text: 'Acme Cloud.' },
  { url: 'https://x.example/bad-date', title: 'Acme', text: 'Acme Cloud.', publishedAt: 'yesterday-ish' },
  { url: 'https://x.example/bad-channel', title: 'Acme', publishedAt: '2026-03-01', channel: 'tv' },
  { url: 'https://x.example/bad-title', title: { text: 'Acme' }, publishedAt: '2026-03-01' },
  { title: 'No link, no guid', publishedAt: '2026-03-01' },
];

describe('import of plain articles: the normalise and enrich stages of run', () => {
  let dir: string;
  let config: HubwatchConfig;
  let index: MentionIndex;
  const builders: MentionBuilder[] = [];

  const options = (): ImportOptions => ({
    articles: {
      sources: config.sources,
      now: () => NOW,
      builder: async () => {
        const builder = await createMentionBuilder(config, index, NOW);
        builders.push(builder);
        return builder;
      },
    },
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-import-articles-'));
    config = parseConfig(
      `
index: { sqlite: { path: ${JSON.stringify(join(dir, 'index.db'))} } }
sources:
  - { id: le-monde, type: rss, url: "https://www.lemonde.fr/rss/une.xml", name: Le Monde, tier: 1 }
watchlist:
  brands:
    - { id: acme, name: Acme Cloud, aliases: [Acme] }
  people:
    - { id: claire-dubois, name: Claire Dubois, organisation: acme }
`,
      'test.yaml',
      { env: {} },
    );
    index = await openIndex(config.index, { logger: silentLogger() });
  });

  afterAll(async () => {
    for (const builder of builders) await builder.close();
    await index.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tags articles like fetched items, names their sources, and rejects what cannot be dated or read', async () => {
    const summary = await importMentions(linesOf(ARTICLES), index, options());
    expect(summary.rejects).toEqual([
      { line: 4, reason: 'publishedAt: missing (a backfilled article needs its publication date)' },
      { line: 5, reason: expect.stringMatching(/^publishedAt: unreadable date "yesterday-ish"/) as unknown as string },
      { line: 6, reason: 'channel: must be one of news, blog, social, forum, video, podcast' },
      { line: 7, reason: 'title: must be a string' },
      { line: 8, reason: 'item has neither a usable http(s) link nor a GUID' },
    ]);
    expect(summary).toMatchObject({ lines: 8, indexed: 3, unchanged: 0, articles: 3 });

    const page = await index.search({ query: null, sort: 'date', limit: 10 });
    const byUrl = new Map<string | null, Mention>(page.hits.map((hit) => [hit.mention.url, hit.mention]));
    const lemonde = byUrl.get('https://www.lemonde.fr/economie/article/2026/03/01/acme-rachat.html')!;
    expect(lemonde).toMatchObject({ sourceId: 'le-monde', sourceName: 'Le Monde', channel: 'news', language: 'fr', reach: 6, publishedAt: '2026-03-01T08:00:00.000Z' });
    expect(lemonde.entities.map((e) => e.id).sort()).toEqual(['acme', 'claire-dubois']);
    expect(lemonde.sentiment.label).toBe('positive');
    expect(lemonde.signature).toMatch(/^s2[0-9a-f]+$/);

    const copy = byUrl.get('https://regional.example/eco/acme-nimbus')!;
    expect(copy).toMatchObject({ sourceId: 'ouest-info', sourceName: 'Ouest Info', author: 'Élodie Martin', reach: 3, publishedAt: '2026-03-01T14:00:00.000Z' });
    // The syndicated copy joins the first one's story, as in a poll.
    expect(copy.storyId).toBe(lemonde.storyId);

    const blog = byUrl.get('https://blog.example.com/acme-outage')!;
    expect(blog).toMatchObject({ sourceId: 'blog.example.com', sourceName: 'blog.example.com', channel: 'blog', language: 'en', author: 'Sam Lee' });
    expect(blog.publishedAt).toBe('2026-03-02T10:00:00.000Z');
    expect(blog.text).toBe('The Acme Cloud outage was a disaster: customers are furious and angry.');
    expect(blog.entities.map((e) => e.id)).toEqual(['acme']);
    expect(blog.sentiment.label).toBe('negative');
  });

  it('is idempotent, and reads full mentions and articles from one file', async () => {
    const again = await importMentions(linesOf([...ARTICLES.slice(0, 3), ...corpus()]), index, options());
    expect(again).toMatchObject({ indexed: corpus().length, unchanged: 3, rejected: 0, articles: 3 });
    const stored = await index.get(corpus()[0]!.id);
    expect(stored).toEqual(corpus()[0]);
  });

  it('needs no enricher for a file of full mentions', async () => {
    const before = builders.length;
    const summary = await importMentions(linesOf(corpus()), index, options());
    expect(summary).toMatchObject({ unchanged: corpus().length, articles: 0 });
    expect(builders.length).toBe(before);
  });
});
