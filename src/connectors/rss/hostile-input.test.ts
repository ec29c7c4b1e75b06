import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParseError } from '../../core/errors.js';
import { parseFeedDocument } from './parse-feed.js';
import { asText, parseWithRssParser } from './rss-parser-fallback.js';

// Reliability catalogue cases 13-16 and 22-24, through the same parse path the connectors use.

const parse = (text: string) => parseFeedDocument(text, { feedUrl: 'https://feeds.example.com/feed.xml', where: 'source "hostile" (https://feeds.example.com/feed.xml)' });
const item = (title: string, n = 1) => `<item><title>${title}</title><link>https://h.example/${n}</link></item>`;
const rss = (items: string, prolog = '') => `<?xml version="1.0"?>${prolog}<rss version="2.0"><channel><title>H</title>${items}</channel></rss>`;

describe('case 13: entity expansion is inert', () => {
  const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
    <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>`;
  it('billion laughs in text and attributes, and one large entity used 10,000 times', async () => {
    const big = `<!DOCTYPE x [<!ENTITY big "${'x'.repeat(100_000)}">]>`;
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const feed = await parse(rss(item('&lol9;') + `<item><title a="&lol9;">t</title><link>https://h.example/2</link></item>`, laughs));
    const quadratic = await parse(rss(item('&big;'.repeat(10_000)), big));
    expect(performance.now() - started).toBeLessThan(200);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(20 * 1024 * 1024);
    expect(feed.items[0]!.title).toBe('&lol9;');
    expect(quadratic.items[0]!.title).toBe('&big;'.repeat(400)); // capped at 2,000 characters, never expanded
  });

  it('no code path enables DTD entities in sax/xml2js', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('.', import.meta.url);
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
      expect(readFileSync(new URL(file, dir), 'utf8')).not.toMatch(/\.ENTITIES|unparsedEntities/);
    }
  });
});

