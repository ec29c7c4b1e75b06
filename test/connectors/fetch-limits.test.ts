import type { LookupFunction } from 'node:net';
import { createGzip, createBrotliCompress, constants } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/core/errors.js';
import { startLoopbackServer, type LoopbackServer } from './support/loopback-server.js';
import { allowPort, tableLookup, testFetcher } from './support/fetcher.js';

// Reliability catalogue cases 6-8: decompression bombs, oversized bodies, slow answers.

const MiB = 1024 * 1024;

function compressZeros(total: number, compressor: NodeJS.ReadWriteStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    compressor.on('data', (chunk: Buffer) => chunks.push(chunk));
    compressor.on('end', () => resolve(Buffer.concat(chunks)));
    compressor.on('error', reject);
    const zeros = Buffer.alloc(MiB);
    for (let written = 0; written < total; written += MiB) compressor.write(zeros);
    compressor.end();
  });
}

let gzipBomb: Buffer;
let brotliBomb: Buffer;
let server: LoopbackServer;
let closedEarly = 0;

beforeAll(async () => {
  gzipBomb = await compressZeros(256 * MiB, createGzip({ level: 9 }));
  brotliBomb = await compressZeros(64 * MiB, createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }));
  const chained = await compressZeros(4 * MiB, createGzip());
  server = await startLoopbackServer((req, res) => {
    res.on('close', () => {
      if (!res.writableFinished) closedEarly += 1;
    });
    switch (req.url) {
      case '/gzip-bomb':
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/xml' });
        return void res.end(gzipBomb);
      case '/brotli-bomb':
        res.writeHead(200, { 'content-encoding': 'br', 'content-type': 'application/xml' });
        return void res.end(brotliBomb);
      case '/chained':
        res.writeHead(200, { 'content-encoding': 'gzip, gzip', 'content-type': 'application/xml' });
        return void res.end(chained);
      case '/endless': {
        res.writeHead(200, { 'content-type': 'application/xml' });
        const chunk = Buffer.alloc(256 * 1024, 0x61);
        const pump = (): void => {
          while (res.write(chunk)) {
            if (res.destroyed) return;
          }
          res.once('drain', pump);
        };
        return pump();
      }
      case '/claims-huge':
        res.writeHead(200, { 'content-length': String(10 * 1024 * MiB), 'content-type': 'application/xml' });
        return void res.write('<rss>');
      case '/slow-drip': {
        res.writeHead(200, { 'content-type': 'application/xml' });
        const timer = setInterval(() => res.write('<'), 100);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case '/no-headers':
        return; // never answers
      default:
        res.writeHead(404);
        res.end();
    }
  });
});
afterAll(async () => server.close());

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('case 6: decompression bombs stop at the decoded cap', () => {
  it.each(['/gzip-bomb', '/brotli-bomb'])('%s → too-large within a second, memory bounded', async (path) => {
    const fetcher = testFetcher({ allow: [allowPort(server.port)] });
    global.gc?.();
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const error = await failure(fetcher.fetch({ url: server.url(path) }));
    expect(error.reason).toBe('too-large');
    expect(error.message).toMatch(/refused, not truncated/);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * MiB);
    await fetcher.close();
  });

  it('refuses stacked content-encodings', async () => {
    const fetcher = testFetcher({ allow: [allowPort(server.port)] });
    expect((await failure(fetcher.fetch({ url: server.url('/chained') }))).reason).toBe('content-encoding');
    await fetcher.close();
  });
});

describe('case 7: oversized bodies are refused, never truncated', () => {
  it('an endless chunked body stops at the cap', async () => {
    const fetcher = testFetcher({ allow: [allowPort(server.port)], maxBytes: 2 * MiB });
    expect((await failure(fetcher.fetch({ url: server.url('/endless') }))).reason).toBe('too-large');
    await fetcher.close();
  });

  it('a Content-Length past the cap is refused before reading', async () => {
    const fetcher = testFetcher({ allow: [allowPort(server.port)] });
    const started = Date.now();
    expect((await failure(fetcher.fetch({ url: server.url('/claims-huge') }))).reason).toBe('too-large');
    expect(Date.now() - started).toBeLessThan(1000);
    await fetcher.close();
  });
});

describe('case 8: the overall deadline cannot be stretched', () => {
  it.each(['/slow-drip', '/no-headers'])('%s → timeout at the deadline, socket closed', async (path) => {
    const fetcher = testFetcher({ allow: [allowPort(server.port)], timeout: 1 });
    const closedBefore = closedEarly;
    const started = Date.now();
    const error = await failure(fetcher.fetch({ url: server.url(path) }));
    expect(error).toMatchObject({ reason: 'timeout', retryable: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(2000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closedEarly).toBe(closedBefore + 1);
    await fetcher.close();
  });

  it('a resolver that never answers is cut by the deadline (case 9, slow DNS)', async () => {
    const hanging = (() => undefined) as unknown as LookupFunction;
    const fetcher = testFetcher({ timeout: 1 }, hanging);
    const started = Date.now();
    expect((await failure(fetcher.fetch({ url: 'http://slow-dns.test/' }))).reason).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    await fetcher.close();
  });

  it('a caller signal cancels a request', async () => {
    const fetcher = testFetcher({ allow: [allowPort(server.port)] });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect((await failure(fetcher.fetch({ url: server.url('/no-headers'), signal: controller.signal }))).reason).toBe('cancelled');
    await fetcher.close();
  });

  it('keeps the lookup table helper honest', () => {
    expect(tableLookup({}).calls).toBe(0);
  });
});
