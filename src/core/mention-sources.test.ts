import { describe, expect, it } from 'vitest';
import type { Mention } from './mention.js';
import { mergeDelivery, sourcesOf } from './mention-sources.js';

const article: Mention = {
  id: '0123456789abcdef0123456789abcdef',
  url: 'https://news.example/a',
  canonicalUrl: 'https://news.example/a',
  sourceId: 'outlet-rss',
  sourceName: 'Outlet',
  channel: 'news',
  title: 'Acme buys Nimbus',
  text: 'The whole article, as the outlet publishes it.',
  author: null,
  publishedAt: '2026-03-10T09:00:00.000Z',
  fetchedAt: '2026-03-10T09:05:00.000Z',
  language: 'en',
  entities: [],
  sentiment: { score: 0, label: 'neutral' },
  storyId: '0123456789abcdef0123456789abcdef',
  signature: null,
  reach: 1,
  audience: null,
  flags: [],
};
const viaSearch: Mention = { ...article, sourceId: 'news-search', sourceName: 'News search', text: 'A snippet…', fetchedAt: '2026-03-10T10:00:00.000Z' };

describe('sourcesOf', () => {
  it('reads the primary alone when no list is stored, and puts the primary first once', () => {
    expect(sourcesOf(article)).toEqual([{ id: 'outlet-rss', name: 'Outlet' }]);
    expect(sourcesOf({ ...article, sources: [{ id: 'news-search', name: 'News search' }, { id: 'outlet-rss', name: 'Outlet' }, { id: 'news-search', name: 'x' }] })).toEqual([
      { id: 'outlet-rss', name: 'Outlet' },
      { id: 'news-search', name: 'News search' },
    ]);
  });
});

describe('mergeDelivery', () => {
  it('keeps a new mention as it came', () => {
    expect(mergeDelivery(null, article)).toBe(article);
  });

  it('adds another source without replacing the primary or its content', () => {
    const merged = mergeDelivery(article, viaSearch);
    expect(merged).toEqual({ ...article, sources: [{ id: 'outlet-rss', name: 'Outlet' }, { id: 'news-search', name: 'News search' }] });
    // The same delivery again changes nothing.
    expect(mergeDelivery(merged, viaSearch)).toBe(merged);
    // Arriving in the other order, the search is the primary and the feed the second source.
    expect(mergeDelivery(viaSearch, article).sources?.map((s) => s.id)).toEqual(['news-search', 'outlet-rss']);
  });

  it('lets the primary replace the content and keeps the other sources', () => {
    const merged = mergeDelivery(article, viaSearch);
    const edited = { ...article, text: 'The article, corrected.' };
    expect(mergeDelivery(merged, edited)).toEqual({ ...edited, sources: merged.sources });
    // The primary re-delivering what is stored: the stored mention, as is.
    expect(mergeDelivery(article, { ...article })).toEqual(article);
    expect(mergeDelivery(article, { ...article }).sources).toBeUndefined();
  });
});
