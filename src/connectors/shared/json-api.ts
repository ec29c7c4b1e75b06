import { ParseError } from '../../core/errors.js';
import type { FetchContext } from '../connector.js';
import { displayUrl } from '../http/display-url.js';
import type { HttpResponse } from '../http/http-fetcher.js';

/** Fetches a JSON API URL through the shared fetcher; a body that is not JSON is a ParseError naming the source. */
export async function getJson(
  context: FetchContext,
  sourceId: string,
  url: string,
  headers: Record<string, string> = {},
  request: { method?: 'GET' | 'POST'; body?: string } = {},
): Promise<{ json: unknown; response: HttpResponse }> {
  const response = await context.fetcher.fetch({
    url,
    headers: { accept: 'application/json', ...headers },
    ...(request.method ? { method: request.method } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(context.signal ? { signal: context.signal } : {}),
  });
  const text = context.fetcher.decodeText(response, 'json');
  try {
    return { json: JSON.parse(text) as unknown, response };
  } catch (error) {
    const found = /^\s*</.test(text) ? 'an HTML or XML page' : 'invalid JSON';
    throw new ParseError(`source "${sourceId}" (${displayUrl(url)}): expected a JSON API answer, got ${found}`, 'not-an-api-answer', error);
  }
}

/** A record from untrusted JSON, or null; keys are read one by one, never merged. */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

export function asString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * A number, also when the source sends it as a decimal string (`"42"`, `"-3"`, `"1.5"`): some
 * servers and versions quote their counts. Anything else (`""`, `"12k"`, `NaN`) is no number.
 */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/**
 * An identifier as a string: newer servers send ids as strings (Mastodon since 2.0, whose ids
 * outgrew 2^53), older ones as integers. A safe integer is unambiguous and becomes its decimal
 * string; a number past 2^53 has already lost digits in JSON parsing, so it is refused.
 */
export function asId(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
  return asString(value)?.trim() ?? null;
}

/** Drops undefined figures so an audience only says what the source said. */
export function audienceOf(figures: Record<string, number | undefined>): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(figures)) if (value !== undefined) out[key] = value;
  return Object.keys(out).length > 0 ? out : undefined;
}
