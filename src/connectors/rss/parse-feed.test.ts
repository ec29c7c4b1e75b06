import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../core/dates.js';
import { parseFeedDocument } from './parse-feed.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const parse = (text: string, feedUrl = 'https://feeds.example.com/feed.xml') => parseFeedDocument(text, { feedUrl, where: 'source "t"' });

describe('RSS 2.0 with extensions', () => {
  it('maps content:encoded, dc:creator, categories, enclosures; resolves links against xml:base', async () => {
    const feed = await parse(fixture('rss2-extensions.xml'));
    expect(feed).toMatchObject({ detectedType: 'rss-2.0', title: 'Acme News & Views', language: 'fr-FR', ttlSeconds: 1800 });
    const [first, podcast, bad] = feed.items;
    expect(first).toMatchObject({
      guid: 'acme-1',
      link: 'https://news.example.com/2026/11/acme-lance?utm_source=rss',
      title: 'Acme lance un nouveau produit écologique',
      author: 'Claire Dubois',
      published: 'mar. 24 nov. 2026 10:15:00 +0100',
      summaryHtml: '<p>Résumé <a href="/x">lien</a></p>',
      contentHtml: '<p>Le texte <strong>complet</strong> & entier.</p>',
      categories: ['Économie', 'Industrie'],
      languageHint: 'fr-FR',
      baseUrl: 'https://news.example.com/section/',
    });
    expect(podcast).toMatchObject({ author: 'Jane Roe', channel: 'podcast' });
    // Case 21: a javascript: link is dropped (repaired), the item stays with its guid.
    expect(bad).toMatchObject({ link: null, guid: 'urn:acme:3' });
    expect(feed.problems).toEqual([expect.objectContaining({ index: 2, reason: 'bad-link', outcome: 'repaired' })]);
  });
});

describe('Atom 1.0', () => {
  it('reads an xhtml title as markup, several authors, xml:base on content, text content', async () => {
    const feed = await parse(fixture('atom-xhtml.xml'));
    expect(feed).toMatchObject({ detectedType: 'atom-1.0', title: 'Example Blog', link: 'https://blog.example.org/' });
    const [first, second, third] = feed.items;
    expect(first!.titleIsHtml).toBe(true);
    expect(first!.title).toBe('<div>Acme <em>beats</em> estimates</div>');
    expect(first).toMatchObject({
      link: 'https://blog.example.org/posts/acme-beats',
      guid: 'tag:blog.example.org,2026:1',
      author: 'Sam Writer, Alex Editor',
      categories: ['earnings'],
      summaryHtml: '<p>Short &amp; sweet</p>',
      published: '2026-11-20T09:00:00+01:00',
      languageHint: 'en',
    });
    expect(first!.contentHtml).toContain('<a href="acme-beats/more">more</a> &amp; more.');
    expect(second).toMatchObject({ contentText: 'Plain text body', contentHtml: null });
    expect(third!.published).toBe('2999-01-01T00:00:00Z');
  });

  it('case 18/19: a bad or future date costs nothing but a flag on that item', async () => {
    const feed = await parse(fixture('atom-xhtml.xml'));
    expect(feed.items).toHaveLength(3);
    const now = new Date('2026-11-27T00:00:00Z');
    expect(feed.items.map((item) => parseFeedDate(item.published, { now }).problem)).toEqual([null, 'invalid-date', 'future-date']);
  });
});

describe('other dialects', () => {
  it('reads RSS 1.0 (RDF) with rdf:about as guid', async () => {
    const feed = await parse(fixture('rss1-rdf.xml'));
    expect(feed.detectedType).toBe('rss-1.0');
    expect(feed.items.map((item) => [item.guid, item.title, item.author])).toEqual([
      ['https://rdf.example.net/1', 'First RDF item', 'R. Author'],
      ['https://rdf.example.net/2', 'Second RDF item', null],
    ]);
  });

  it('reads RSS 0.91 and Atom 0.3 and a prefixed Atom root', async () => {
    const rss091 = await parse('<rss version="0.91"><channel><title>Old</title><item><title>A</title><link>https://o.example/a</link></item></channel></rss>');
    expect(rss091).toMatchObject({ detectedType: 'rss-0.91', items: [{ title: 'A' }] });
    const atom03 = await parse('<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title><entry><title>B</title><link rel="alternate" href="https://o.example/b"/><issued>2004-01-01T00:00:00Z</issued></entry></feed>');
    expect(atom03).toMatchObject({ detectedType: 'atom-0.3', items: [{ title: 'B', link: 'https://o.example/b', published: '2004-01-01T00:00:00Z' }] });
    const prefixed = await parse('<a:feed xmlns:a="http://www.w3.org/2005/Atom" xmlns="http://www.w3.org/1999/xhtml"><a:entry><a:title>C</a:title><a:id>c</a:id></a:entry></a:feed>');
    expect(prefixed.items[0]).toMatchObject({ title: 'C', guid: 'c' });
  });

  it('case 20: duplicate guids — same link kept once-flagged, different links lose the guid', async () => {
    const feed = await parse(`<rss version="2.0"><channel>
      <item><guid>g</guid><link>https://d.example/1</link></item>
      <item><guid>g</guid><link>https://d.example/1</link></item>
      <item><guid>h</guid><link>https://d.example/2</link></item>
      <item><guid>h</guid><link>https://d.example/3</link></item>
      <item><title>no guid no link</title></item></channel></rss>`);
    expect(feed.items.map((item) => item.guid)).toEqual(['g', 'g', null, null, null]);
    expect(feed.problems.map((problem) => problem.reason)).toEqual(['duplicate-item', 'duplicate-guid']);
  });

  it('case 21: whitespace in links, protocol-relative links, a base with a fragment, IDN', async () => {
    const feed = await parse(`<rss version="2.0" xml:base="#frag"><channel><item><link>
      https://exa mple.com/a b</link></item><item><link>//cdn.example.com/x</link></item><item><link>/rel</link></item><item><link>https://bücher.example/</link></item></channel></rss>`, 'http://feeds.example.com/f.xml');
    expect(feed.items.map((item) => item.link)).toEqual(['https://example.com/ab', 'http://cdn.example.com/x', 'http://feeds.example.com/rel', 'https://xn--bcher-kva.example/']);
  });
});

describe('the rss-parser fallback, loaded when a document needs it', () => {
  it('runs on item markup the extractor does not take, and the extractor’s reading stands when it finds nothing either', async () => {
    const commented = await parse('<rss version="2.0"><channel><title>T</title><!-- <item><title>A</title></item> --></channel></rss>');
    expect(commented).toMatchObject({ detectedType: 'rss-2.0', title: 'T', items: [] });
    const prefixed = await parse('<rss version="2.0" xmlns:x="http://x.example/"><channel><title>T</title><x:item><title>A</title></x:item></channel></rss>');
    expect(prefixed).toMatchObject({ detectedType: 'rss-2.0', items: [] });
  });
});
