import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSchema } from '../../src/config/schema.js';
import { createHttpFetcher } from '../../src/connectors/http/create-http-fetcher.js';
import { HostLimiter } from '../../src/connectors/http/host-limiter.js';
import { FetchError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/platform/logger.js';
import { startLoopbackServer, type LoopbackServer } from './support/loopback-server.js';
import { allowPort, testFetcher } from './support/fetcher.js';

// Reliability catalogue cases 10-12: TLS failures, HTTP semantics, per-host politeness.

let server: LoopbackServer;
let other: LoopbackServer;
let active = 0;
let maxActive = 0;
const starts: number[] = [];

beforeAll(async () => {
  server = await startLoopbackServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const status = url.searchParams.get('status');
    if (url.pathname === '/etag') {
      if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === 'Tue, 01 Jan 2026 00:00:00 GMT') {
        res.writeHead(304, { etag: '"v1"' });
        return void res.end();
      }
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Tue, 01 Jan 2026 00:00:00 GMT', 'cache-control': 'public, max-age=600' });
      return void res.end('<rss/>');
    }
    if (url.pathname === '/slow') {
      active += 1;
      maxActive = Math.max(maxActive, active);
      starts.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 30));
      active -= 1;
      res.writeHead(200);
      return void res.end('ok');
    }
    if (url.pathname === '/stall') {
      await new Promise((resolve) => setTimeout(resolve, Number(url.searchParams.get('ms') ?? 1500)));
      res.writeHead(200);
      return void res.end('late');
    }
    if (status) {
      const headers: Record<string, string> = {};
      const retryAfter = url.searchParams.get('retry');
      if (retryAfter) headers['retry-after'] = retryAfter;
      const expires = url.searchParams.get('expires');
      if (expires) headers['expires'] = expires;
      res.writeHead(Number(status), headers);
      return void res.end(status === '403' ? '<html><title>Just a moment...</title></html>' : '');
    }
    res.writeHead(404);
    res.end();
  });
  other = await startLoopbackServer((_req, res) => {
    res.writeHead(200);
    res.end('other');
  });
});
afterAll(async () => {
  await server.close();
  await other.close();
});

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('case 10: TLS problems fail closed', () => {
  let tls: Server | undefined;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    tls = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => res.end('<rss/>'));
    await new Promise<void>((resolve) => tls!.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => tls?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('a self-signed certificate is a retryable tls error, never a silent downgrade, and polling it stays flat in memory', async () => {
    const port = (tls!.address() as AddressInfo).port;
    const fetcher = testFetcher({ allow: [allowPort(port)] });
    const first = await failure(fetcher.fetch({ url: `https://127.0.0.1:${port}/feed` }));
    expect(first).toMatchObject({ reason: 'tls', retryable: true });
    global.gc?.();
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 200; i += 1) await fetcher.fetch({ url: `https://127.0.0.1:${port}/feed` }).catch(() => undefined);
    expect(process.memoryUsage().rss - before).toBeLessThan(30 * 1024 * 1024);
    await fetcher.close();
  });
});

describe('case 11: HTTP semantics', () => {
  it('sends conditional headers; a 304 costs no body', async () => {
    const fetcher = testFetcher({ allow: [allowPort(server.port)] });
    const first = await fetcher.fetch({ url: server.url('/etag') });
    expect(first).toMatchObject({ status: 200, notModified: false, freshForSeconds: 600 });
    expect(first.headers['etag']).toBe('"v1"');
    const second = await fetcher.fetch({ url: server.url('/etag'), etag: first.headers['etag'] ?? null, lastModified: first.headers['last-modified'] ?? null });
    expect(second).toMatchObject({ status: 304, notModified: true });
    expect(second.body.length).toBe(0);
    const last = server.requests.at(-1)!;
    expect(last.headers['if-none-match']).toBe('"v1"');
    expect(last.headers['user-agent']).toMatch(/hubwatch/);
    await fetcher.close();
  });

  it.each([
    [404, 'not-found', false],
    [410, 'gone', false],
    [401, 'forbidden', false],
    [403, 'forbidden', false],
    [500, 'http-500', true],
    [503, 'http-503', true],
  ] as const)('HTTP %i → %s (retryable: %s)', async (status, reason, retryable) => {
    const fetcher = testFetcher({ allow: [allowPort(server.port)] });
    const error = await failure(fetcher.fetch({ url: server.url(`/x?status=${status}`) }));
    expect(error).toMatchObject({ reason, retryable, status });
    expect(error.message).toContain(server.url('/x'));
    await fetcher.close();
  });

  it('reads Retry-After in seconds and as an HTTP date, and holds that host back without blocking others', async () => {
    const fetcher = testFetcher({ allow: [allowPort(server.port), allowPort(other.port)] });
    const seconds = await failure(fetcher.fetch({ url: server.url('/x?status=429&retry=120') }));
    expect(seconds).toMatchObject({ reason: 'rate-limited', retryable: true, status: 429, retryAfterSeconds: 120 });
    const hits = server.hits;
    const held = await failure(fetcher.fetch({ url: server.url('/etag') }));
    expect(held.reason).toBe('rate-limited');
    expect(server.hits).toBe(hits);
    expect((await fetcher.fetch({ url: other.url('/') })).body.toString()).toBe('other');
    await fetcher.close();
    const dated = testFetcher({ allow: [allowPort(server.port)] });
    const date = new Date(Date.now() + 90_000).toUTCString();
    const error = await failure(dated.fetch({ url: server.url(`/x?status=503&retry=${encodeURIComponent(date)}`) }));
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(88);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(91);
    await dated.close();
  });

  it('returns an empty 200 body as is (the connector judges it), and Expires: 0 as stale', async () => {
    const fetcher = testFetcher({ allow: [allowPort(server.port)] });
    const response = await fetcher.fetch({ url: server.url('/x?status=200&expires=0') });
    expect(response.body.length).toBe(0);
    expect(response.freshForSeconds).toBe(0);
    await fetcher.close();
  });
});

