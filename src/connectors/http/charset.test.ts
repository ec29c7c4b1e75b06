import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, normaliseCharset } from './charset.js';

const golden = 'Société Générale – «€» œ “quoted”';
const xml = (encoding: string | null): string => `<?xml version="1.0"${encoding ? ` encoding="${encoding}"` : ''}?><rss><channel><title>${golden}</title></channel></rss>`;

describe('decodeBody (case 17)', () => {
  it.each([
    ['windows-1252 bytes, header says ISO-8859-1', 'win1252', 'text/xml; charset=ISO-8859-1', null],
    ['windows-1252 bytes, no header, prolog says iso-8859-1', 'win1252', 'text/xml', 'iso-8859-1'],
    ['windows-1252 bytes, no header, no prolog', 'win1252', undefined, null],
    ['utf-8 bytes, no header, no prolog', 'utf8', undefined, null],
    ['utf-8 bytes, header utf-8, prolog lies latin1', 'utf8', 'application/rss+xml; charset="utf-8"', 'iso-8859-1'],
    ['iso-8859-15 bytes declared in the prolog', 'iso-8859-15', undefined, 'ISO-8859-15'],
  ])('%s', (_label, encoding, contentType, prolog) => {
    // ISO-8859-15 has € and œ but no dash or curly quotes.
    const text = encoding === 'iso-8859-15' ? 'Société Générale «€» œ' : golden;
    const bytes = iconv.encode(xml(prolog).replace(golden, text), encoding);
    const decoded = decodeBody(bytes, contentType, 'xml');
    expect(decoded.text).toContain(text);
    expect(decoded.text).not.toContain('\uFFFD');
  });

  it('lets the BOM win over header and prolog', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml('iso-8859-1'))]);
    expect(decodeBody(bytes, 'text/xml; charset=windows-1251', 'xml')).toMatchObject({ encoding: 'utf-8', source: 'bom' });
  });

  it('decodes UTF-16 with a BOM and without one', () => {
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(xml('utf-16'), 'utf16le')]);
    expect(decodeBody(withBom, undefined, 'xml').text).toContain(golden);
    expect(decodeBody(iconv.encode(xml('utf-16'), 'utf16be'), undefined, 'xml').text).toContain(golden);
  });

  it('decodes windows-1251 from the prolog and from the HTML meta', () => {
    const russian = 'Новости дня';
    expect(decodeBody(iconv.encode(xml('windows-1251').replace(golden, russian), 'win1251'), undefined, 'xml').text).toContain(russian);
    const html = iconv.encode(`<html><head><meta charset="windows-1251"></head><body>${russian}</body></html>`, 'win1251');
    expect(decodeBody(html, 'text/html', 'html').text).toContain(russian);
  });

  it('corrects a claim the bytes contradict, and says so', () => {
    const russian = 'Новости дня';
    // windows-1251 bytes under a UTF-8 header: the prolog's own (legacy) declaration is used.
    const cyrillic = decodeBody(iconv.encode(xml('windows-1251').replace(golden, russian), 'win1251'), 'text/xml; charset=utf-8', 'xml');
    expect(cyrillic).toMatchObject({ encoding: 'windows-1251', source: 'header', correction: 'the Content-Type header says UTF-8 but the bytes are not UTF-8 and were read as windows-1251' });
    expect(cyrillic.text).toContain(russian);
    // A BOM says UTF-8, one byte is windows-1252.
    const [before, after] = xml(null).split(golden);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${before}Señor `), Buffer.from([0x80]), Buffer.from(after!)]);
    expect(decodeBody(withBom, undefined, 'xml')).toMatchObject({ text: expect.stringContaining('Señor €') as string, correction: 'the byte-order mark says UTF-8 but 1 byte is not UTF-8 and was read as windows-1252' });
    // JSON is UTF-8 by definition.
    expect(decodeBody(iconv.encode('{"title":"5 € l’unité"}', 'win1252'), 'application/feed+json', 'json')).toMatchObject({ text: '{"title":"5 € l’unité"}', correction: expect.stringMatching(/^JSON \(always UTF-8\) says UTF-8/) as string });
  });

  it('leaves what is consistent alone: ASCII under any label, valid UTF-8 under UTF-8, Latin-1 under Latin-1', () => {
    expect(decodeBody(Buffer.from(xml('iso-8859-1').replace(golden, 'plain')), undefined, 'xml').correction).toBeUndefined();
    expect(decodeBody(Buffer.from(xml('utf-8')), undefined, 'xml').correction).toBeUndefined();
    expect(decodeBody(iconv.encode(xml('iso-8859-1').replace(golden, 'Société'), 'latin1'), undefined, 'xml')).toMatchObject({ encoding: 'windows-1252', text: expect.stringContaining('Société') as string });
    expect(decodeBody(iconv.encode(xml('iso-8859-1').replace(golden, 'Société'), 'latin1'), undefined, 'xml').correction).toBeUndefined();
  });

  it('maps Latin-1 labels to windows-1252 and refuses unknown labels', () => {
    expect(normaliseCharset('ISO-8859-1')).toBe('windows-1252');
    expect(normaliseCharset('x-klingon')).toBeNull();
  });
});
