import { describe, expect, it } from 'vitest';
import { EgressPolicy, parseAddress } from './egress-policy.js';

const closed = new EgressPolicy([]);

describe('EgressPolicy', () => {
  it.each(['127.0.0.1', '10.0.0.1', '172.31.255.255', '192.168.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.5', '240.0.0.1', '::1', 'fc00::1', 'fd12::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::', '2002:7f00:1::', '64:ff9b::7f00:1'])(
    'refuses %s',
    (address) => {
      expect(closed.checkAddress('h.test', 443, address)).toMatchObject({ allowed: false, reason: 'private-address' });
    },
  );

  it.each(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34'])('lets %s through on 80/443 only', (address) => {
    expect(closed.checkAddress('h.test', 443, address).allowed).toBe(true);
    expect(closed.checkAddress('h.test', 80, address).allowed).toBe(true);
    expect(closed.checkAddress('h.test', 8080, address)).toMatchObject({ allowed: false, reason: 'port-not-allowed' });
  });

  it('classifies every textual form of random IPv4 addresses like the address itself (WHATWG URL + ipaddr.js)', () => {
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    for (let i = 0; i < 500; i += 1) {
      const octets = [next(), next(), next(), next()];
      const dotted = octets.join('.');
      const forms = [
        String(((octets[0]! << 24) >>> 0) + (octets[1]! << 16) + (octets[2]! << 8) + octets[3]!),
        octets.map((o) => `0x${o.toString(16)}`).join('.'),
        octets.map((o) => `0${o.toString(8)}`).join('.'),
        `[::ffff:${dotted}]`,
      ];
      const expected = closed.checkAddress('h', 443, dotted).allowed;
      for (const form of forms) {
        const host = new URL(`http://${form}/`).hostname;
        expect(closed.checkAddress('h', 443, host).allowed, `${form} (${dotted})`).toBe(expected);
      }
    }
  });

  it('opens allowlisted hosts, networks and ports only', () => {
    const policy = new EgressPolicy([{ host: 'feeds.intranet.example' }, { cidr: '10.1.0.0/16', ports: [8080] }, { host: '127.0.0.1', ports: [4719] }]);
    expect(policy.checkAddress('FEEDS.intranet.example.', 8443, '10.9.9.9').allowed).toBe(true);
    expect(policy.checkAddress('x.test', 8080, '10.1.2.3').allowed).toBe(true);
    expect(policy.checkAddress('x.test', 80, '10.1.2.3').allowed).toBe(false);
    expect(policy.checkAddress('x.test', 80, '10.2.0.1').allowed).toBe(false);
    expect(policy.checkAddress('127.1', 4719, '::ffff:127.0.0.1').allowed).toBe(true);
    expect(policy.checkAddress('127.0.0.1', 4720, '127.0.0.1').allowed).toBe(false);
  });

  it('checks scheme and credentials from the URL', () => {
    expect(closed.checkUrl(new URL('ftp://example.com/'))).toMatchObject({ allowed: false, reason: 'bad-scheme' });
    expect(closed.checkUrl(new URL('https://a:b@example.com/'))).toMatchObject({ allowed: false, reason: 'credentials-in-url' });
    expect(closed.checkUrl(new URL('https://example.com/feed')).allowed).toBe(true);
  });

  it('unwraps IPv4-mapped IPv6', () => {
    expect(parseAddress('::ffff:7f00:1')?.toString()).toBe('127.0.0.1');
    expect(parseAddress('not an address')).toBeNull();
  });
});
