import ipaddr from 'ipaddr.js';
import type { FetchConfig } from '../../config/schema.js';

/** Why an address or URL was refused (the `reason` carried by the FetchError). */
export type EgressRefusal =
  | { allowed: true }
  | { allowed: false; reason: 'bad-scheme' | 'credentials-in-url' | 'port-not-allowed' | 'private-address' | 'bad-address'; detail: string };

type AllowEntry = FetchConfig['allow'][number];

const WEB_PORTS = new Set([80, 443]);

/**
 * Ranges no feed lives in, which a host-name entry does not open (cloud metadata at
 * 169.254.169.254 is link-local): a name whose DNS turns hostile must not reach them. Only a
 * `cidr` or IP `host` entry naming the address opens them.
 */
const NEVER_BY_NAME = new Set(['linkLocal', 'unspecified', 'multicast', 'broadcast', 'reserved']);

/** Parses an address, unwrapping IPv4-mapped IPv6 (`::ffff:7f00:1` is 127.0.0.1) so it is judged as IPv4. */
export function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (!ipaddr.isValid(bare)) return null;
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed;
}

/**
 * The range an address falls in (`unicast` for ordinary public addresses). Everything but
 * `unicast` is refused: loopback, private, link-local, CGNAT, unspecified, multicast, reserved,
 * unique-local, and the IPv6 transition ranges (6to4, Teredo, NAT64) that can embed any IPv4.
 */
export function addressRange(address: ipaddr.IPv4 | ipaddr.IPv6): string {
  return address.range();
}

function normaliseHost(host: string): string {
  const lower = host.toLowerCase().replace(/\.$/, '');
  return lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
}

/**
 * The egress policy, applied before a request is made (scheme, credentials, port) and again at
 * connect time on every resolved address of every hop. An allowlist entry opens a host name, or a
 * network, optionally only on some ports; without one, only public unicast addresses on ports 80
 * and 443 are reachable.
 */
export class EgressPolicy {
  private readonly hosts: { host: string; ports: Set<number> | null }[] = [];
  private readonly networks: { range: [ipaddr.IPv4 | ipaddr.IPv6, number]; ports: Set<number> | null }[] = [];

  constructor(allow: readonly AllowEntry[]) {
    for (const entry of allow) {
      const ports = entry.ports ? new Set(entry.ports) : null;
      if (entry.host !== undefined) {
        const host = normaliseHost(entry.host);
        const literal = parseAddress(host);
        // An IP literal in `host` is an address entry: it must match however the URL spelled it.
        if (literal) this.networks.push({ range: [literal, literal.kind() === 'ipv4' ? 32 : 128], ports });
        else this.hosts.push({ host, ports });
      }
      if (entry.cidr !== undefined) {
        const [base, bits] = ipaddr.parseCIDR(entry.cidr);
        const unwrapped = parseAddress(base.toString()) ?? base;
        const prefix = unwrapped.kind() !== base.kind() ? Math.max(0, bits - 96) : bits;
        this.networks.push({ range: [unwrapped, prefix], ports });
      }
    }
  }

  /** Checks what can be judged from the URL alone: scheme, credentials, and the port for public hosts. */
  checkUrl(url: URL): EgressRefusal {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return { allowed: false, reason: 'bad-scheme', detail: `scheme ${url.protocol} is not allowed (only http and https)` };
    }
    if (url.username !== '' || url.password !== '') {
      return { allowed: false, reason: 'credentials-in-url', detail: 'user:password@ in a feed URL is refused (use source options for credentials)' };
    }
    return { allowed: true };
  }

  /** Judges one resolved address for a request to `host:port`. */
  checkAddress(host: string, port: number, addressText: string): EgressRefusal {
    const address = parseAddress(addressText);
    if (!address) return { allowed: false, reason: 'bad-address', detail: `resolver returned an invalid address` };
    const hostName = normaliseHost(host);
    const openByName = !NEVER_BY_NAME.has(addressRange(address));
    for (const entry of this.hosts) {
      if (openByName && entry.host === hostName && (entry.ports === null || entry.ports.has(port))) return { allowed: true };
    }
    for (const entry of this.networks) {
      if (address.kind() === entry.range[0].kind() && address.match(entry.range) && (entry.ports === null || entry.ports.has(port))) {
        return { allowed: true };
      }
    }
    const range = addressRange(address);
    if (range !== 'unicast') {
      return { allowed: false, reason: 'private-address', detail: `address not allowed (${range} range)` };
    }
    if (!WEB_PORTS.has(port)) {
      return { allowed: false, reason: 'port-not-allowed', detail: `port ${port} is not allowed (80 and 443 only, unless allowlisted)` };
    }
    return { allowed: true };
  }
}

/** The port a URL connects to. */
export function urlPort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}
