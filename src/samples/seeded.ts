/** FNV-1a: a stable 32-bit hash of a string, used to seed per-item choices. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small deterministic PRNG, so the samples are identical on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks an element by a [0, 1) draw; the list must not be empty. */
export function pick<T>(list: readonly T[], draw: number): T {
  const item = list[Math.floor(draw * list.length) % list.length];
  if (item === undefined) throw new Error('pick: empty list');
  return item;
}

/** Start of the UTC day holding `now`: content is stable within a day so ETags stay valid. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

const WINDOW_MINUTES = 30 * 24 * 60;

/**
 * How many minutes before the start of the day an item is dated: fixed by its key, in
 * (0, 30 days), so every day shows the same items at the same ages.
 */
export function ageMinutes(key: string): number {
  const random = seededRandom(hash32(key));
  return 1 + Math.floor(random() * (WINDOW_MINUTES - 2));
}
