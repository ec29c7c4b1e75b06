import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserInputError } from '../core/errors.js';
import { OFFICIAL_ACCOUNT, SAMPLE_INSTANCE, accountJson } from './render-mastodon.js';
import { buildSampleSite, type SampleSite } from './sample-feeds.js';
import type { SampleResponse } from './sample-types.js';
import { startOfUtcDay } from './seeded.js';
import { pageTimeline } from './timeline-paging.js';

export interface SampleServerOptions {
  /** Port to listen on; 0 picks a free one (tests). */
  port: number;
  /** Defaults to 127.0.0.1: the samples are never served beyond loopback unless asked. */
  host?: string;
  now: () => Date;
}

export interface SampleServer {
  /** Base URL, e.g. `http://127.0.0.1:4719`. */
  url: string;
  close(): Promise<void>;
}

/** Mastodon's account lookup (`?acct=AcmeRail`), which the connector calls before the statuses. */
const ACCOUNT_LOOKUP_PATH = '/api/v1/accounts/lookup';

interface Prepared extends SampleResponse {
  etag: string;
}

function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('hex').slice(0, 24)}"`;
}

/** RFC 9110: If-None-Match wins over If-Modified-Since; weak comparison for GET and HEAD. */
function notModified(request: IncomingMessage, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const strip = (tag: string): string => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => strip(tag) === strip(etag));
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}

function send(request: IncomingMessage, response: ServerResponse, prepared: Prepared, lastModified: Date, extra: Record<string, string> = {}): void {
  const headers = { ETag: prepared.etag, 'Last-Modified': lastModified.toUTCString(), 'Cache-Control': 'no-cache', ...extra };
  if (notModified(request, prepared.etag, lastModified)) {
    response.writeHead(304, headers).end();
    return;
  }
  response.writeHead(200, { ...headers, 'Content-Type': prepared.contentType, 'Content-Length': Buffer.byteLength(prepared.body) });
  response.end(request.method === 'HEAD' ? undefined : prepared.body);
}

function plain(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end(`${text}\n`);
}

/**
 * Serves the bundled sample feeds over HTTP on loopback, with ETag and Last-Modified so re-polls
 * get cheap 304s. Content is rebuilt when `now()` enters a new UTC day, never in between.
 * Rejects with a `UserInputError` when the port is taken.
 */
export async function startSampleServer(options: SampleServerOptions): Promise<SampleServer> {
  let site: SampleSite | null = null;
  let prepared = new Map<string, Prepared>();
  const current = (): SampleSite => {
    const day = startOfUtcDay(options.now()).getTime();
    if (!site || site.builtAt.getTime() !== day) {
      site = buildSampleSite(new Date(day));
      prepared = new Map([...site.feeds].map(([path, doc]) => [path, { ...doc, etag: etagOf(doc.body) }]));
    }
    return site;
  };
  const host = options.host ?? '127.0.0.1';
  let base = '';

  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      plain(response, 405, 'method not allowed: the sample server answers GET and HEAD', { Allow: 'GET, HEAD' });
      return;
    }
    const url = new URL(request.url ?? '/', base);
    const today = current();
    if (url.pathname === '/') {
      plain(response, 200, ['hubwatch sample feeds:', ...[...today.feeds.keys()].map((path) => `${base}${path}`)].join('\n'));
      return;
    }
    if (url.pathname === ACCOUNT_LOOKUP_PATH) {
      const acct = (url.searchParams.get('acct') ?? '').replace(/^@/, '').toLowerCase();
      const local = acct.endsWith(`@${SAMPLE_INSTANCE}`) ? acct.slice(0, -SAMPLE_INSTANCE.length - 1) : acct;
      if (local !== OFFICIAL_ACCOUNT.username.toLowerCase()) {
        response.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' }).end('{"error":"Record not found"}');
        return;
      }
      const body = JSON.stringify(accountJson(OFFICIAL_ACCOUNT, today.builtAt.toISOString().slice(0, 10)));
      send(request, response, { contentType: 'application/json; charset=utf-8', body, etag: etagOf(body) }, today.builtAt);
      return;
    }
    const timeline = today.timelines.get(url.pathname);
    if (timeline) {
      const page = pageTimeline(timeline, url.searchParams, `${base}${url.pathname}${url.search}`);
      const body = JSON.stringify(page.statuses);
      const doc: Prepared = { contentType: 'application/json; charset=utf-8', body, etag: etagOf(body) };
      send(request, response, doc, today.builtAt, page.link ? { Link: page.link } : {});
      return;
    }
    const doc = prepared.get(url.pathname);
    if (!doc) {
      plain(response, 404, `not found: ${url.pathname} (GET ${base}/ lists the sample feeds)`);
      return;
    }
    send(request, response, doc, today.builtAt);
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const hint = error.code === 'EADDRINUSE' ? 'is in use (stop the other process, or set samples.port in the configuration)' : `cannot be opened (${error.code ?? error.message})`;
      reject(new UserInputError(`sample server: ${host}:${options.port} ${hint}`, 'port-unavailable'));
    };
    server.once('error', onError);
    server.listen(options.port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: base,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
