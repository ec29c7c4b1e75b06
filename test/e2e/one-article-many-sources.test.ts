import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planSearch, searchMentions } from '../../src/app/search-service.js';
import { configSchema, type HubwatchConfig } from '../../src/config/schema.js';
import type { Mention } from '../../src/core/mention.js';
import { articleIdOf } from '../../src/core/mention-id.js';
import type { MentionIndex } from '../../src/index/mention-index.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { createEmbeddedPipeline } from '../../src/roles/embedded-pipeline.js';
import { startLoopbackServer, type LoopbackServer } from '../connectors/support/loopback-server.js';

const logger = silentLogger();
const now = new Date('2026-11-27T12:00:00Z');
const fixture = (path: string): string => readFileSync(new URL(`../../src/connectors/${path}`, import.meta.url), 'utf8');
const ARTICLE = 'https://blog.example/acme-api';

// The article itself, as its outlet's feed publishes it.
const OUTLET_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Blog Example</title><link>https://blog.example/</link>
<item><title>Acme opens its rail API</title><link>${ARTICLE}</link><pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate>
<description>Timetables and live positions, free for non-commercial use. Developers can register from today and the first thousand keys are free for a year, the company said in a statement on Thursday morning.</description></item></channel></rss>`;

async function all(index: MentionIndex): Promise<Mention[]> {
  return (await index.search({ query: null, sort: 'date', limit: 100 })).hits.map((hit) => hit.mention);
}

/**
 * Polls loopback sources answering as the real APIs do: Hacker News submissions of the article
 * (under different #fragments and tracking tags) polled before the outlet's feed, the outlet's feed,
 * and a Bing News search that finds the same article through its redirect link; then, after a
 * restart, Reddit and Mastodon posts with link cards to it. One article mention, delivered by two
 * sources; every share a mention of its own in the article's story, as an amplifier.
 */
describe('one article, every source that delivered it, and its shares in its story', () => {
  let server: LoopbackServer;
  let dir: string;
  let config: (extra: object[]) => HubwatchConfig;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-many-sources-'));
    server = await startLoopbackServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const send = (type: string, body: string): void => {
        res.writeHead(200, { 'content-type': type });
        res.end(body);
      };
      if (path === '/api/v1/search_by_date') return send('application/json', fixture('hackernews/fixtures/search-shares.json'));
      if (path === '/news/search') return send('application/rss+xml; charset=utf-8', fixture('news-search/fixtures/bing-news.xml'));
      if (path === '/r/trains/new.json') return send('application/json', fixture('reddit/fixtures/link-posts.json'));
      if (path === '/api/v1/timelines/tag/rail') return send('application/json', fixture('mastodon/fixtures/card-timeline.json'));
      return send('application/rss+xml', OUTLET_FEED);
    });
    config = (extra) =>
      configSchema.parse({
        sources: [
          { id: 'hn', type: 'hackernews', options: { query: 'acme', baseUrl: server.origin } },
          { id: 'outlet', name: 'Blog Example', type: 'rss', url: server.url('/feed.xml'), tier: 2 },
          { id: 'bing', name: 'Bing News', type: 'news-search', options: { query: 'Acme Rail', engine: 'bing-news', baseUrl: server.origin } },
          ...extra,
        ],
        // One source at a time, in order: the shares are indexed before the article they share.
        concurrency: 1,
        index: { sqlite: { path: join(dir, 'index.db') } },
        fetch: { allow: [{ host: '127.0.0.1', ports: [server.port] }], perHost: { concurrency: 2, minDelay: 0 } },
      });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the article once with both sources, and its shares in its story as amplifiers, across a restart', { timeout: 120_000 }, async () => {
    const articleId = articleIdOf(ARTICLE)!;
    const first = config([]);
    const index = await openIndex(first.index, { logger });
    try {
      const pipeline = await createEmbeddedPipeline(first, { index, logger, clock: () => now });
      try {
        const reports = await pipeline.driver.runOnce();
        // The search's copy of the article is written (its source added), not counted as a new mention.
        expect(reports.map((r) => [r.sourceId, r.outcome, r.indexed, r.created])).toEqual([['hn', 'ok', 5, 5], ['outlet', 'ok', 1, 1], ['bing', 'ok', 2, 1]]);
      } finally {
        await pipeline.close();
      }
      const mentions = await all(index);
      const article = mentions.filter((m) => m.canonicalUrl === ARTICLE);
      expect(article).toHaveLength(1);
      expect(article[0]).toMatchObject({ id: articleId, sourceId: 'outlet', storyId: articleId, sources: [{ id: 'outlet', name: 'Blog Example' }, { id: 'bing', name: 'Bing News' }] });
      // The outlet's whole text stays: the search's snippet came second.
      expect(article[0]!.text).toMatch(/first thousand keys/);
      // Four submissions of the article (under different #fragments and tags), and a comment.
      const hn = mentions.filter((m) => m.sourceId === 'hn' && m.sharedUrl !== undefined);
      expect(hn).toHaveLength(4);
      expect(hn.every((m) => m.storyId === articleId)).toBe(true);
      // The comment and the other Bing result are mentions of their own, in their own stories.
      expect(mentions).toHaveLength(7);

      // Found by either source, shown with both; the shares marked as amplifiers.
      for (const query of ['source:outlet AND api', 'source:bing AND api', 'source:"bing news" AND api']) {
        const found = await searchMentions(index, planSearch({ query, sort: 'date', limit: 10 }));
        expect(found.hits.map((hit) => hit.id), query).toEqual([articleId]);
        expect(found.hits[0]).toMatchObject({ source: 'outlet', sources: [{ id: 'outlet' }, { id: 'bing' }], storyRole: 'origin' });
      }
      const fromHn = await searchMentions(index, planSearch({ query: 'source:hn', sort: 'date', limit: 10 }));
      expect(fromHn.hits.filter((hit) => hit.sharedUrl).map((hit) => [hit.storyId, hit.storyRole])).toEqual(hn.map(() => [articleId, 'amplifier']));
      expect(fromHn.hits.filter((hit) => !hit.sharedUrl).map((hit) => hit.storyRole)).toEqual(['origin']);
      const [story] = await index.topStories({ query: null, size: 1 });
      expect(story).toMatchObject({ storyId: articleId, count: 5, amplifiers: 4, origin: { id: articleId } });
      // Per source, the article counts under both; the total counts it once.
      expect(await index.topTerms({ query: null, dimension: 'source', size: 10 })).toEqual([
        { key: 'hn', count: 5 },
        { key: 'bing', count: 2 },
        { key: 'outlet', count: 1 },
      ]);

      // Restarted (the story memory rebuilt from the index), with two more sources sharing the article.
      const second = config([
        { id: 'reddit', type: 'reddit', options: { subreddit: 'trains', baseUrl: server.origin } },
        { id: 'toots', type: 'mastodon', options: { instance: server.origin, hashtag: 'rail' } },
      ]);
      const again = await createEmbeddedPipeline(second, { index, logger, clock: () => new Date(now.getTime() + 3_600_000) });
      try {
        await again.driver.runOnce();
      } finally {
        await again.close();
      }
      const later = await all(index);
      const linkCards = later.filter((m) => (m.sourceId === 'reddit' || m.sourceId === 'toots') && m.sharedUrl?.startsWith(ARTICLE));
      expect(linkCards.map((m) => m.sourceId).sort()).toEqual(['reddit', 'toots']);
      expect(linkCards.every((m) => m.storyId === articleId)).toBe(true);
      // Nothing polled twice changed: the earlier mentions and their stories are as they were.
      for (const m of mentions) expect(later.find((n) => n.id === m.id), m.id).toEqual(m);
      const [grown] = await index.topStories({ query: null, size: 1 });
      expect(grown).toMatchObject({ storyId: articleId, count: 7, amplifiers: 6, origin: { id: articleId } });
    } finally {
      await index.close();
    }
  });
});
