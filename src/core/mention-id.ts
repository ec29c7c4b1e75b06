import { createHash } from 'node:crypto';
import { canonicalUrl } from './canonical-url.js';

/** What an id is derived from: the item's link if it has one, else its source and GUID. */
export interface MentionIdInput {
  url?: string | null;
  sourceId: string;
  guid?: string | null;
}

/** Stable id: the first 128 bits of SHA-256, hex. */
function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * The mention id: a hash of the canonical URL, or without a usable URL, of source id + GUID.
 * Returns null when the item has neither (it cannot be deduplicated, so it is dropped upstream).
 */
export function mentionId(input: MentionIdInput): { id: string; canonicalUrl: string | null } | null {
  const canonical = input.url ? canonicalUrl(input.url) : null;
  if (canonical) return { id: hash(`url\u0000${canonical}`), canonicalUrl: canonical };
  const guid = input.guid?.trim();
  if (guid) return { id: hash(`guid\u0000${input.sourceId}\u0000${guid}`), canonicalUrl: null };
  return null;
}

/**
 * The mention id an article at `url` has (or will have when it is indexed): what a share of it
 * names to join its story. Null when `url` is not an http(s) URL.
 */
export function articleIdOf(url: string): string | null {
  const canonical = canonicalUrl(url);
  return canonical ? hash(`url\u0000${canonical}`) : null;
}
