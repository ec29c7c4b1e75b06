import type { StoryClusterer } from './enricher.js';
import { MINHASH_SIZE, parseSignature, similarity } from './signature/minhash.js';

/** Options of the story clusterer. */
export interface StoryClustererOptions {
  /** Smallest estimated Jaccard similarity (of word 3-shingles) between copies of one story. Default 0.5. */
  minSimilarity?: number;
  /** Signatures kept for lookup; the oldest are forgotten first. Default 100,000. */
  window?: number;
  /** Copies published more than this many days from the origin start a new story. Default 7. */
  maxAgeDays?: number;
}

/** LSH layout: 20 bands of 3 values. A pair at similarity s shares a band with probability 1-(1-s³)²⁰: 0.93 at 0.5, 1.00 at 0.7. */
const ROWS = 3;
const BANDS = MINHASH_SIZE / ROWS;
/**
 * Copies of one story kept for lookup: later copies still join the story but are not indexed, so
 * a story syndicated a thousand times does not make every lookup compare a thousand signatures.
 */
const MEMBERS_KEPT = 8;

interface Remembered {
  id: string;
  storyId: string;
  values: Uint16Array;
  publishedMs: number;
  keys: Int32Array;
}

/**
 * One small integer per band: the band's index and its three 16-bit values mixed into 30 bits, so
 * that map keys are V8 small integers (no boxed numbers, no strings). Two bands that differ may
 * share a key (about one pair in a billion): a lookup then compares one more signature, no more.
 */
function bandKeys(values: Uint16Array): Int32Array {
  const keys = new Int32Array(BANDS);
  for (let band = 0; band < BANDS; band += 1) {
    const at = band * ROWS;
    let hash = Math.imul(band + 1, 0x9e3779b1) ^ values[at]!;
    hash = Math.imul(hash ^ (hash >>> 15), 0x85ebca6b) ^ values[at + 1]!;
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35) ^ values[at + 2]!;
    hash = Math.imul(hash ^ (hash >>> 16), 0x27d4eb2d);
    keys[band] = (hash ^ (hash >>> 15)) & 0x3fffffff;
  }
  return keys;
}

/**
 * Near-duplicate stories over MinHash signatures. Lookup is by LSH bands, so only signatures that
 * agree on a whole band are compared; memory is bounded by `window` (oldest forgotten first). The
 * first-seen copy is the origin: later copies get its story id. Re-assigning a mention already
 * seen joins it to its own story again (idempotent).
 */
export function createStoryClusterer(options: StoryClustererOptions = {}): StoryClusterer {
  const minSimilarity = Math.min(1, Math.max(0.1, options.minSimilarity ?? 0.5));
  const window = Math.max(1, Math.floor(options.window ?? 100_000));
  const maxAgeMs = (options.maxAgeDays ?? 7) * 86_400_000;
  // Most bands are held by one mention: that one is stored as it is, a list only from the second.
  const buckets = new Map<number, Remembered | Remembered[]>();
  const members = new Map<string, number>();
  const order: (Remembered | undefined)[] = new Array<Remembered | undefined>(window);
  let next = 0;

  const forget = (old: Remembered): void => {
    const left = (members.get(old.storyId) ?? 1) - 1;
    if (left > 0) members.set(old.storyId, left);
    else members.delete(old.storyId);
    for (const key of old.keys) {
      const held = buckets.get(key);
      if (held === old) {
        buckets.delete(key);
      } else if (Array.isArray(held)) {
        const at = held.indexOf(old);
        if (at >= 0) held.splice(at, 1);
        if (held.length === 1) buckets.set(key, held[0]!);
      }
    }
  };

  const insert = (item: Remembered): void => {
    const kept = members.get(item.storyId) ?? 0;
    if (kept >= MEMBERS_KEPT) return;
    members.set(item.storyId, kept + 1);
    const old = order[next];
    if (old) forget(old);
    order[next] = item;
    next = (next + 1) % window;
    for (const key of item.keys) {
      const held = buckets.get(key);
      if (held === undefined) buckets.set(key, item);
      else if (Array.isArray(held)) held.push(item);
      else buckets.set(key, [held, item]);
    }
  };

  const nearest = (values: Uint16Array, keys: Int32Array, publishedMs: number): Remembered | null => {
    let best: Remembered | null = null;
    let bestSimilarity = minSimilarity;
    const seen = new Set<Remembered>();
    const consider = (candidate: Remembered): void => {
      if (seen.has(candidate)) return;
      seen.add(candidate);
      if (Number.isFinite(publishedMs) && Math.abs(publishedMs - candidate.publishedMs) > maxAgeMs) return;
      const s = similarity(values, candidate.values);
      if (s > bestSimilarity || (s === bestSimilarity && (best === null || candidate.publishedMs < best.publishedMs))) {
        best = candidate;
        bestSimilarity = s;
      }
    };
    for (const key of keys) {
      const held = buckets.get(key);
      if (held === undefined) continue;
      if (Array.isArray(held)) held.forEach(consider);
      else consider(held);
    }
    return best;
  };

  return {
    assign(record) {
      const values = record.signature === null ? null : parseSignature(record.signature);
      if (!values) return record.id;
      const keys = bandKeys(values);
      const publishedMs = Date.parse(record.publishedAt);
      const origin = nearest(values, keys, publishedMs);
      const storyId = origin ? origin.storyId : record.id;
      insert({ id: record.id, storyId, values, publishedMs, keys });
      return storyId;
    },
    remember(record) {
      const values = parseSignature(record.signature);
      if (!values) return;
      insert({ id: record.id, storyId: record.storyId ?? record.id, values, publishedMs: Date.parse(record.publishedAt), keys: bandKeys(values) });
    },
  };
}
