import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { UNDATED_KEY } from '../../src/samples/sample-catalogue.js';
import { SAMPLE_TIMELINE_PATH, buildSampleFeeds, buildSampleItems, buildSampleSite } from '../../src/samples/sample-feeds.js';
import { SAMPLE_OUTLETS } from '../../src/samples/sample-outlets.js';

const NOW = new Date('2026-11-27T15:42:10Z');
const DAY_START = Date.parse('2026-11-27T00:00:00Z');
const DAY = 86_400_000;

describe('buildSampleFeeds', () => {
  it('is deterministic within a UTC day and changes with the day', () => {
    const morning = buildSampleFeeds(new Date('2026-11-27T00:00:01Z'));
    const evening = buildSampleFeeds(new Date('2026-11-27T23:59:59Z'));
    expect([...evening.entries()]).toEqual([...morning.entries()]);
    const tomorrow = buildSampleFeeds(new Date('2026-11-28T08:00:00Z'));
    expect(tomorrow.get('/feeds/daily-courier.xml')?.body).not.toBe(morning.get('/feeds/daily-courier.xml')?.body);
  });

  it('keeps every URL and GUID from one day to the next while the dates slide with the day', () => {
    const today = buildSampleItems(NOW);
    const tomorrow = buildSampleItems(new Date(NOW.getTime() + DAY));
    expect(tomorrow.map((item) => [item.url, item.guid])).toEqual(today.map((item) => [item.url, item.guid]));
    today.forEach((item, index) => {
      if (item.published) expect(tomorrow[index]?.published?.getTime()).toBe(item.published.getTime() + DAY);
    });
  });

  it('publishes every outlet with its content type', () => {
    const feeds = buildSampleFeeds(NOW);
    expect([...feeds.keys()].sort()).toEqual(SAMPLE_OUTLETS.map((outlet) => outlet.path).sort());
    expect(feeds.get('/feeds/daily-courier.xml')?.contentType).toBe('application/rss+xml; charset=utf-8');
    expect(feeds.get('/feeds/commuter-notes.atom')?.contentType).toBe('application/atom+xml; charset=utf-8');
    expect(feeds.get('/feeds/lettre-mobilite.json')?.contentType).toBe('application/feed+json; charset=utf-8');
    expect(feeds.get(SAMPLE_TIMELINE_PATH)?.contentType).toBe('application/json; charset=utf-8');
  });

  it('yields a few hundred items in both languages with all three sentiments in each', () => {
    const items = buildSampleItems(NOW);
    expect(items.length).toBeGreaterThanOrEqual(300);
    expect(items.length).toBeLessThanOrEqual(400);
    for (const lang of ['en', 'fr'] as const) {
      for (const expected of ['positive', 'negative', 'neutral'] as const) {
        expect(items.filter((item) => item.lang === lang && item.expected === expected).length, `${lang} ${expected}`).toBeGreaterThanOrEqual(30);
      }
    }
    expect(new Set(items.map((item) => item.guid)).size).toBe(items.length);
    expect(new Set(items.map((item) => item.url)).size).toBe(items.length);
    expect(items.some((item) => item.entities.length === 0 && !item.trap)).toBe(true);
    expect(items.some((item) => item.entities.includes('globex') && !item.entities.includes('acme'))).toBe(true);
    expect(items.filter((item) => item.trap).length).toBeGreaterThanOrEqual(3);
  });

  it('dates items over the 30 days before the start of the day, with one undated item', () => {
    const items = buildSampleItems(NOW);
    const undated = items.filter((item) => item.published === null);
    expect(undated.map((item) => item.key)).toEqual([UNDATED_KEY]);
    for (const item of items) {
      if (!item.published) continue;
      expect(item.published.getTime(), item.key).toBeLessThan(DAY_START);
      expect(item.published.getTime(), item.key).toBeGreaterThan(DAY_START - 30 * DAY);
    }
    const newest = Math.max(...items.map((item) => item.published?.getTime() ?? 0));
    expect(DAY_START - newest).toBeLessThan(6 * 3_600_000);
  });

  it('republishes each wire story in 3 to 5 outlets with edits and distinct URLs', () => {
    const items = buildSampleItems(NOW);
    const stories = new Map<string, typeof items>();
    for (const item of items) if (item.storyKey) stories.set(item.storyKey, [...(stories.get(item.storyKey) ?? []), item]);
    expect(stories.size).toBeGreaterThanOrEqual(6);
    for (const [key, copies] of stories) {
      expect(copies.length, key).toBeGreaterThanOrEqual(3);
      expect(copies.length, key).toBeLessThanOrEqual(5);
      expect(new Set(copies.map((copy) => copy.feed)).size, key).toBe(copies.length);
      const variants = new Set(copies.map((copy) => `${copy.title}\n${copy.paragraphs.join('\n')}`));
      expect(variants.size, `${key} copies should differ slightly`).toBeGreaterThan(1);
    }
    expect(items.some((item) => item.storyKey && /[?&](utm_source|fbclid|mc_cid|xtor)=/.test(item.url))).toBe(true);
  });

  it('renders feeds that rss-parser reads, with every item, dates and creators', async () => {
    const site = buildSampleSite(NOW);
    const parser = new Parser<Record<string, unknown>, { 'content:encoded'?: string; creator?: string }>();
    for (const outlet of SAMPLE_OUTLETS.filter((o) => o.format === 'rss' || o.format === 'rss-content' || o.format === 'atom')) {
      const feed = await parser.parseString(site.feeds.get(outlet.path)?.body ?? '');
      const expected = site.items.filter((item) => item.feed === outlet.feed);
      expect(feed.items.length, outlet.feed).toBe(expected.length);
      for (const parsed of feed.items) {
        const item = expected.find((candidate) => candidate.url === parsed.link);
        expect(item, `${outlet.feed}: ${parsed.link}`).toBeDefined();
        expect(parsed.title).toBe(item?.title);
        if (item?.published) expect(Date.parse(parsed.isoDate ?? ''), item.key).toBe(item.published.getTime());
      }
    }
    const review = await parser.parseString(site.feeds.get('/feeds/rail-business-review.xml')?.body ?? '');
    expect(review.items.every((item) => typeof item.creator === 'string' && item['content:encoded'])).toBe(true);
    const courier = site.feeds.get('/feeds/daily-courier.xml')?.body ?? '';
    expect(courier).toMatch(/&[a-z]+;/);
    expect(courier).toContain('<![CDATA[');
  });

  it('renders a JSON Feed 1.1 and a Mastodon timeline in the real API shape', () => {
    const site = buildSampleSite(NOW);
    const jsonFeed = JSON.parse(site.feeds.get('/feeds/lettre-mobilite.json')?.body ?? '{}') as { version: string; items: { id: string; url: string; content_html: string; date_published?: string }[] };
    expect(jsonFeed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(jsonFeed.items.length).toBe(site.items.filter((item) => item.feed === 'lettre-mobilite').length);
    for (const item of jsonFeed.items) expect(Number.isNaN(Date.parse(item.date_published ?? ''))).toBe(false);

    const statuses = JSON.parse(site.feeds.get(SAMPLE_TIMELINE_PATH)?.body ?? '[]') as Record<string, unknown>[];
    expect(statuses.length).toBe(site.items.filter((item) => item.feed === 'mastodon-acme').length);
    const ids = statuses.map((status) => BigInt(status.id as string));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    for (const status of statuses) {
      expect(status).toMatchObject({ visibility: 'public', tags: [{ name: 'acme' }] });
      expect(typeof status.created_at).toBe('string');
      expect(status.url).toMatch(/^https:\/\/[a-z.]+\.example\/@\w+\/\d+$/);
      expect(status.content).toMatch(/^<p>.*#<span>acme<\/span><\/a>.*<\/p>$/);
      expect(['en', 'fr']).toContain(status.language);
      const account = status.account as Record<string, unknown>;
      expect(typeof account.acct).toBe('string');
      expect(typeof account.display_name).toBe('string');
      expect(typeof account.followers_count).toBe('number');
      for (const count of ['replies_count', 'reblogs_count', 'favourites_count']) expect(typeof status[count]).toBe('number');
    }
  });
});