describe('case 14: XXE reads no file and calls no URL', () => {
  let canary: Server;
  let hits = 0;
  let dir: string;
  beforeAll(async () => {
    canary = createServer((_req, res) => {
      hits += 1;
      res.end('<!ENTITY x "pwned">');
    });
    await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-xxe-'));
    writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET-VALUE');
  });
  afterAll(async () => {
    await new Promise((resolve) => canary.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('external entities, parameter entities and an external DTD stay text', async () => {
    const port = (canary.address() as AddressInfo).port;
    const doctype = `<!DOCTYPE rss SYSTEM "http://127.0.0.1:${port}/dtd" [<!ENTITY file SYSTEM "file://${join(dir, 'secret.txt')}">
      <!ENTITY web SYSTEM "http://127.0.0.1:${port}/x"><!ENTITY % p SYSTEM "http://127.0.0.1:${port}/p"> %p;]>`;
    const feed = await parse(rss(item('&file;&web;'), doctype));
    expect(JSON.stringify(feed)).not.toContain('TOP-SECRET-VALUE');
    expect(feed.items[0]!.title).toBe('&file;&web;');
    await expect(parseWithRssParser(rss(item('&file;'), doctype), 'https://f.example/', 'rss-2.0')).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hits).toBe(0);
  });
});

describe('case 15: prototype pollution is harmless', () => {
  it('XML elements named __proto__, constructor, prototype', async () => {
    const doc = rss(`<item><__proto__><polluted>yes</polluted></__proto__><constructor><prototype><polluted>yes</polluted></prototype></constructor>${item('ok').slice(6)}`);
    const feed = await parse(doc);
    await parseWithRssParser(doc, 'https://f.example/', 'rss-2.0');
    expect(feed.items[0]!.title).toBe('ok');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a JSON Feed with __proto__ keys', async () => {
    const feed = await parse('{"version":"https://jsonfeed.org/version/1.1","__proto__":{"polluted":1},"items":[{"id":"1","url":"https://j.example/1","__proto__":{"polluted":2},"constructor":{"prototype":{"polluted":3}}}]}');
    expect(feed.items).toHaveLength(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('case 16: malformed documents', () => {
  it('a bare & in a title, an undefined entity, NUL and control characters cost nothing', async () => {
    const feed = await parse(rss(item('AT&T & Acme', 1) + item('caf&eacute; &nbsp;&bogus; \u0000\u0001 ok', 2) + item('third', 3)));
    expect(feed.items.map((i) => i.title)).toEqual(['AT&T & Acme', 'café \u00a0&bogus; \u0000\u0001 ok', 'third']);
  });

  it('a truncated document keeps the complete items before the cut and says what was lost', async () => {
    const feed = await parse(`<rss version="2.0"><channel><title>H</title>${item('one', 1)}${item('two', 2)}<item><title>tru`);
    expect(feed.items.map((i) => i.title)).toEqual(['one', 'two']);
    expect(feed.degraded).toBe('document cut off inside <title>: the 2 complete items before the cut were kept, the unfinished one after them dropped');
    expect(feed.problems).toEqual([{ reason: 'truncated-document', message: feed.degraded, outcome: 'dropped' }]);
  });

  it.each([
    ['an empty body', '', /empty document/],
    ['an HTML page', '<!doctype html><html><head><title>Sign in – Paywall</title></head><body>Log in</body></html>', /not a feed \(found an HTML page titled "Sign in – Paywall"\)/],
    ['some other XML', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', /not a feed \(found a <svg> document\)/],
    ['plain text', 'Service temporarily unavailable', /not a feed/],
    ['JSON that is not a feed', '{"error":"rate limited"}', /not a feed \(JSON without a JSON Feed "version"\)/],
    ['broken JSON', '{"version": ]', /invalid JSON/],
  ])('%s is a ParseError naming the source', async (_label, text, message) => {
    const error = await parse(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).reason).toBe('not-a-feed');
    expect((error as ParseError).message).toMatch(/^source "hostile" \(https:\/\/feeds\.example\.com\/feed\.xml\): /);
    expect((error as ParseError).message).toMatch(message);
  });

  it('a JSON Feed served as XML is still read', async () => {
    const feed = await parse(' {"version":"https://jsonfeed.org/version/1","items":[{"id":"a","url":"https://j.example/a"}]}');
    expect(feed.detectedType).toBe('jsonfeed-1.0');
  });
});

describe('case 22: heterogeneous shapes become strings', () => {
  it('the rss-parser fallback flattens {_, $} categories and object titles', async () => {
    const feed = await parseWithRssParser(
      rss('<item><title>T</title><link>https://h.example/1</link><category domain="x">WithAttr</category><category>Plain</category></item>'),
      'https://f.example/',
      'rss-2.0',
    );
    expect(feed.items[0]!.categories).toEqual(['WithAttr', 'Plain']);
    expect(asText({ div: [{ _: 'Acme', $: { xmlns: 'x' }, em: ['beats'] }] })).toBe('Acme');
    expect(asText({ $: { type: 'xhtml' }, div: [{ span: ['a'], b: ['c'] }] })).toBe('a c');
    expect(asText([{}, 'x'])).toBe('x');
  });

  it('the extractor never yields anything but strings', async () => {
    const feed = await parse(rss('<item><title><b>bold</b> title</title><category><x>nested</x></category><link>https://h.example/1</link></item>'));
    expect(feed.items[0]!.title).toBe('<b>bold</b> title');
    expect(feed.items[0]!.categories).toEqual(['<x>nested</x>']);
  });
});

describe('case 23: oversized content is capped and counted', () => {
  it('a 1 MB title, a 300 KB body and 10,000 categories', async () => {
    const categories = Array.from({ length: 10_000 }, (_, i) => `<category>c${i}</category>`).join('');
    const feed = await parse(rss(`<item><title>${'T'.repeat(1_000_000)}</title><description>${'d'.repeat(300_000)}</description>${categories}<link>https://h.example/1</link></item>`));
    expect(feed.items[0]!.title!.length).toBe(2_000);
    expect(feed.items[0]!.summaryHtml!.length).toBe(200_000);
    expect(feed.items[0]!.categories).toHaveLength(50);
    expect(feed.problems.map((p) => p.reason).sort()).toEqual(['body-too-long', 'title-too-long', 'too-many-categories']);
  });

  it('more items than the per-fetch cap are reported, not silently dropped', async () => {
    const items = Array.from({ length: 5_002 }, (_, i) => `<item><link>https://h.example/${i}</link></item>`).join('');
    const feed = await parse(rss(items));
    expect(feed.items).toHaveLength(5_000);
    expect(feed.problems).toEqual([expect.objectContaining({ reason: 'too-many-items', outcome: 'dropped' })]);
  });
});

describe('case 24: Unicode tricks pass through intact, lone surrogates never crash', () => {
  it('RTL override, zero-width joiners, homoglyphs, NFD, emoji ZWJ', async () => {
    const tricky = ['Acme\u202Egnp.exe', 'Ac\u200Dme', '\u0410cme', 'Socie\u0301te\u0301', '👩‍💻 Acme'];
    const feed = await parse(rss(tricky.map((title, i) => item(title, i)).join('')));
    expect(feed.items.map((i) => i.title)).toEqual(tricky);
  });

  it('lone surrogates from numeric references or JSON escapes', async () => {
    const xml = await parse(rss(item('bad &#xD800; ref')));
    expect(xml.items[0]!.title).toBe('bad \uFFFD ref');
    const json = await parse('{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","url":"https://j.example/1","title":"lone \\ud800 here"}]}');
    expect(json.items[0]!.title).toBe('lone \uFFFD here');
  });
});
