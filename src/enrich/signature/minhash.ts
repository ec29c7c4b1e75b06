/**
 * MinHash signatures over word 3-shingles (Broder 1997), computed by one-permutation hashing
 * (Li, Owen & Zhang 2012): each shingle is hashed once into one of 60 bins, each bin keeps its
 * smallest hash, and empty bins borrow from the next filled one (rotation densification, Shrivastava
 * & Li 2014). The share of equal positions between two signatures estimates the Jaccard similarity
 * of their shingle sets, which stays high for syndicated copies with an added byline, a changed
 * title or a few edited words. Each value keeps its low 16 bits (b-bit MinHash): a signature is
 * 240 hex characters.
 */

/** Words per shingle: 3 keeps "in the"-style pairs from making unrelated news look alike. */
const SHINGLE = 3;
/** Words looked at: enough to tell any two articles apart, bounded on huge inputs. */
const MAX_WORDS = 3000;
/** Bins (values); the clusterer reads them as 20 LSH bands of 3. */
export const MINHASH_SIZE = 60;
export const HEX_PER_VALUE = 4;

function fmix(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** FNV-1a of one word, mixed so nearby words spread over all bits. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return fmix(hash);
}

/** The MinHash signature of folded words (240 hex characters), or null when there are no words. */
export function minhash(words: string[]): string | null {
  const count = Math.min(words.length, MAX_WORDS);
  if (count === 0) return null;
  const width = Math.min(SHINGLE, count);
  const hashes = new Uint32Array(count);
  for (let w = 0; w < count; w += 1) hashes[w] = wordHash(words[w]!);
  const minimum = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  const filled = new Uint8Array(MINHASH_SIZE);
  for (let start = 0; start + width <= count; start += 1) {
    let shingle = 0x9747b28c;
    for (let w = start; w < start + width; w += 1) shingle = Math.imul(shingle ^ hashes[w]!, 0x9e3779b1) >>> 0;
    const hash = fmix(shingle);
    const bin = hash % MINHASH_SIZE;
    const rank = fmix(hash ^ 0x5bd1e995);
    if (rank < minimum[bin]!) minimum[bin] = rank;
    filled[bin] = 1;
  }
  for (let bin = 0; bin < MINHASH_SIZE; bin += 1) {
    if (filled[bin]) continue;
    // Borrow from the next filled bin (circularly), mixed with the distance so borrowed values differ.
    for (let step = 1; step < MINHASH_SIZE; step += 1) {
      const from = (bin + step) % MINHASH_SIZE;
      if (filled[from]) {
        minimum[bin] = fmix(minimum[from]! ^ Math.imul(step, 0x27d4eb2d));
        break;
      }
    }
  }
  // Written as character codes into one flat string: appending 60 pieces would leave a rope of
  // 60 nodes (about 3 KB of heap per signature until something flattens it).
  const chars = new Uint8Array(MINHASH_SIZE * HEX_PER_VALUE);
  for (let i = 0; i < MINHASH_SIZE; i += 1) {
    const value = minimum[i]! & 0xffff;
    for (let digit = 0; digit < HEX_PER_VALUE; digit += 1) {
      chars[i * HEX_PER_VALUE + digit] = HEX_DIGITS[(value >>> ((HEX_PER_VALUE - 1 - digit) * 4)) & 0xf]!;
    }
  }
  return LATIN1.decode(chars);
}

const HEX_DIGITS = Uint8Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
const LATIN1 = new TextDecoder('latin1');

/** A signature as its 60 values, or null when it is not a signature of this kind. */
export function parseSignature(signature: string): Uint16Array | null {
  if (signature.length !== MINHASH_SIZE * HEX_PER_VALUE || !/^[0-9a-f]+$/.test(signature)) return null;
  const values = new Uint16Array(MINHASH_SIZE);
  for (let i = 0; i < MINHASH_SIZE; i += 1) values[i] = parseInt(signature.slice(i * HEX_PER_VALUE, (i + 1) * HEX_PER_VALUE), 16);
  return values;
}

/** Estimated Jaccard similarity of two texts: the share of equal signature values. */
export function similarity(a: Uint16Array, b: Uint16Array): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i += 1) if (a[i] === b[i]) same += 1;
  return same / MINHASH_SIZE;
}