describe('case 12: per-host politeness', () => {
  it('keeps at most `concurrency` requests in flight per host and spaces their starts', async () => {
    const fetcher = testFetcher({ allow: [allowPort(server.port)], perHost: { concurrency: 2, minDelay: 0.02 } });
    maxActive = 0;
    starts.length = 0;
    await Promise.all(Array.from({ length: 12 }, () => fetcher.fetch({ url: server.url('/slow') })));
    expect(maxActive).toBeLessThanOrEqual(2);
    // Starts are spaced by the client; arrival times at the server can bunch on a loaded machine
    // (a new connection's set-up delays one request), so the span is checked, not each gap.
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(11 * 20 - 15);
    await fetcher.close();
  });

  it('a request that spends its deadline waiting for a slot behind a slow one says which deadline and where it went', async () => {
    // Two sources on one host, one slot: the slow one (longer deadline) holds it past the other's deadline.
    const politeness = new HostLimiter(1, 0);
    const base = { ...fetchSchema.parse(undefined), allow: [allowPort(server.port)] };
    const slowFetcher = createHttpFetcher({ ...base, timeout: 5 }, { logger: silentLogger(), politeness });
    const fetcher = createHttpFetcher({ ...base, timeout: 0.5 }, { logger: silentLogger(), politeness });
    const slow = slowFetcher.fetch({ url: server.url('/stall?ms=1200') });
    slow.catch(() => undefined);
    const waiting = await failure(fetcher.fetch({ url: server.url('/etag') }));
    expect(waiting.reason).toBe('timeout');
    expect(waiting.retryable).toBe(true);
    expect(waiting.message).not.toMatch(/operation was aborted/);
    expect(waiting.message).toContain(server.url('/etag'));
    expect(waiting.message).toMatch(new RegExp(`fetch\\.timeout \\(0\\.5 s\\).*waiting for a slot on host 127\\.0\\.0\\.1:${server.port} for 0\\.[45]\\d* s behind other requests`));
    await slow;
    // A deadline spent on the answer itself names the setting too.
    const late = await failure(fetcher.fetch({ url: server.url('/stall?ms=1200') }));
    expect(late.message).toMatch(/no complete answer within fetch\.timeout \(0\.5 s\)/);
    await fetcher.close();
    await slowFetcher.close();
  });

  it('paces fetchers that share one politeness together: one slot, one penalty', async () => {
    const politeness = new HostLimiter(1, 0);
    const config = { ...fetchSchema.parse(undefined), allow: [allowPort(server.port)] };
    const fetchers = [0, 1].map(() => createHttpFetcher(config, { logger: silentLogger(), politeness }));
    maxActive = 0;
    await Promise.all(Array.from({ length: 6 }, (_, i) => fetchers[i % 2]!.fetch({ url: server.url('/slow') })));
    expect(maxActive).toBe(1);
    await expect(fetchers[0]!.fetch({ url: server.url('/x?status=429&retry=60') })).rejects.toMatchObject({ reason: 'rate-limited' });
    const hits = server.hits;
    await expect(fetchers[1]!.fetch({ url: server.url('/etag') })).rejects.toMatchObject({ reason: 'rate-limited', retryAfterSeconds: 60 });
    expect(server.hits).toBe(hits);
    for (const fetcher of fetchers) await fetcher.close();
    // The caller owns a politeness it passed in: closing the fetchers leaves it working.
    expect(await politeness.blockedFor(`127.0.0.1:${server.port}`)).toBeGreaterThan(0);
  });
});
