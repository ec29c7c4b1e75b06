import type { LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSource } from '../../src/app/source-test-service.js';
import { HubwatchError, FetchError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/platform/logger.js';
import { startLoopbackServer, serve, type LoopbackServer } from './support/loopback-server.js';
import { allowPort, tableLookup, testFetcher } from './support/fetcher.js';

// Reliability catalogue cases 1-5: egress policy at connect time, on every hop and every address.

let canary: LoopbackServer;
let feed: LoopbackServer;
beforeAll(async () => {
  canary = await startLoopbackServer(serve('secret internal page'));
  feed = await startLoopbackServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/to/')) {
      res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: decodeURIComponent(url.pathname.slice(4)) + (url.search.includes('next=') ? '' : '') });
      return void res.end();
    }
    if (url.pathname.startsWith('/chain/')) {
      const n = Number(url.pathname.slice(7));
      res.writeHead(302, { location: n > 0 ? `/chain/${n - 1}` : '/ok' });
      return void res.end();
    }
    if (url.pathname === '/loop') {
      res.writeHead(302, { location: '/loop2' });
      return void res.end();
    }
    if (url.pathname === '/loop2') {
      res.writeHead(302, { location: '/loop' });
      return void res.end();
    }
    res.writeHead(200, { 'content-type': 'text/plain', connection: 'close' });
    res.end('ok');
  });
});
afterAll(async () => {
  await canary.close();
  await feed.close();
});

