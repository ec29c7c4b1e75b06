import type { LookupFunction } from 'node:net';
import { Agent, request as undiciRequest } from 'undici';
import type { FetchConfig } from '../../config/schema.js';
import { FetchError } from '../../core/errors.js';
import type { Logger } from '../../platform/logger.js';
import { freshnessSeconds, parseRetryAfter } from './cache-headers.js';
import { decodeBody } from './charset.js';
import { EgressPolicy } from './egress-policy.js';
import { displayUrl } from './display-url.js';
import { slotWaitError, toFetchError } from './fetch-errors.js';
import { guardedConnector } from './guarded-connector.js';
import { HostLimiter } from './host-limiter.js';
import type { HostPoliteness } from './host-politeness.js';
import type { HttpFetcher, HttpRequest, HttpResponse } from './http-fetcher.js';
import { readBody } from './read-body.js';

export interface HttpFetcherDeps {
  logger: Logger;
  /** Resolver (tests map `*.test` names to any address); defaults to `dns.lookup`. */
  lookup?: LookupFunction;
  /** Called right before a socket is opened, with the judged address (tests prove refusals open none). */
  onConnect?: (address: string, port: number) => void;
  now?: () => Date;
  /**
   * Per-host pacing shared with other fetchers (a Redis adapter in distributed mode); the caller
   * closes it. Default: in this process, from `config.perHost`, closed with the fetcher.
   */
  politeness?: HostPoliteness;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const DEFAULT_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5';

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * Builds the one fetcher every connector uses. See docs/connectors.md for the guarantees: egress
 * policy at connect time on every hop and address, manual redirects (≤ maxRedirects, no https→http),
 * an overall deadline slow bodies cannot stretch, a decoded-size cap, at most one content-encoding,
 * conditional GET, Retry-After/Cache-Control/Expires, charset decoding, per-host politeness.
 */
export function createHttpFetcher(config: FetchConfig, deps: HttpFetcherDeps): HttpFetcher {
  const policy = new EgressPolicy(config.allow);
  const timeoutMs = config.timeout * 1000;
  const now = deps.now ?? (() => new Date());
  const politeness = deps.politeness ?? new HostLimiter(config.perHost.concurrency, config.perHost.minDelay * 1000);
  const agent = new Agent({
    connect: guardedConnector({ policy, lookup: deps.lookup, connectTimeoutMs: Math.min(10_000, timeoutMs), onConnect: deps.onConnect }),
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 4_000,
  });
  const logger = deps.logger.child({ component: 'http-fetcher' });

  async function hop(url: URL, req: HttpRequest, signal: AbortSignal) {
    const where = displayUrl(url);
    const verdict = policy.checkUrl(url);
    if (!verdict.allowed) throw new FetchError(`${where}: ${verdict.detail}`, { reason: 'egress-blocked', retryable: false });
    const blocked = await politeness.blockedFor(url.host);
    if (blocked > 0) {
      throw new FetchError(`${where}: host asked us to wait (${blocked} s left)`, { reason: 'rate-limited', retryable: true, retryAfterSeconds: blocked });
    }
    const waitStarted = Date.now();
    let release: () => Promise<void>;
    try {
      release = await politeness.acquire(url.host, signal);
    } catch (error) {
      throw slotWaitError(error, { where, host: url.host, waitedMs: Date.now() - waitStarted, deadlineSeconds: config.timeout }, signal);
    }
    const waitedMs = Date.now() - waitStarted;
    try {
      const headers: Record<string, string> = {
        'user-agent': config.userAgent,
        accept: DEFAULT_ACCEPT,
        'accept-encoding': 'gzip, deflate, br',
        ...req.headers,
      };
      if (req.etag) headers['if-none-match'] = req.etag;
      if (req.lastModified) headers['if-modified-since'] = req.lastModified;
      const response = await untilAborted(
        undiciRequest(url, { dispatcher: agent, method: req.method ?? 'GET', headers, body: req.body, signal }),
        signal,
      );
      const responseHeaders = flattenHeaders(response.headers);
      const status = response.statusCode;
      if (REDIRECTS.has(status) || status === 304 || status < 200 || status >= 300) {
        response.body.on('error', () => undefined);
        await response.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
        return { status, headers: responseHeaders, body: Buffer.alloc(0), where };
      }
      const declared = Number(responseHeaders['content-length'] ?? Number.NaN);
      if (!responseHeaders['content-encoding'] && declared > config.maxBytes) {
        response.body.on('error', () => undefined);
        response.body.destroy();
        throw new FetchError(`${where}: Content-Length ${declared} is over the ${config.maxBytes}-byte cap (refused, not truncated)`, { reason: 'too-large', retryable: false });
      }
      const body = await readBody(response.body, responseHeaders['content-encoding'], config.maxBytes, where);
      return { status, headers: responseHeaders, body, where };
    } catch (error) {
      throw toFetchError(error, where, signal, { host: url.host, waitedMs, deadlineSeconds: config.timeout });
    } finally {
      await release();
    }
  }

  async function fetch(req: HttpRequest): Promise<HttpResponse> {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      throw new FetchError(`${JSON.stringify(req.url.slice(0, 200))}: not a URL`, { reason: 'bad-url', retryable: false });
    }
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([deadline, req.signal]) : deadline;
    let permanentlyMovedTo: string | null = null;
    let allPermanent = true;
    const seen = new Set<string>([url.href]);
    for (let hops = 0; ; hops += 1) {
      const started = Date.now();
      const answer = await hop(url, req, signal);
      logger.debug({ url: answer.where, status: answer.status, ms: Date.now() - started }, 'fetched');
      if (REDIRECTS.has(answer.status)) {
        const location = answer.headers['location'];
        if (!location) throw new FetchError(`${answer.where}: redirect ${answer.status} without a Location`, { reason: 'bad-redirect', retryable: false, status: answer.status });
        if (hops + 1 > config.maxRedirects) {
          throw new FetchError(`${displayUrl(new URL(req.url))}: more than ${config.maxRedirects} redirects`, { reason: 'too-many-redirects', retryable: false, status: answer.status });
        }
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new FetchError(`${answer.where}: redirect to an invalid URL`, { reason: 'bad-redirect', retryable: false, status: answer.status });
        }
        if (url.protocol === 'https:' && next.protocol === 'http:') {
          throw new FetchError(`${answer.where}: redirect from https to http refused`, { reason: 'redirect-downgrade', retryable: false, status: answer.status });
        }
        if (seen.has(next.href)) throw new FetchError(`${answer.where}: redirect loop`, { reason: 'redirect-loop', retryable: false, status: answer.status });
        seen.add(next.href);
        allPermanent = allPermanent && (answer.status === 301 || answer.status === 308);
        if (allPermanent) permanentlyMovedTo = next.href;
        url = next;
        continue;
      }
      const current = now();
      if (answer.status === 304) {
        return { status: 304, finalUrl: url.href, permanentlyMovedTo, headers: answer.headers, body: Buffer.alloc(0), notModified: true, freshForSeconds: freshnessSeconds(answer.headers, current) };
      }
      if (answer.status < 200 || answer.status >= 300) {
        const retryAfterSeconds = parseRetryAfter(answer.headers['retry-after'], current);
        if (answer.status === 429 || answer.status === 503) await politeness.penalise(url.host, retryAfterSeconds);
        throw httpStatusError(answer.where, answer.status, retryAfterSeconds);
      }
      return { status: answer.status, finalUrl: url.href, permanentlyMovedTo, headers: answer.headers, body: answer.body, notModified: false, freshForSeconds: freshnessSeconds(answer.headers, current) };
    }
  }

  return {
    fetch,
    decodeText: (response, kind) => decodeBody(response.body, response.headers['content-type'], kind).text,
    decode: (response, kind) => decodeBody(response.body, response.headers['content-type'], kind),
    close: async () => {
      await agent.close();
      if (!deps.politeness) await politeness.close();
    },
  };
}

/** undici does not abort a request still waiting for its connection (a hung resolver): the deadline must. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

function httpStatusError(where: string, status: number, retryAfterSeconds: number | undefined): FetchError {
  const retryable = status === 408 || status === 425 || status === 429 || status >= 500;
  const reason = status === 404 ? 'not-found' : status === 410 ? 'gone' : status === 401 || status === 403 ? 'forbidden' : status === 429 ? 'rate-limited' : `http-${status}`;
  return new FetchError(`${where}: HTTP ${status}`, { reason, retryable, status, retryAfterSeconds });
}
