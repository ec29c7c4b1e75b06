/**
 * Canonical URLs: two links to the same article must give the same string, so that the same
 * item fetched twice (or from two feeds with different tracking tags) gets one mention id.
 */

/** Query parameters that only track the reader; removed before hashing. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gclsrc', 'msclkid', 'yclid', 'twclid', 'igshid', 'mc_cid', 'mc_eid',
  'mkt_tok', '_hsenc', '_hsmi', 'hsctatracking', 'oly_anon_id', 'oly_enc_id', 'rb_clickid',
  'vero_id', 'vero_conv', 'wickedid', 's_cid', 'spm', 'ref_src', 'ref_url', 'cmpid', 'xtor',
  'at_medium', 'at_campaign', 'ncid', 'sr_share', 'share', 'guccounter', 'guce_referrer',
  'guce_referrer_sig', '__twitter_impression', 'ito', 'taid',
]);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || lower.startsWith('pk_') || TRACKING_PARAMS.has(lower);
}

/**
 * Returns the canonical form of an http(s) URL, or null when `raw` is not one.
 * Scheme and host are lower-cased (WHATWG URL does it), `www.` is kept (it can be a different
 * site), the default port, fragment, tracking parameters and a trailing `?` are dropped, the
 * remaining query is sorted by name then value, and an empty path becomes `/`.
 */
export function canonicalUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  const kept = [...url.searchParams.entries()].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  url.search = '';
  for (const [name, value] of kept) url.searchParams.append(name, value);
  return url.toString();
}

/** True when `raw` parses as an absolute http or https URL. */
export function isHttpUrl(raw: string): boolean {
  try {
    const { protocol } = new URL(raw);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
