/** Reading the caching and back-off headers of a response. Pure functions of headers and a clock. */

const MAX_WAIT_SECONDS = 7 * 24 * 3600;

/** `Retry-After` in seconds (delta-seconds or an HTTP-date), capped at a week; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), MAX_WAIT_SECONDS);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, Math.round((at - now.getTime()) / 1000)), MAX_WAIT_SECONDS);
}

/**
 * Seconds the response stays fresh: `Cache-Control: max-age` (or `no-cache`/`no-store` → 0),
 * else `Expires` against `Date` (or the clock). `Expires: 0` and bad dates mean already stale.
 */
export function freshnessSeconds(headers: Record<string, string>, now: Date): number | undefined {
  const cacheControl = headers['cache-control'];
  if (cacheControl) {
    if (/\b(no-cache|no-store)\b/i.test(cacheControl)) return 0;
    const maxAge = /\bmax-age\s*=\s*"?(\d+)"?/i.exec(cacheControl);
    if (maxAge) return Math.min(Number(maxAge[1]), MAX_WAIT_SECONDS);
  }
  const expires = headers['expires'];
  if (expires !== undefined) {
    const at = Date.parse(expires);
    if (Number.isNaN(at)) return 0;
    const served = headers['date'] ? Date.parse(headers['date']) : Number.NaN;
    const reference = Number.isNaN(served) ? now.getTime() : served;
    return Math.min(Math.max(0, Math.round((at - reference) / 1000)), MAX_WAIT_SECONDS);
  }
  return undefined;
}
