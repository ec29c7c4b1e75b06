import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../src/core/dates.js';
import { htmlToText } from '../../src/core/html-to-text.js';
import { buildSampleSite } from '../../src/samples/sample-feeds.js';
import { SAMPLE_OUTLETS } from '../../src/samples/sample-outlets.js';

// The samples are written to exercise the pipeline's own readers: these checks hold them to it.
const NOW = new Date('2026-11-27T09:30:00Z');

describe('samples against the pipeline’s readers', () => {
  it('every odd-but-valid feed date reads back to the item’s instant with parseFeedDate', async () => {
    const site = buildSampleSite(NOW);
    const parser = new Parser();
    let checked = 0;
    for (const outlet of SAMPLE_OUTLETS.filter((o) => o.format === 'rss' || o.format === 'rss-content' || o.format === 'atom')) {
      const feed = await parser.parseString(site.feeds.get(outlet.path)?.body ?? '');
      for (const parsed of feed.items) {
        const item = site.items.find((candidate) => candidate.url === parsed.link);
        const raw = parsed.pubDate ?? null;
        const read = parseFeedDate(raw, { now: NOW });
        expect(read.problem, `${outlet.feed}: ${raw}`).toBeNull();
        expect(read.date?.getTime() ?? null, `${outlet.feed}: ${raw}`).toBe(item?.published?.getTime() ?? null);
        checked += 1;
      }
    }
    const jsonFeed = JSON.parse(site.feeds.get('/feeds/lettre-mobilite.json')?.body ?? '{}') as { items: { url: string; date_published?: string }[] };
    for (const entry of jsonFeed.items) {
      const item = site.items.find((candidate) => candidate.url === entry.url);
      expect(parseFeedDate(entry.date_published ?? null, { now: NOW }).date?.getTime(), entry.url).toBe(item?.published?.getTime());
    }
    expect(checked).toBe(site.items.filter((item) => item.feed !== 'lettre-mobilite' && item.feed !== 'mastodon-acme' && item.feed !== 'acme-official').length);
  });

  it('HTML bodies turn into clean text: entities decoded, no tags left', () => {
    for (const item of buildSampleSite(NOW).items) {
      const text = htmlToText(item.paragraphs.join('\n'));
      expect(text, item.key).not.toMatch(/<\/?[a-z]+[ >]|&[a-z]+;|&#\d+;/);
      expect(text.length, item.key).toBeGreaterThan(20);
    }
  });
});
