import { createHash } from 'node:crypto';
import type { Mention } from '../core/mention.js';

function stable(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  const keys = Object.keys(value).sort();
  const parts: string[] = [];
  for (const key of keys) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) parts.push(`${JSON.stringify(key)}:${stable(item)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * Fingerprint of what a mention says, key order aside. `fetchedAt` is left out: fetching the same
 * item again changes nothing about it, so re-upserting it is `unchanged` (the first fetch time stays).
 */
export function contentHash(mention: Mention): string {
  const { fetchedAt: _fetchedAt, ...content } = mention;
  return createHash('sha1').update(stable(content)).digest('hex');
}
