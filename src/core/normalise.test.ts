import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS, normaliseItem } from './normalise.js';

const source = { id: 'news-fr', name: 'Le Quotidien', channel: 'news' as const, url: 'https://quotidien.example/rss.xml' };
const now = new Date('2026-11-27T12:00:00Z');

describe('normaliseItem', () => {
  it('cleans an item: plain text, resolved link, parsed date, stable id, language tag', () => {
    const result = normaliseItem(
      {
        guid: 'a-1',
        link: '/economie/acme?utm_source=rss#haut',
        title: 'Acme &amp; la grève',
        contentHtml: '<p>Le groupe <b>Acme</b> fait face à une grève.</p><script>track()</script>',
        author: ' Jeanne Martin ',
        published: 'Thu, 26 Nov 2026 08:30:00 +0100',
        languageHint: 'fr-FR',
      },
      source,
      { now },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.item).toMatchObject({
      url: 'https://quotidien.example/economie/acme?utm_source=rss#haut',
      canonicalUrl: 'https://quotidien.example/economie/acme',
      title: 'Acme & la grève',
      text: 'Le groupe Acme fait face à une grève.',
      author: 'Jeanne Martin',
      publishedAt: '2026-11-26T07:30:00.000Z',
      fetchedAt: now.toISOString(),
      languageHint: 'fr',
      sourceId: 'news-fr',
      channel: 'news',
      flags: [],
    });
    expect(result.item.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('drops an item with neither link nor GUID, with the reason', () => {
    const result = normaliseItem({ title: 'orphan', link: 'javascript:alert(1)' }, source, { now, index: 4 });
    expect(result).toEqual({
      ok: false,
      problem: { index: 4, ref: 'javascript:alert(1)', reason: 'missing-link-and-guid', message: 'item has neither a usable http(s) link nor a GUID', outcome: 'dropped' },
    });
  });

  it('keeps an item with an unreadable date, using the fetch time and flagging it', () => {
    const result = normaliseItem({ guid: 'g', title: 't', published: 'not a date' }, source, { now });
    expect(result.ok && result.item.publishedAt).toBe(now.toISOString());
    expect(result.ok && result.item.flags).toContain('invalid-date');
    expect(result.ok && result.problems[0]?.reason).toBe('invalid-date');
  });

  it('flags a future date and does not let it sit on top of the list', () => {
    const result = normaliseItem({ guid: 'g', title: 't', published: '2999-01-01T00:00:00Z' }, source, { now });
    expect(result.ok && result.item.publishedAt).toBe(now.toISOString());
    expect(result.ok && result.item.flags).toContain('future-date');
  });

  it('makes a title from the text when the item has none, and bounds the text', () => {
    const long = `Acme annonce ${'une très longue phrase '.repeat(10_000)}`;
    const result = normaliseItem({ guid: 'g', contentText: long }, source, { now });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.item.title.startsWith('Acme annonce une très longue phrase')).toBe(true);
    expect(result.item.title.length).toBeLessThanOrEqual(140);
    expect(result.item.text.length).toBe(MAX_TEXT_CHARS);
    expect(result.item.flags).toContain('truncated');
  });

  it('drops an item with nothing to read', () => {
    const result = normaliseItem({ guid: 'g', title: '  ', contentHtml: '<p> </p>' }, source, { now });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.reason).toBe('empty-item');
  });
});
