import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { SAMPLE_TIMELINE_PATH, buildSampleFeeds, buildSampleItems } from '../../src/samples/sample-feeds.js';
import { OFFICIAL_ACCOUNT_ID } from '../../src/samples/sample-outlets.js';

const FILE = fileURLToPath(new URL('../../config/hubwatch.yaml', import.meta.url));
const config = parseConfig(readFileSync(FILE, 'utf8'), FILE, { env: {} });
const NOW = new Date('2026-11-27T12:00:00Z');

/** Case- and accent-insensitive, as a reader (and the matcher) sees names. */
const fold = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const plain = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ');

describe('config/hubwatch.yaml (the default `npm start` runs)', () => {
  it('serves the samples on the one loopback port fetching is allowed to reach', () => {
    expect(config.samples).toEqual({ serve: true, port: 4719 });
    expect(config.fetch.allow).toEqual([{ host: '127.0.0.1', ports: [4719] }]);
    expect(config.index.sqlite.path).toBe('data/hubwatch.db');
  });

  it('points every source at a path the sample server publishes', () => {
    const paths = new Set(buildSampleFeeds(NOW).keys());
    expect(config.sources.length).toBe(paths.size);
    for (const source of config.sources) {
      expect(source.channel, source.id).toBeDefined();
      expect(source.tier, source.id).toBeDefined();
      if (source.type === 'mastodon') {
        if (source.options.hashtag !== undefined) {
          expect(source.options).toEqual({ instance: 'http://127.0.0.1:4719', hashtag: 'acme' });
          expect(paths.has(SAMPLE_TIMELINE_PATH)).toBe(true);
        } else {
          expect(source.options).toEqual({ instance: 'http://127.0.0.1:4719', account: 'AcmeRail' });
          expect(paths.has(`/api/v1/accounts/${OFFICIAL_ACCOUNT_ID}/statuses`)).toBe(true);
        }
        continue;
      }
      const url = new URL(source.url ?? '');
      expect(`${url.hostname}:${url.port}`, source.id).toBe('127.0.0.1:4719');
      expect(paths.has(url.pathname), `${source.id}: ${url.pathname}`).toBe(true);
      expect(['rss', 'jsonfeed']).toContain(source.type);
    }
  });

  it('references only watchlist ids that exist', () => {
    const { brands, people } = config.watchlist;
    const brandIds = new Set(brands.map((brand) => brand.id));
    for (const brand of brands) for (const id of brand.competitors) expect(brandIds.has(id), `${brand.id} -> ${id}`).toBe(true);
    for (const person of people) expect(brandIds.has(person.organisation ?? ''), person.id).toBe(true);
    expect(brands.filter((brand) => brand.role === 'own').map((brand) => brand.id)).toEqual(['acme']);
  });

  it('labels every sample with watchlist ids whose names really appear in its text', () => {
    const { brands, people, topics } = config.watchlist;
    const names = new Map<string, string[]>([
      ...brands.map((b) => [b.id, [b.name, ...b.aliases, ...b.products]] as [string, string[]]),
      ...people.map((p) => [p.id, [p.name, ...p.aliases]] as [string, string[]]),
      ...topics.map((t) => [t.id, t.terms] as [string, string[]]),
    ]);
    for (const item of buildSampleItems(NOW)) {
      // Statuses on the #acme timeline all carry the hashtag; the renderer appends it when the text lacks it.
      const body = `${item.title} ${plain(item.paragraphs.join(' '))}`;
      const text = fold(item.feed === 'mastodon-acme' && !body.includes('#acme') ? `${body} #acme` : body);
      for (const id of item.entities) {
        const variants = names.get(id);
        expect(variants, `${item.key}: unknown watchlist id "${id}"`).toBeDefined();
        expect(variants?.some((name) => text.includes(fold(name))), `${item.key}: labelled "${id}" but never names it`).toBe(true);
      }
      for (const [id, variants] of names) {
        if (item.trap && id === 'acme') continue;
        if (variants.some((name) => new RegExp(`(^|[^\\p{L}])${fold(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text))) {
          expect(item.entities, `${item.key}: names "${id}" but is not labelled with it`).toContain(id);
        }
      }
      // Each "acme" is excluded when an exclude term is in its sentence within 10 words (the
      // matcher's window): every one in a trap must be, and at least one in an Acme item must not.
      const exclude = brands.find((brand) => brand.id === 'acme')?.context.exclude ?? [];
      const verdicts: boolean[] = [];
      for (const sentence of text.split(/[.!?](?:\s|$)/)) {
        const words = sentence.split(/[^\p{L}\p{N}#]+/u).filter(Boolean);
        words.forEach((word, at) => {
          if (!/^#?acme$/.test(word)) return;
          const near = words.slice(Math.max(0, at - 10), at + 12).join(' ');
          verdicts.push(exclude.some((term) => near.includes(fold(term))));
        });
      }
      if (item.trap) {
        expect(item.entities, item.key).not.toContain('acme');
        expect(verdicts.length > 0 && verdicts.every(Boolean), `${item.key}: a trap's "acme" has no exclude term near it`).toBe(true);
      } else if (item.entities.includes('acme')) {
        expect(verdicts.some((excluded) => !excluded), `${item.key}: every "acme" has an exclude term near it`).toBe(true);
      }
    }
  });
});