async function refusal(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('case 1: internal targets are refused before any socket opens', () => {
  const targets: Record<string, string> = {
    'meta.test': '169.254.169.254', 'rfc1918-a.test': '10.0.0.5', 'rfc1918-b.test': '172.16.4.4', 'rfc1918-c.test': '192.168.1.1',
    'cgnat.test': '100.64.0.1', 'zero.test': '0.0.0.0', 'loop.test': '127.0.0.1', 'v6loop.test': '::1', 'ula.test': 'fc00::1',
    'linklocal6.test': 'fe80::1', 'multicast.test': '224.0.0.1', 'reserved.test': '240.0.0.1', 'mapped.test': '::ffff:10.0.0.1',
    'nat64.test': '64:ff9b::a00:1', 'broadcast.test': '255.255.255.255', 'docnet.test': '192.0.2.1',
  };
  it.each(Object.entries(targets))('%s → %s', async (host, address) => {
    const lookup = tableLookup({ [host]: [address] });
    const fetcher = testFetcher({}, lookup);
    const error = await refusal(fetcher.fetch({ url: `http://${host}/feed` }));
    expect(error.reason).toBe('egress-blocked');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(host);
    expect(lookup.calls).toBe(1);
    expect(fetcher.connected).toEqual([]);
    await fetcher.close();
  });

  it.each(['http://169.254.169.254/latest/meta-data/', 'http://10.1.2.3/', 'http://[::1]/', 'http://[fe80::1]/', 'http://[fc00::5]/', 'http://0.0.0.0/'])(
    'literal %s',
    async (url) => {
      const fetcher = testFetcher();
      expect((await refusal(fetcher.fetch({ url }))).reason).toBe('egress-blocked');
      expect(fetcher.connected).toEqual([]);
      await fetcher.close();
    },
  );

  it('loopback canary with an empty allowlist gets no connection', async () => {
    const fetcher = testFetcher();
    expect((await refusal(fetcher.fetch({ url: canary.url('/') }))).reason).toBe('egress-blocked');
    expect(canary.connections).toBe(0);
    await fetcher.close();
  });
});

describe('case 2: alternate IP notations all classify as what they are', () => {
  const variants = ['2130706433', '0x7f.1', '0177.0.0.1', '127.1', '0', '[::ffff:7f00:1]', '[::ffff:127.0.0.1]', 'LOCALHOST.', 'localhost', '%31%32%37.0.0.1'];
  it.each(variants)('http://%s:<canary>/', async (host) => {
    const fetcher = testFetcher();
    const error = await refusal(fetcher.fetch({ url: `http://${host}:${canary.port}/` }));
    expect(error.reason).toBe('egress-blocked');
    expect(canary.connections).toBe(0);
    await fetcher.close();
  });

  it('refuses credentials in the URL and never echoes them', async () => {
    const fetcher = testFetcher({ allow: [allowPort(feed.port)] });
    const error = await refusal(fetcher.fetch({ url: `http://alice:hunter2@127.0.0.1:${feed.port}/` }));
    expect(error.reason).toBe('egress-blocked');
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('alice');
    await fetcher.close();
  });

  it('opens an allowlisted loopback port, and only that port', async () => {
    const fetcher = testFetcher({ allow: [allowPort(feed.port)] });
    const response = await fetcher.fetch({ url: feed.url('/ok') });
    expect(response.body.toString()).toBe('ok');
    expect((await refusal(fetcher.fetch({ url: canary.url('/') }))).reason).toBe('egress-blocked');
    expect(canary.connections).toBe(0);
    await fetcher.close();
  });
});

describe('case 3: every redirect hop goes through the policy', () => {
  it('a 302 from an allowed feed to an internal host is refused, canary untouched', async () => {
    const fetcher = testFetcher({ allow: [allowPort(feed.port)] });
    const error = await refusal(fetcher.fetch({ url: feed.url(`/to/${encodeURIComponent(canary.url('/'))}`) }));
    expect(error.reason).toBe('egress-blocked');
    expect(canary.connections).toBe(0);
    await fetcher.close();
  });

  it('refuses a file: Location', async () => {
    const fetcher = testFetcher({ allow: [allowPort(feed.port)] });
    const error = await refusal(fetcher.fetch({ url: feed.url(`/to/${encodeURIComponent('file:///etc/passwd')}`) }));
    expect(error.reason).toBe('egress-blocked');
    expect(error.message).toContain('file:');
    await fetcher.close();
  });

  it('follows up to five relative hops and refuses a sixth', async () => {
    const fetcher = testFetcher({ allow: [allowPort(feed.port)] });
    expect((await fetcher.fetch({ url: feed.url('/chain/4') })).finalUrl).toBe(feed.url('/ok'));
    expect((await refusal(fetcher.fetch({ url: feed.url('/chain/5') }))).reason).toBe('too-many-redirects');
    expect((await refusal(fetcher.fetch({ url: feed.url('/loop') }))).reason).toMatch(/redirect-loop|too-many-redirects/);
    await fetcher.close();
  });

  it('reports a 301 target only when the whole chain was permanent and the target answered', async () => {
    const fetcher = testFetcher({ allow: [allowPort(feed.port)] });
    const moved = await fetcher.fetch({ url: feed.url(`/to/${encodeURIComponent('/ok')}?status=301`) });
    expect(moved.permanentlyMovedTo).toBe(feed.url('/ok'));
    const temporary = await fetcher.fetch({ url: feed.url(`/to/${encodeURIComponent('/ok')}?status=302`) });
    expect(temporary.permanentlyMovedTo).toBeNull();
    const blocked = await refusal(fetcher.fetch({ url: feed.url(`/to/${encodeURIComponent(canary.url('/'))}?status=301`) }));
    expect(blocked.reason).toBe('egress-blocked');
    await fetcher.close();
  });
});

describe('case 4: DNS rebinding and multi-answer DNS fail closed', () => {
  it('judges the address at connect time; a second answer pointing inside is refused', async () => {
    const good = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { connection: 'close' });
      res.end('ok');
    }, '127.0.0.2');
    const trap = await startLoopbackServer(serve('internal'), '127.0.0.3');
    let call = 0;
    const lookup = tableLookup({ 'rebind.test': () => (++call === 1 ? ['127.0.0.2'] : ['127.0.0.3']), 'multi.test': ['127.0.0.2', '127.0.0.3'] });
    const fetcher = testFetcher({ allow: [{ cidr: '127.0.0.2/32', ports: [good.port, trap.port] }] }, lookup);
    expect((await fetcher.fetch({ url: `http://rebind.test:${good.port}/` })).body.toString()).toBe('ok');
    const error = await refusal(fetcher.fetch({ url: `http://rebind.test:${trap.port}/` }));
    expect(error.reason).toBe('egress-blocked');
    expect((await refusal(fetcher.fetch({ url: `http://multi.test:${trap.port}/` }))).reason).toBe('egress-blocked');
    expect(trap.connections).toBe(0);
    expect(fetcher.connected).toEqual(['127.0.0.2']);
    await fetcher.close();
    await good.close();
    await trap.close();
  });

  it('maps resolver failures: NXDOMAIN is permanent, EAI_AGAIN is retried (case 9)', async () => {
    const failing = ((_host: string, _options: unknown, callback: (error: NodeJS.ErrnoException) => void) => {
      setImmediate(() => callback(Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' })));
    }) as unknown as LookupFunction;
    const nx = testFetcher({}, tableLookup({}));
    const nxError = await refusal(nx.fetch({ url: 'http://nowhere.test/' }));
    expect(nxError).toMatchObject({ reason: 'dns-not-found', retryable: false });
    const again = testFetcher({}, failing);
    expect(await refusal(again.fetch({ url: 'http://flaky.test/' }))).toMatchObject({ reason: 'dns-failure', retryable: true });
    await nx.close();
    await again.close();
  });
});

