import { hash as digest } from 'node:crypto';
import type { Mention } from '../core/mention.js';

/**
 * The parts of a mention that identify its content, serialised once: `rest` is the JSON of the
 * mention without title, text and `fetchedAt` (fetching the same item again changes nothing about
 * it, so re-upserting it is `unchanged` and the first fetch time stays).
 */
export function mentionContent(mention: Mention): { hash: string; rest: string } {
  const { title, text, fetchedAt: _fetchedAt, ...others } = mention;
  const rest = JSON.stringify(others);
  // Key order is the producer's (the schema's); an identical mention with keys in another order is
  // written once more, which is harmless.
  const hash = digest('sha1', `${title}\u0000${text}\u0000${rest}`, 'hex');
  return { hash, rest };
}

/** Fingerprint of what a mention says (see `mentionContent`). */
export function contentHash(mention: Mention): string {
  return mentionContent(mention).hash;
}
