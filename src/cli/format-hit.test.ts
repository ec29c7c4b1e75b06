import { describe, expect, it } from 'vitest';
import type { Mention } from '../core/mention.js';
import { hitToJson, hitToText, splitHighlights } from './format-hit.js';

const mention: Mention = {
  id: '0123456789abcdef0123456789abcdef',
  url: 'https://news.example/a',
  canonicalUrl: 'https://news.example/a',
  sourceId: 'daily',
  sourceName: 'Daily \u001b[31mred\u001b[0m',
  channel: 'news',
  title: 'Acme\u0007 beats forecasts',
  text: 'Acme beats forecasts.',
  author: null,
  publishedAt: '2026-11-26T08:00:00.000Z',
  fetchedAt: '2026-11-26T09:00:00.000Z',
  language: 'en',
  entities: [{ kind: 'brand', id: 'acme', name: 'Acme', role: 'own', occurrences: [{ field: 'title', start: 0, end: 4, text: 'Acme' }] }],
  sentiment: { score: 0.42, label: 'positive' },
  storyId: '0123456789abcdef0123456789abcdef',
  signature: null,
  reach: 5,
  audience: null,
  flags: [],
};

describe('splitHighlights', () => {
  it('turns markers into offsets into the plain text', () => {
    expect(splitHighlights('the \u0002Acme\u0003 group and \u0002Acme\u0003 Rail')).toEqual({
      text: 'the Acme group and Acme Rail',
      highlights: [[4, 8], [19, 23]],
    });
  });
});

describe('hitToJson', () => {
  it('carries what a search result line promises', () => {
    const json = hitToJson({ mention, snippets: ['\u0002Acme\u0003 beats'] });
    expect(json).toMatchObject({
      id: mention.id, title: mention.title, url: mention.url, source: 'daily', publishedAt: mention.publishedAt,
      language: 'en', sentiment: { score: 0.42, label: 'positive' }, entities: [{ kind: 'brand', id: 'acme', name: 'Acme', role: 'own' }],
      snippets: [{ text: 'Acme beats', highlights: [[0, 4]] }],
      sources: [{ id: 'daily', name: mention.sourceName }],
      storyRole: 'origin',
    });
    expect(json).not.toHaveProperty('sharedUrl');
  });

  it('lists every source that delivered the mention, and marks a share as its story’s amplifier', () => {
    const delivered = { ...mention, sources: [{ id: 'daily', name: 'Daily' }, { id: 'news-search', name: 'News search' }] };
    expect(hitToJson({ mention: delivered }).sources).toEqual([{ id: 'daily', name: 'Daily' }, { id: 'news-search', name: 'News search' }]);
    expect(hitToText({ mention: delivered }, false)).toContain('  also from: News search');
    const share = { ...mention, id: 'fedcba9876543210fedcba9876543210', sharedUrl: 'https://blog.example/a' };
    expect(hitToJson({ mention: share })).toMatchObject({ storyRole: 'amplifier', sharedUrl: 'https://blog.example/a' });
    expect(hitToText({ mention: share }, false)).toContain('  shares: https://blog.example/a');
    expect(hitToJson({ mention: { ...mention, id: 'fedcba9876543210fedcba9876543210' } }).storyRole).toBe('copy');
  });
});

describe('hitToText', () => {
  it('never lets terminal control sequences from a feed through', () => {
    const text = hitToText({ mention, snippets: ['\u0002Acme\u0003 \u001b]0;pwned\u0007 beats'] }, false).join('\n');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text).toContain('[Acme]');
  });
});
