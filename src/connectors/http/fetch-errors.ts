import { FetchError } from '../../core/errors.js';
import { EgressRefusedError, ResolveError } from './guarded-connector.js';

function findCause<T>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    if (current instanceof type) return current;
  }
  return undefined;
}

/** Where a request's deadline went, so a timeout names the setting and the wait (not the bare AbortSignal text). */
export interface DeadlineContext {
  /** The `host:port` whose per-host slot the request waited for. */
  host: string;
  /** Time spent waiting for that slot (and its start spacing) before the request was sent. */
  waitedMs: number;
  /** `fetch.timeout`, in seconds. */
  deadlineSeconds: number;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

/** A failure while waiting for a per-host slot: the deadline ran out (or the run was cancelled) in the queue. */
export function slotWaitError(error: unknown, context: DeadlineContext & { where: string }, signal: AbortSignal): FetchError {
  if (!signal.aborted) return toFetchError(error, context.where, signal);
  const reason = signal.reason as Error | undefined;
  const spent = `waiting for a slot on host ${context.host} for ${seconds(context.waitedMs)} s behind other requests to it`;
  if (reason?.name === 'TimeoutError') {
    return new FetchError(`${context.where}: fetch.timeout (${context.deadlineSeconds} s) ran out while ${spent} (never sent)`, { reason: 'timeout', retryable: true, cause: error });
  }
  return new FetchError(`${context.where}: cancelled while ${spent}`, { reason: 'cancelled', retryable: true, cause: error });
}

/** Maps whatever the transport threw to a FetchError with a reason and whether to retry. */
export function toFetchError(error: unknown, where: string, signal: AbortSignal, deadline?: DeadlineContext): FetchError {
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
    if (reason?.name === 'TimeoutError') {
      const within = deadline ? `fetch.timeout (${deadline.deadlineSeconds} s)` : 'the deadline';
      const queued = deadline && deadline.waitedMs >= 100 ? `; ${seconds(deadline.waitedMs)} s of it spent waiting for a slot on host ${deadline.host} behind other requests` : '';
      return new FetchError(`${where}: no complete answer within ${within}${queued}`, { reason: 'timeout', retryable: true, cause: error });
    }
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
