import { createHash } from 'node:crypto';

/** A short hash of a destination's address: stored and compared, never reversible to the secret. */
export function fingerprintOf(address: string): string {
  return createHash('sha256').update(address).digest('hex').slice(0, 16);
}