describe('case 5: only http(s), only web ports unless allowlisted', () => {
  it.each(['file:///etc/passwd', 'gopher://example.com/', 'ftp://example.com/feed', 'data:text/xml,<rss/>', 'javascript:alert(1)'])('%s', async (url) => {
    const fetcher = testFetcher();
    const error = await refusal(fetcher.fetch({ url }));
    expect(error.reason).toBe('egress-blocked');
    expect(error.message).toMatch(/scheme/);
    await fetcher.close();
  });

  it.each([6379, 9200, 25])('a public address on port %i is refused before connecting', async (port) => {
    const fetcher = testFetcher({}, tableLookup({ 'public.test': ['93.184.216.34'] }));
    const error = await refusal(fetcher.fetch({ url: `http://public.test:${port}/` }));
    expect(error.reason).toBe('egress-blocked');
    expect(error.message).toContain(`port ${port}`);
    expect(fetcher.connected).toEqual([]);
    await fetcher.close();
  });
});

describe('case 6: what an allowlist entry opens, and no more', () => {
  it('--allow-private for one port does not open the other ports of that address to a redirect', async () => {
    const before = canary.connections;
    const error = await testSource(
      { url: feed.url(`/to/${encodeURIComponent(canary.url('/'))}`), type: 'rss', allowPrivate: true },
      { logger: silentLogger(), now: () => new Date() },
    ).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(HubwatchError);
    expect((error as HubwatchError).message).toMatch(new RegExp(`127\\.0\\.0\\.1:${canary.port}.*not allowed`));
    expect(canary.connections).toBe(before);
  });

  it('a host name allowed for an on-premise feed that resolves to a link-local (metadata) address is refused', async () => {
    for (const address of ['169.254.169.254', '0.0.0.0', '224.0.0.1', 'fe80::1']) {
      const fetcher = testFetcher({ allow: [{ host: 'intranet.test' }] }, tableLookup({ 'intranet.test': [address] }));
      const error = await refusal(fetcher.fetch({ url: `http://intranet.test:${feed.port}/ok` }));
      expect(error.reason, address).toBe('egress-blocked');
      expect(error.message).toMatch(/address not allowed/);
      expect(fetcher.connected).toEqual([]);
      await fetcher.close();
    }
    // What the entry is for still works: the name's private (here loopback) address.
    const fetcher = testFetcher({ allow: [{ host: 'intranet.test' }] }, tableLookup({ 'intranet.test': ['127.0.0.1'] }));
    expect((await fetcher.fetch({ url: `http://intranet.test:${feed.port}/ok` })).body.toString()).toBe('ok');
    await fetcher.close();
  });
});
