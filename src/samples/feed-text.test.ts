import { describe, expect, it } from 'vitest';
import { cdata, escapeXml, rfc3339, rfc822, summarise } from './feed-text.js';

const when = new Date('2026-11-20T08:15:00Z');

describe('feed text helpers', () => {
  it('escapes XML and keeps CDATA sections closed where they should be', () => {
    expect(escapeXml('Acme & "Globex" <b>')).toBe('Acme &amp; &quot;Globex&quot; &lt;b&gt;');
    expect(cdata('a]]>b')).toBe('<![CDATA[a]]]]><![CDATA[>b]]>');
  });

  it('summarises HTML to plain text on a word boundary', () => {
    expect(summarise('<p>One two</p>\n<p>three four five</p>', 14)).toBe('One two three…');
    expect(summarise('<p>Acme&rsquo;s caf&eacute; &amp; bar</p>')).toBe('Acme’s café & bar');
  });

  it('writes dates that parse back to the same instant, whatever zone an item gets', () => {
    for (let i = 0; i < 40; i += 1) {
      for (const lang of ['en', 'fr'] as const) {
        expect(Date.parse(rfc822(when, `item-${i}`, lang).replace(/ EST$/, ' -0500'))).toBe(when.getTime());
        expect(Date.parse(rfc3339(when, `item-${i}`, lang))).toBe(when.getTime());
      }
    }
    const zones = new Set(Array.from({ length: 40 }, (_v, i) => rfc822(when, `item-${i}`, 'en').split(' ').pop()));
    expect(zones.size).toBeGreaterThan(2);
  });
});
