import { describe, expect, it } from 'vitest';
import { publisherLink } from './publisher-link.js';

const googleId = (inside: string): string =>
  Buffer.concat([Buffer.from([0x08, 0x13, 0x22, Buffer.byteLength(inside)]), Buffer.from(inside), Buffer.from([0xd2, 0x01, 0x00])]).toString('base64url');

describe('publisherLink', () => {
  it('reads the article out of a Bing News redirect', () => {
    expect(publisherLink('http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=1&url=https%3a%2f%2fnews.example%2fa%3fid%3d7&c=1&mkt=en-us')).toBe('https://news.example/a?id=7');
    // A redirect to something that is no web page is kept as the engine gave it.
    const odd = 'http://www.bing.com/news/apiclick.aspx?url=javascript%3aalert(1)';
    expect(publisherLink(odd)).toBe(odd);
  });

  it('reads the article out of an older Google News id, and keeps a newer one', () => {
    expect(publisherLink(`https://news.google.com/rss/articles/${googleId('https://news.example/a#x')}?oc=5`)).toBe('https://news.example/a#x');
    expect(publisherLink(`https://news.google.com/articles/${googleId('https://news.example/b')}`)).toBe('https://news.example/b');
    const newer = `https://news.google.com/rss/articles/${googleId('AU_yqLNq3xZkR0d9mT2vQe8pLw5sYb1cH4jKfGuV7oIaXnE6rD')}?oc=5`;
    expect(publisherLink(newer)).toBe(newer);
    expect(publisherLink('https://news.google.com/rss/articles/not-base64!')).toBe('https://news.google.com/rss/articles/not-base64!');
  });

  it('leaves every other link alone', () => {
    expect(publisherLink('https://news.example/a')).toBe('https://news.example/a');
    expect(publisherLink('not a url')).toBe('not a url');
  });
});
