import { describe, expect, it } from 'vitest';
import { normaliseItem } from './normalise.js';
import { TEXT_TITLE_CHARS, titleFromText } from './title-from-text.js';

describe('titleFromText', () => {
  it('keeps the whole text, last word included, when it fits', () => {
    expect(titleFromText('#hoot (hashtag toot)')).toBe('#hoot (hashtag toot)');
    expect(titleFromText('Toot number 9!')).toBe('Toot number 9!');
    expect(titleFromText('a'.repeat(TEXT_TITLE_CHARS))).toBe('a'.repeat(TEXT_TITLE_CHARS));
  });

  it('puts a text on one line', () => {
    expect(titleFromText('First line\n\nsecond line')).toBe('First line second line');
  });

  it('cuts a longer text at a word boundary and says so with an ellipsis', () => {
    const text = 'Acme annonce un plan social dans trois usines du Nord, les syndicats appellent à la grève';
    const title = titleFromText(text, 40);
    expect(title).toBe('Acme annonce un plan social dans trois…');
    expect(title.length).toBeLessThanOrEqual(40);
  });

  it('keeps a word that ends exactly at the limit', () => {
    expect(titleFromText('abc defg hij', 9)).toBe('abc defg…');
  });

  it('cuts inside a single word longer than the limit, never in half of an emoji', () => {
    expect(titleFromText('x'.repeat(50), 10)).toBe('xxxxxxxxx…');
    const title = titleFromText(`${'y'.repeat(8)}😀😀😀`, 10);
    expect(title).toBe('yyyyyyyy…');
  });

  it('is what a post without a title gets when normalised', () => {
    const post = (text: string) => normaliseItem({ guid: 'at://x/app.bsky.feed.post/1', contentText: text }, { id: 's', name: 'S', channel: 'social', url: null }, { now: new Date('2026-12-01T00:00:00Z') });
    const short = post('Toot number 9!');
    expect(short.ok && short.item.title).toBe('Toot number 9!');
    const long = post(`${'mot '.repeat(60)}fin`);
    expect(long.ok && long.item.title.endsWith('mot…')).toBe(true);
    expect(long.ok && long.item.title.length).toBeLessThanOrEqual(TEXT_TITLE_CHARS);
  });
});
