import type { LookupFunction } from 'node:net';
import { fetchSchema, type FetchConfig } from '../../../src/config/schema.js';
import { createHttpFetcher } from '../../../src/connectors/http/create-http-fetcher.js';
import type { HttpFetcher } from '../../../src/connectors/http/http-fetcher.js';
import { silentLogger } from '../../../src/platform/logger.js';

/** A resolver from a fixed table (RFC 6761 `*.test` names), counting calls. */
export function tableLookup(table: Record<string, string[] | (() => string[])>): LookupFunction & { calls: number } {
  const fn = ((hostname: string, _options: unknown, callback: (error: NodeJS.ErrnoException | null, addresses: { address: string; family: number }[]) => void) => {
    fn.calls += 1;
    const entry = table[hostname];
    if (entry === undefined) {
      const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      setImmediate(() => callback(error, []));
      return;
    }
    const addresses = typeof entry === 'function' ? entry() : entry;
    setImmediate(() => callback(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))));
  }) as unknown as LookupFunction & { calls: number };
  fn.calls = 0;
  return fn;
}

/** A fetcher for tests: real undici, real sockets; `connected` records every address a socket was opened to. */
export function testFetcher(overrides: Partial<FetchConfig> = {}, lookup?: LookupFunction): HttpFetcher & { connected: string[] } {
  const connected: string[] = [];
  const config = { ...fetchSchema.parse(undefined), perHost: { concurrency: 4, minDelay: 0 }, ...overrides };
  const fetcher = createHttpFetcher(config, {
    logger: silentLogger(),
    ...(lookup ? { lookup } : {}),
    onConnect: (address) => {
      // The suite's safety net: nothing but loopback may ever reach the socket layer.
      if (!address.startsWith('127.') && address !== '::1') throw new Error(`test tried to connect to ${address}`);
      connected.push(address);
    },
  });
  return Object.assign(fetcher, { connected });
}

/** Allowlist entry opening one loopback port. */
export const allowPort = (port: number) => ({ host: '127.0.0.1', ports: [port] });
