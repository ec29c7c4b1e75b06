import { describe, expect, it } from 'vitest';
import { articleIdOf, mentionId } from './mention-id.js';

describe('mentionId', () => {
  it('is the same for the same item fetched twice, whatever the tracking tags', () => {
    const first = mentionId({ url: 'https://example.com/a?utm_source=rss', sourceId: 'feed-1', guid: 'x' });
    const second = mentionId({ url: 'https://Example.com/a#frag', sourceId: 'feed-2', guid: 'y' });
    expect(first?.id).toMatch(/^[0-9a-f]{32}$/);
    expect(first?.id).toBe(second?.id);
    expect(first?.canonicalUrl).toBe('https://example.com/a');
  });

  it('differs for different articles', () => {
    expect(mentionId({ url: 'https://example.com/a', sourceId: 's' })?.id).not.toBe(
      mentionId({ url: 'https://example.com/b', sourceId: 's' })?.id,
    );
  });

  it('falls back to source id + GUID without a usable URL', () => {
    const a = mentionId({ url: null, sourceId: 'mastodon-1', guid: '109' });
    const b = mentionId({ url: 'javascript:void(0)', sourceId: 'mastodon-1', guid: ' 109 ' });
    expect(a?.canonicalUrl).toBeNull();
    expect(a?.id).toBe(b?.id);
    expect(mentionId({ sourceId: 'other', guid: '109' })?.id).not.toBe(a?.id);
  });

  it('returns null when there is neither URL nor GUID', () => {
    expect(mentionId({ url: '', sourceId: 's', guid: '  ' })).toBeNull();
  });
});

describe('articleIdOf', () => {
  it('gives the id the article at that URL is indexed under, whatever its fragment or tracking tags', () => {
    const article = mentionId({ url: 'https://news.example/deal?id=7', sourceId: 'feed' })!.id;
    expect(articleIdOf('https://news.example/deal?id=7#comments')).toBe(article);
    expect(articleIdOf('https://news.example/deal?utm_source=hn&id=7#top')).toBe(article);
    expect(articleIdOf('mailto:someone@example.org')).toBeNull();
  });
});
