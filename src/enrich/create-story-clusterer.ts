import type { StoryClusterer } from './enricher.js';
import { hammingDistance, parseSignature } from './signature/simhash.js';

/** Options of the story clusterer. */
export interface StoryClustererOptions {
  /** Largest Hamming distance (of 64 bits) between copies of one story. Default 6. */
  maxDistance?: number;
  /** Signatures kept for lookup; the oldest are forgotten first. Default 100,000. */
  window?: number;
  /** Copies published more than this many days after the origin start a new story. Default 7. */
  maxAgeDays?: number;
}

interface Remembered {
  id: string;
  storyId: string;
  halves: [number, number];
  publishedMs: number;
  keys: string[];
}

/** Splits 64 bits into `bands` near-equal bit ranges: [start bit, width]. */
function bandLayout(bands: number): [number, number][] {
  const layout: [number, number][] = [];
  let start = 0;
  for (let b = 0; b < bands; b += 1) {
    const width = Math.floor(64 / bands) + (b < 64 % bands ? 1 : 0);
    layout.push([start, width]);
    start += width;
  }
  return layout;
}

function bandValue(halves: [number, number], start: number, width: number): string {
  let value = '';
  for (let bit = start; bit < start + width; bit += 1) {
    const half = bit < 32 ? halves[0] : halves[1];
    value += (half >>> (bit % 32)) & 1 ? '1' : '0';
  }
  return value;
}

/**
 * Near-duplicate stories over SimHash signatures. Lookup is by LSH bands: with distance at most
 * k, two signatures agree exactly on at least one of k+1 bands (pigeonhole), so only the
 * signatures sharing a band are compared. Memory is bounded by `window` (oldest forgotten first).
 * The first-seen copy is the origin: later copies get its story id.
 */
export function createStoryClusterer(options: StoryClustererOptions = {}): StoryClusterer {
  const maxDistance = Math.max(0, Math.min(16, Math.floor(options.maxDistance ?? 6)));
  const window = Math.max(1, Math.floor(options.window ?? 100_000));
  const maxAgeMs = (options.maxAgeDays ?? 7) * 86_400_000;
  const layout = bandLayout(maxDistance + 1);
  const buckets = new Map<string, Remembered[]>();
  const order: (Remembered | undefined)[] = new Array<Remembered | undefined>(window);
  let next = 0;

  const keysOf = (halves: [number, number]): string[] =>
    layout.map(([start, width], band) => `${band}:${bandValue(halves, start, width)}`);

  const forget = (old: Remembered): void => {
    for (const key of old.keys) {
      const list = buckets.get(key);
      if (!list) continue;
      const at = list.indexOf(old);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) buckets.delete(key);
    }
  };

  const insert = (item: Remembered): void => {
    const old = order[next];
    if (old) forget(old);
    order[next] = item;
    next = (next + 1) % window;
    for (const key of item.keys) {
      const list = buckets.get(key);
      if (list) list.push(item);
      else buckets.set(key, [item]);
    }
  };

  const nearest = (halves: [number, number], keys: string[], publishedMs: number): Remembered | null => {
    let best: Remembered | null = null;
    let bestDistance = maxDistance + 1;
    for (const key of keys) {
      for (const candidate of buckets.get(key) ?? []) {
        if (Number.isFinite(publishedMs) && Math.abs(publishedMs - candidate.publishedMs) > maxAgeMs) continue;
        const distance = hammingDistance(halves, candidate.halves);
        if (distance < bestDistance || (distance === bestDistance && best !== null && candidate.publishedMs < best.publishedMs)) {
          best = candidate;
          bestDistance = distance;
        }
      }
    }
    return best;
  };

  return {
    assign(record) {
      const halves = record.signature === null ? null : parseSignature(record.signature);
      if (!halves) return record.id;
      const keys = keysOf(halves);
      const publishedMs = Date.parse(record.publishedAt);
      const origin = nearest(halves, keys, publishedMs);
      const storyId = origin ? origin.storyId : record.id;
      insert({ id: record.id, storyId, halves, publishedMs, keys });
      return storyId;
    },
    remember(record) {
      const halves = parseSignature(record.signature);
      if (!halves) return;
      insert({ id: record.id, storyId: record.storyId ?? record.id, halves, publishedMs: Date.parse(record.publishedAt), keys: keysOf(halves) });
    },
  };
}
