import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonFeed } from './parse-json-feed.js';

describe('parseJsonFeed', () => {
  it('reads JSON Feed 1.1 and 1.0 fields; one bad item costs only itself', () => {
    const text = readFileSync(new URL('./fixtures/jsonfeed-1.1.json', import.meta.url), 'utf8');
    const feed = parseJsonFeed(text, 'https://json.example.com/feed.json', 'source "j"');
    expect(feed).toMatchObject({ detectedType: 'jsonfeed-1.1', title: 'Acme JSON', language: 'en' });
    expect(feed.items.map((item) => [item.guid, item.link, item.title, item.author])).toEqual([
      ['1', 'https://json.example.com/posts/1', 'Acme ships', 'Ann'],
      ['2', 'https://elsewhere.example/2', null, 'Feed Team'],
      ['3', 'https://json.example.com/3', null, 'Feed Team'],
      ['5', 'https://json.example.com/5', 'Version 1.0 author', 'Old Style'],
    ]);
    expect(feed.items[0]).toMatchObject({ contentHtml: '<p>Hi</p>', published: '2026-11-02T10:00:00Z', categories: ['launch'], languageHint: 'en' });
    expect(feed.items[1]!.contentText).toBe('No title here');
    expect(feed.problems).toEqual([
      expect.objectContaining({ index: 2, reason: 'bad-title', outcome: 'repaired' }),
      expect.objectContaining({ index: 3, reason: 'not-an-object', outcome: 'dropped' }),
    ]);
  });

  it('detects version 1.0', () => {
    const feed = parseJsonFeed('{"version":"https://jsonfeed.org/version/1","items":[]}', 'https://j.example/', 'j');
    expect(feed.detectedType).toBe('jsonfeed-1.0');
  });

  it('refuses JSON without items', () => {
    expect(() => parseJsonFeed('{"version":"https://jsonfeed.org/version/1.1"}', 'https://j.example/', 'source "j"')).toThrow(/source "j": JSON Feed without an "items" array/);
  });
});
