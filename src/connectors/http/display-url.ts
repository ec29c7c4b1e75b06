/**
 * URLs for errors and logs. On its own, away from the fetch errors and their transport (undici):
 * feed parsing names URLs too, and the pool threads that parse need not load an HTTP client.
 */

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
