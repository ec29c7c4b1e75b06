import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planSearch, searchMentions } from '../../src/app/search-service.js';
import type { SortOrder } from '../../src/index/mention-index.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { corpus as contractCorpus, mention } from '../contract/fixtures.js';
import { jsonLines, runCli } from '../support/run-cli.js';

const WATCHLIST = {
  brands: [
    { id: 'acme', name: 'Acme Cloud', aliases: ['Acme'] },
    { id: 'globex', name: 'Globex', role: 'competitor' },
  ],
  people: [{ id: 'claire-dubois', name: 'Claire Dubois', organisation: 'acme' }],
};

const ARTICLES = [
  { url: 'https://www.lemonde.fr/eco/acme-nimbus.html', title: 'Acme Cloud rachète Nimbus', text: "Acme Cloud a confirmé l'acquisition de Nimbus, une excellente nouvelle selon Claire Dubois.", publishedAt: '2026-03-04T08:00:00Z', source: 'Le Monde' },
  { link: 'https://blog.example.com/globex', headline: 'Globex beats Acme', body: 'Globex reported strong growth while Acme Cloud struggled with a terrible outage.', published: '2026-03-04T12:00:00Z', lang: 'en' },
];

/** The contract corpus, and an article two sources delivered (as another install exports it). */
const DELIVERED_TWICE = {
  ...mention('delivered-twice', { publishedAt: '2026-03-05T08:00:00.000Z', title: 'Acme Cloud signs with Initech' }),
  sources: [{ id: 'le-monde', name: 'Le Monde' }, { id: 'news-search', name: 'News Search' }],
};
const corpus = (): ReturnType<typeof contractCorpus> => [...contractCorpus(), DELIVERED_TWICE];

/** Export from one index, import into a fresh one (real SQLite files, the real command): same search results. */
describe('hubwatch export → import round trip', () => {
  let dir: string;
  const configFor = (name: string): string => {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify({ index: { sqlite: { path: join(dir, name, 'index.db') } }, watchlist: WATCHLIST }));
    return file;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-round-trip-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exports what import reads back, and the fresh index answers every search the same', { timeout: 240_000 }, async () => {
    const first = configFor('first');
    const input = join(dir, 'input.ndjson');
    writeFileSync(input, [...corpus(), ...ARTICLES].map((line) => JSON.stringify(line)).join('\n'));
    const imported = await runCli(['--config', first, 'import', input, '--json']);
    expect(JSON.parse(imported.stdout)).toMatchObject({ indexed: corpus().length + 2, rejected: 0, articles: 2 });

    const file = join(dir, 'export.ndjson');
    const exported = await runCli(['--config', first, 'export', '--out', file]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(`${corpus().length + 2} mentions written to ${file}\n`);
    // Not a terminal: no progress on stderr.
    expect(exported.stderr).toBe('');
    expect(existsSync(`${file}.partial`)).toBe(false);
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(corpus().length + 2);

    const selected = await runCli(['--config', first, 'export', 'brand:acme', '--from', '2026-03-01', '--to', '2026-03-03', '--format', 'ndjson']);
    expect(selected.code).toBe(0);
    expect(selected.stderr).toBe('');
    const acme = jsonLines<{ publishedAt: string; entities: { id: string }[] }>(selected.stdout);
    expect(acme.length).toBe(3);
    expect(acme.every((m) => m.entities.some((e) => e.id === 'acme') && m.publishedAt < '2026-03-03')).toBe(true);

    const second = configFor('second');
    const reimported = await runCli(['--config', second, 'import', file, '--json']);
    expect(reimported.code).toBe(0);
    expect(JSON.parse(reimported.stdout)).toMatchObject({ indexed: corpus().length + 2, unchanged: 0, rejected: 0, articles: 0 });

    const indexes = await Promise.all(['first', 'second'].map((name) => openIndex({ sqlite: { path: join(dir, name, 'index.db') } }, { logger: silentLogger() })));
    try {
      const queries = ['', 'acme', 'brand:acme', 'person:claire-dubois', '"Acme Cloud" OR brand:globex', 'sentiment:negative', 'source:le-monde', 'source:news-search', 'lang:en AND outage'];
      for (const query of queries) {
        for (const sort of ['date', 'relevance'] as SortOrder[]) {
          const [a, b] = await Promise.all(indexes.map((index) => searchMentions(index, planSearch({ query, sort, limit: 50 }))));
          expect(b!.total, `${query} by ${sort}`).toBe(a!.total);
          expect(b!.hits, `${query} by ${sort}`).toEqual(a!.hits);
        }
      }
      // Both sources of the article came through the export and the import.
      const viaSearch = await searchMentions(indexes[1]!, planSearch({ query: 'source:news-search', sort: 'date', limit: 10 }));
      expect(viaSearch.hits.map((hit) => [hit.source, hit.sources])).toEqual([['le-monde', DELIVERED_TWICE.sources]]);
      const tagged = await searchMentions(indexes[1]!, planSearch({ query: 'brand:globex AND lang:en', sort: 'date', limit: 10 }));
      expect(tagged.hits.map((hit) => hit.url)).toContain('https://blog.example.com/globex');
    } finally {
      await Promise.all(indexes.map((index) => index.close()));
    }

    const bad = await runCli(['--config', first, 'export', 'acme)']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unexpected ')' at 5");
  });
});
