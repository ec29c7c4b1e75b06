import { describe, expect, it } from 'vitest';
import { canonicalUrl, isHttpUrl } from './canonical-url.js';

describe('canonicalUrl', () => {
  it('lower-cases scheme and host, keeps the path case', () => {
    expect(canonicalUrl('HTTPS://News.Example.COM/Story/A')).toBe('https://news.example.com/Story/A');
  });

  it('drops the fragment, tracking parameters and sorts the query', () => {
    expect(
      canonicalUrl('https://example.com/a?z=1&utm_source=x&b=2&fbclid=abc&gclid=1&mc_cid=9&UTM_Medium=m#top'),
    ).toBe('https://example.com/a?b=2&z=1');
  });

  it('gives the same result for the same item with different tracking tags', () => {
    const a = canonicalUrl('https://example.com/p?id=3&utm_campaign=one');
    const b = canonicalUrl('https://EXAMPLE.com:443/p?utm_source=two&id=3#comments');
    expect(a).toBe(b);
  });

  it('drops user info, default ports and an empty query', () => {
    expect(canonicalUrl('http://user:secret@example.com:80/x?')).toBe('http://example.com/x');
  });

  it('resolves relative links against a base', () => {
    expect(canonicalUrl('/post/1', 'https://blog.example.org/feed.xml')).toBe('https://blog.example.org/post/1');
  });

  it('refuses what is not http(s)', () => {
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('file:///etc/passwd')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
    expect(isHttpUrl('ftp://example.com/')).toBe(false);
    expect(isHttpUrl('https://example.com/')).toBe(true);
  });
});
