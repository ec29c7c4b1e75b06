/**
 * 64-bit SimHash over word shingles (Charikar 2002): each shingle's 64-bit hash votes +1/-1 on
 * every bit, the signature keeps the sign. Copies that share most shingles land a few bits apart,
 * so Hamming distance measures how near two texts are. Held as two 32-bit halves (no BigInt).
 */

/** Words per shingle: pairs keep word order yet let one edited word change only two features. */
const SHINGLE = 2;
/** Words looked at: enough to tell any two articles apart, bounded on huge inputs. */
const MAX_WORDS = 3000;

function fnv1a(words: string[], from: number, to: number, seed: number): number {
  let hash = seed >>> 0;
  for (let w = from; w < to; w += 1) {
    const word = words[w]!;
    for (let i = 0; i < word.length; i += 1) {
      hash ^= word.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x20;
    hash = Math.imul(hash, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32) so nearby inputs spread over all bits.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The SimHash of folded words as 16 hex characters, or null when there are no words. */
export function simhash(words: string[]): string | null {
  const count = Math.min(words.length, MAX_WORDS);
  if (count === 0) return null;
  const width = Math.min(SHINGLE, count);
  const votes = new Int32Array(64);
  for (let start = 0; start + width <= count; start += 1) {
    const high = fnv1a(words, start, start + width, 0x811c9dc5);
    const low = fnv1a(words, start, start + width, 0x9747b28c);
    for (let bit = 0; bit < 32; bit += 1) {
      votes[bit]! += (high >>> bit) & 1 ? 1 : -1;
      votes[bit + 32]! += (low >>> bit) & 1 ? 1 : -1;
    }
  }
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit += 1) {
    if (votes[bit]! > 0) high |= 1 << bit;
    if (votes[bit + 32]! > 0) low |= 1 << bit;
  }
  return (high >>> 0).toString(16).padStart(8, '0') + (low >>> 0).toString(16).padStart(8, '0');
}

/** A signature as its two 32-bit halves, or null when it is not 16 hex characters. */
export function parseSignature(signature: string): [number, number] | null {
  if (!/^[0-9a-f]{16}$/.test(signature)) return null;
  return [parseInt(signature.slice(0, 8), 16), parseInt(signature.slice(8), 16)];
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of differing bits between two parsed signatures. */
export function hammingDistance(a: readonly [number, number], b: readonly [number, number]): number {
  return popcount((a[0] ^ b[0]) >>> 0) + popcount((a[1] ^ b[1]) >>> 0);
}
