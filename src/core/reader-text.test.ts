import { describe, expect, it } from 'vitest';
import { looksLikeHtml, readerBody, readerLine, repairMisdecoded } from './reader-text.js';

const line = (text: string, isHtml = false): string => readerLine(text, isHtml).text;

describe('readerLine: a title as a reader shows it', () => {
  it.each([
    ['entities escaped twice, as a plain-text field delivers them', 'L&rsquo;euro &agrave; 1,08&#8239;$ : 5&#8364; le litre', 'L’euro à 1,08 $ : 5€ le litre'],
    ['inline markup around a currency sign', 'Prix : 12 <span class="currency">€</span> HT', 'Prix : 12 € HT'],
    ['a superscript and a hex reference', 'Victorian &#x0024;4300 3bd 1930ft<sup>2</sup>', 'Victorian $4300 3bd 1930ft2'],
    ['markup escaped once more', '&lt;b&gt;Acme&lt;/b&gt; rachète Globex', 'Acme rachète Globex'],
  ])('%s', (_label, raw, shown) => {
    expect(line(raw)).toBe(shown);
  });

  it.each([
    ['AT&T', 'AT&T'],
    ['x < y and y > z', 'x < y and y > z'],
    ['x<y', 'x<y'],
    ['R&D: Q&A with P&G', 'R&D: Q&A with P&G'],
    ['Why <section> tags confuse readers', 'Why <section> tags confuse readers'],
    ['Bed&copy shop', 'Bed&copy shop'],
  ])('leaves literal text %j alone', (raw, shown) => {
    expect(line(raw)).toBe(shown);
  });

  it('reads an HTML field (Atom type="html") and what it escaped a second time', () => {
    expect(line('AT&amp;T &amp;rsquo; x &lt; y', true)).toBe('AT&T ’ x < y');
    expect(line('&lt;span&gt;5 &amp;#8364;&lt;/span&gt;', true)).toBe('5 €');
    expect(line('Caf&eacute; <em>cr&egrave;me</em>', true)).toBe('Café crème');
  });

  it('keeps one line', () => {
    expect(line('\n  Acme &amp; Co:\n <em>results</em> ')).toBe('Acme & Co: results');
  });
});

describe('readerBody', () => {
  it('decodes entities an HTML body escaped twice, but keeps the tags it shows as text', () => {
    expect(readerBody('<p>C&amp;rsquo;est &lt;b&gt;gras&lt;/b&gt;</p>', true).text).toBe('C’est <b>gras</b>');
  });

  it('reads a plain-text body as HTML only when it looks like it', () => {
    expect(readerBody('Profits <5% & rising', false).text).toBe('Profits <5% & rising');
    expect(readerBody('<p>Un</p><p>Deux &eacute;t&eacute;s</p>', false).text).toBe('Un\n\nDeux étés');
  });
});

describe('repairMisdecoded', () => {
  it('reads windows-1252 code points and UTF-8 read as Latin-1 as what they were', () => {
    expect(repairMisdecoded('don\u0092t')).toEqual({ text: 'don’t', repaired: true });
    expect(repairMisdecoded('\u00e2\u0080\u00a6')).toEqual({ text: '…', repaired: true });
    expect(repairMisdecoded('\u00c3\u0089t\u00c3\u00a9')).toEqual({ text: 'Ét\u00c3\u00a9', repaired: true });
    expect(repairMisdecoded('\u0080 5')).toEqual({ text: '€ 5', repaired: true });
    expect(repairMisdecoded('â€¦ l’été, câ€™est â€œniceâ€\u009d')).toEqual({ text: '… l’été, c’est “nice”', repaired: true });
  });

  it('leaves genuine Latin-1 text alone', () => {
    const genuine = 'Ã©tÃ© «Â» – Ô’s 5€ “Ü” CAFÉ… NÃO”';
    expect(repairMisdecoded(genuine)).toEqual({ text: genuine, repaired: false });
  });

  it('knows markup from literal text', () => {
    expect(looksLikeHtml('AT&T')).toBe(false);
    expect(looksLikeHtml('a</b>')).toBe(true);
    expect(looksLikeHtml('&eacute;')).toBe(true);
  });
});
