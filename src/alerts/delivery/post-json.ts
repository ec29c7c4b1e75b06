import { request } from 'undici';
import { NotifierError } from './notifier.js';

/** Time allowed for a destination to answer. */
const TIMEOUT_MS = 10_000;
/** Bytes of a response body read (error names are short). */
const MAX_BODY = 4_096;

/** A destination's answer: status, the Retry-After header in ms when given, the start of the body. */
export interface PostAnswer {
  status: number;
  retryAfterMs: number | undefined;
  body: string;
}

/** Retry-After as seconds or an HTTP date → ms (at least 1 s). */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return Math.max(1_000, seconds * 1000);
  const date = Date.parse(text);
  return Number.isFinite(date) ? Math.max(1_000, date - now) : undefined;
}

/**
 * POSTs a body with undici directly: a notifier's address is the administrator's (loopback and
 * private addresses are fine, no egress allow-list), and a redirect is answered, never followed.
 * A network fault throws a `transient` `NotifierError` whose message never holds the address.
 */
export async function postJson(url: string, body: string, headers: Record<string, string>, signal?: AbortSignal): Promise<PostAnswer> {
  let response;
  try {
    response = await request(url, {
      method: 'POST', body, headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS, ...(signal ? { signal } : {}),
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).name;
    throw new NotifierError(`network error (${code})`, 'transient');
  }
  let text = '';
  try {
    for await (const chunk of response.body) {
      text += (chunk as Buffer).toString('utf8');
      if (text.length >= MAX_BODY) break;
    }
  } catch {
    // A body cut short says nothing more than the status does.
  } finally {
    response.body.destroy();
  }
  return { status: response.statusCode, retryAfterMs: retryAfterMs(response.headers['retry-after']), body: text.slice(0, MAX_BODY) };
}

/** Maps an answer other than 2xx to the failure kind; `brokenNames` are the bodies that mean "gone for good". */
export function failureOf(answer: PostAnswer, brokenNames: readonly string[]): NotifierError {
  const name = answer.body.trim().split(/\s/)[0]?.slice(0, 60) ?? '';
  const said = name ? ` ${name}` : '';
  if (answer.status === 429) return new NotifierError(`429 rate limited${said}`, 'rate-limited', answer.retryAfterMs ?? 1_000);
  if (answer.status >= 500) return new NotifierError(`${answer.status}${said}`, 'transient');
  if (brokenNames.includes(name) || answer.status === 410) return new NotifierError(`${answer.status}${said}`, 'broken');
  if (answer.status >= 300 && answer.status < 400) return new NotifierError(`${answer.status} redirect (not followed)`, 'rejected');
  return new NotifierError(`${answer.status}${said}`, 'rejected');
}
