import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceSchema } from '../../src/config/schema.js';
import { ParseError } from '../../src/core/errors.js';
import { toSourceDefinition, getManifest } from '../../src/connectors/registry.js';
import { startLoopbackServer, type LoopbackServer } from './support/loopback-server.js';
import { allowPort, testFetcher } from './support/fetcher.js';
import { fetchContext } from './support/fetch-context.js';

const golden = 'Société Générale – «€» œ';
const feedXml = (encodingDecl: string | null, title = golden) =>
  `<?xml version="1.0"${encodingDecl ? ` encoding="${encodingDecl}"` : ''}?><rss version="2.0"><channel><title>C</title><ttl>60</ttl><item><title>${title}</title><link>/a</link></item></channel></rss>`;

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    switch (url.pathname) {
      case '/feed':
        if (req.headers['if-none-match'] === '"e1"') {
          res.writeHead(304, { etag: '"e1"', 'cache-control': 'max-age=120' });
          return void res.end();
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"e1"', 'last-modified': 'Wed, 25 Nov 2026 10:00:00 GMT' });
        return void res.end(feedXml('utf-8'));
      case '/old':
        res.writeHead(301, { location: '/feed' });
        return void res.end();
      case '/login':
        res.writeHead(200, { 'content-type': 'text/html' });
        return void res.end('<html><head><title>Please log in</title></head><body><form></form></body></html>');
      case '/charset': {
        const combo = Number(url.searchParams.get('c'));
        const variants: [string | undefined, string | null, string][] = [
          ['text/xml; charset=ISO-8859-1', null, 'win1252'],
          ['text/xml', 'windows-1252', 'win1252'],
          [undefined, null, 'win1252'],
          ['application/rss+xml; charset=utf-8', 'iso-8859-1', 'utf8'],
          [undefined, 'ISO-8859-15', 'iso-8859-15'],
          ['text/xml; charset=windows-1252', 'utf-8', 'win1252'],
        ];
        const [contentType, declared, encoding] = variants[combo]!;
        const text = encoding === 'iso-8859-15' ? 'Société Générale «€» œ' : golden;
        res.writeHead(200, contentType ? { 'content-type': contentType } : {});
        return void res.end(iconv.encode(feedXml(declared, text), encoding));
      }
      default:
        res.writeHead(404);
        res.end();
    }
  });
});
afterAll(async () => server.close());

function rssSource(path: string) {
  return toSourceDefinition(sourceSchema.parse({ id: 'loop', type: 'rss', url: server.url(path) }));
}

describe('rss connector over loopback', () => {
  it('fetches, remembers ETag/Last-Modified, and a 304 costs no parsing', async () => {
    const fetcher = testFetcher({ allow: [allowPort(server.port)] });
    const connector = getManifest('rss')!.create();
    const first = await connector.fetch(rssSource('/feed'), {}, fetchContext(fetcher));
    expect(first).toMatchObject({ status: 'ok', detectedType: 'rss-2.0', minIntervalSeconds: 3600, cursor: { etag: '"e1"', lastModified: 'Wed, 25 Nov 2026 10:00:00 GMT' } });
    expect(first.items[0]).toMatchObject({ title: golden, link: server.url('/a') });
    const second = await connector.fetch(rssSource('/feed'), first.cursor, fetchContext(fetcher));
    expect(second).toMatchObject({ status: 'not-modified', items: [], minIntervalSeconds: 120 });
    await fetcher.close();
  });

  it('remembers a validated permanent redirect and uses it next time (case 3)', async () => {
    const fetcher = testFetcher({ allow: [allowPort(server.port)] });
    const connector = getManifest('rss')!.create();
    const outcome = await connector.fetch(rssSource('/old'), {}, fetchContext(fetcher));
    expect(outcome.cursor.movedTo).toBe(server.url('/feed'));
    const hits = server.requests.length;
    await connector.fetch(rssSource('/old'), outcome.cursor, fetchContext(fetcher));
    expect(server.requests.slice(hits).map((req) => req.url)).toEqual(['/feed']);
    await fetcher.close();
  });

  it('a login wall is a ParseError naming the source', async () => {
    const fetcher = testFetcher({ allow: [allowPort(server.port)] });
    const error = await getManifest('rss')!.create().fetch(rssSource('/login'), {}, fetchContext(fetcher)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as Error).message).toBe(`source "loop" (${server.url('/login')}): not a feed (found an HTML page titled "Please log in")`);
    await fetcher.close();
  });

  it.each([0, 1, 2, 3, 4, 5])('case 17: charset combination %i decodes to the golden string', async (combo) => {
    const fetcher = testFetcher({ allow: [allowPort(server.port)] });
    const outcome = await getManifest('rss')!.create().fetch(rssSource(`/charset?c=${combo}`), {}, fetchContext(fetcher));
    const title = outcome.items[0]!.title!;
    expect(title).toBe(combo === 4 ? 'Société Générale «€» œ' : golden);
    expect(title).not.toContain('\uFFFD');
    await fetcher.close();
  });
});
