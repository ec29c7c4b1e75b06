import type { Clock } from '../platform/clock.js';

/**
 * Results kept for `ttlMs` by key, and computed once for callers that ask at the same time
 * (single flight): twenty clients opening the same dashboard cost one aggregation. At most
 * `maxEntries` are kept, the oldest dropped first. A failed computation is not kept.
 */
export class ResultCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(private readonly options: { ttlMs: number; maxEntries: number; clock: Clock }) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const now = this.options.clock().getTime();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.options.ttlMs) return hit.value;
    if (hit) this.entries.delete(key);
    const value = compute();
    this.entries.set(key, { at: now, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
