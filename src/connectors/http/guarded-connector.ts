import { isIP, type LookupFunction } from 'node:net';
import { lookup as dnsLookup } from 'node:dns';
import { buildConnector } from 'undici';
import type { EgressPolicy } from './egress-policy.js';

/** Thrown inside the connector when the policy refuses an address; no socket has been opened. */
export class EgressRefusedError extends Error {
  constructor(
    readonly reason: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'EgressRefusedError';
  }
}

/** Thrown when the resolver fails; `code` is the resolver's (ENOTFOUND, EAI_AGAIN). */
export class ResolveError extends Error {
  constructor(
    readonly code: string,
    readonly host: string,
  ) {
    super(`cannot resolve ${host} (${code})`);
    this.name = 'ResolveError';
  }
}

function resolveAll(lookup: LookupFunction, host: string, timeoutMs: number): Promise<string[]> {
  if (isIP(host) !== 0) return Promise.resolve([host]);
  // RFC 6761: localhost names are loopback whatever a resolver says (`LOCALHOST.` included).
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return Promise.resolve(['127.0.0.1']);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new ResolveError('ETIMEOUT', host)), timeoutMs);
    lookup(host, { all: true }, (error, addresses) => {
      clearTimeout(timer);
      if (error) return reject(new ResolveError(error.code ?? 'EDNS', host));
      const list = Array.isArray(addresses) ? addresses.map((entry) => entry.address) : [addresses];
      if (list.length === 0) return reject(new ResolveError('ENOTFOUND', host));
      resolve(list);
    });
  });
}

export interface GuardedConnectorOptions {
  policy: EgressPolicy;
  lookup?: LookupFunction;
  connectTimeoutMs: number;
  /** Called with the address right before a socket is opened (tests assert on it). */
  onConnect?: (address: string, port: number) => void;
}

/**
 * An undici connector that resolves the host itself, judges every answer with the egress policy
 * (one refused answer refuses the connection: fail closed), and connects to the judged address, so
 * the address checked is the address used (no rebinding window). TLS keeps the original name for
 * SNI and certificate checks.
 */
export function guardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const base = buildConnector({ timeout: options.connectTimeoutMs });
  const lookup = options.lookup ?? (dnsLookup as LookupFunction);
  return (connectOptions, callback) => {
    const host = connectOptions.hostname.replace(/^\[|\]$/g, '');
    const port = Number(connectOptions.port) || (connectOptions.protocol === 'https:' ? 443 : 80);
    resolveAll(lookup, host, options.connectTimeoutMs).then(
      (addresses) => {
        for (const address of addresses) {
          const verdict = options.policy.checkAddress(host, port, address);
          if (!verdict.allowed) return callback(new EgressRefusedError(verdict.reason, verdict.detail), null);
        }
        const address = addresses[0]!;
        try {
          options.onConnect?.(address, port);
        } catch (error) {
          return callback(error as Error, null);
        }
        base({ ...connectOptions, hostname: address }, callback);
      },
      (error: unknown) => callback(error as Error, null),
    );
  };
}
