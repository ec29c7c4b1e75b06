import { FetchError } from '../../core/errors.js';
import { EgressRefusedError, ResolveError } from './guarded-connector.js';

const SECRET_PARAM = /(key|token|secret|password|passwd|sig|signature|auth|session)/i;

/** A URL as it may appear in errors and logs: no user:password@, secret-looking query values masked. */
export function displayUrl(url: URL | string): string {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : new URL(url.href);
  } catch {
    return '(invalid URL)';
  }
  parsed.username = '';
  parsed.password = '';
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) parsed.searchParams.set(name, 'redacted');
  }
  return parsed.href;
}

function findCause<T>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    if (current instanceof type) return current;
  }
  return undefined;
}

/** Maps whatever the transport threw to a FetchError with a reason and whether to retry. */
export function toFetchError(error: unknown, where: string, signal: AbortSignal): FetchError {
  if (error instanceof FetchError) return error;
  const refused = findCause(error, EgressRefusedError);
  if (refused) return new FetchError(`${where}: ${refused.detail}`, { reason: 'egress-blocked', retryable: false });
  const unresolved = findCause(error, ResolveError);
  if (unresolved) {
    const permanent = unresolved.code === 'ENOTFOUND';
    return new FetchError(`${where}: ${unresolved.message}`, { reason: permanent ? 'dns-not-found' : 'dns-failure', retryable: !permanent });
  }
  if (signal.aborted) {
    const reason = signal.reason as Error | undefined;
    if (reason?.name === 'TimeoutError') return new FetchError(`${where}: no complete answer within the deadline`, { reason: 'timeout', retryable: true, cause: error });
    return new FetchError(`${where}: cancelled`, { reason: 'cancelled', retryable: true, cause: error });
  }
  const code = (error as { code?: string }).code ?? '';
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new FetchError(`${where}: timed out (${code})`, { reason: 'timeout', retryable: true, cause: error });
  }
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code)) return new FetchError(`${where}: TLS error (${code})`, { reason: 'tls', retryable: true, cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new FetchError(`${where}: network error (${code || message})`, { reason: 'network', retryable: true, cause: error });
}
