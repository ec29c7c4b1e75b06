import { hash as digest } from 'node:crypto';
import type { Mention } from '../core/mention.js';

/**
 * The JSON of a mention without title, text and `fetchedAt`: with them, what identifies its content
 * (fetching the same item again changes nothing about it, so re-upserting it is `unchanged` and the
 * first fetch time stays). Key order is the producer's (the schema's); an identical mention with
 * keys in another order counts as changed, which is harmless.
 */
export function mentionRest(mention: Mention): string {
  const { title: _title, text: _text, fetchedAt: _fetchedAt, ...others } = mention;
  return JSON.stringify(others);
}

/** Fingerprint of what a mention says (see `mentionRest`), for stores that keep a hash. */
export function contentHash(mention: Mention): string {
  return digest('sha1', `${mention.title}\u0000${mention.text}\u0000${mentionRest(mention)}`, 'hex');
}
