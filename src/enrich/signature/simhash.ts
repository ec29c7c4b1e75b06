/**
 * 64-bit SimHash over word shingles (Charikar 2002): each shingle's 64-bit hash votes +1/-1 on
 * every bit, the signature keeps the sign. Copies that share most shingles land a few bits apart,
 * so Hamming distance measures how near two texts are. Held as two 32-bit halves (no BigInt).
 */

/** Words per shingle: pairs keep word order yet let one edited word change only two features. */
const SHINGLE = 2;
/** Words looked at: enough to tell any two articles apart, bounded on huge inputs. */
const MAX_WORDS = 3000;

function fmix(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** FNV-1a of one word, mixed (murmur3 fmix32) so nearby words spread over all bits. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return fmix(hash);
}

/** The SimHash of folded words as 16 hex characters, or null when there are no words. */
export function simhash(words: string[]): string | null {
  const count = Math.min(words.length, MAX_WORDS);
  if (count === 0) return null;
  const width = Math.min(SHINGLE, count);
  const hashes = new Uint32Array(count);
  for (let w = 0; w < count; w += 1) hashes[w] = wordHash(words[w]!);
  // Ones per bit position, counted 8 positions at a time in 4-bit lanes (flushed before a lane
  // can overflow): 8 additions per shingle instead of 64.
  const ones = new Int32Array(64);
  const lanes = new Int32Array(8);
  let pending = 0;
  let shingles = 0;
  const flush = (): void => {
    for (let k = 0; k < 4; k += 1) {
      for (let j = 0; j < 8; j += 1) {
        ones[4 * j + k]! += (lanes[k]! >>> (4 * j)) & 0xf;
        ones[32 + 4 * j + k]! += (lanes[4 + k]! >>> (4 * j)) & 0xf;
      }
    }
    lanes.fill(0);
    pending = 0;
  };
  for (let start = 0; start + width <= count; start += 1) {
    // Each word is hashed once; a shingle's two 32-bit halves mix its words' hashes in order.
    let combined = 0x9747b28c;
    for (let w = start; w < start + width; w += 1) combined = Math.imul(combined ^ hashes[w]!, 0x9e3779b1) >>> 0;
    const high = fmix(combined);
    const low = fmix(combined ^ 0x5bd1e995);
    for (let k = 0; k < 4; k += 1) {
      lanes[k]! += (high >>> k) & 0x11111111;
      lanes[4 + k]! += (low >>> k) & 0x11111111;
    }
    shingles += 1;
    pending += 1;
    if (pending === 15) flush();
  }
  flush();
  const votes = ones.map((n) => 2 * n - shingles);
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
