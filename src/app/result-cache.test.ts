import { describe, expect, it } from 'vitest';
import { ResultCache } from './result-cache.js';

describe('ResultCache', () => {
  it('computes once for concurrent and repeated asks within the TTL, again after it', async () => {
    let now = 0;
    let runs = 0;
    const cache = new ResultCache<number>({ ttlMs: 1000, maxEntries: 10, clock: () => new Date(now) });
    const compute = async (): Promise<number> => {
      runs += 1;
      return runs;
    };
    expect(await Promise.all([cache.get('k', compute), cache.get('k', compute)])).toEqual([1, 1]);
    now = 999;
    expect(await cache.get('k', compute)).toBe(1);
    now = 1000;
    expect(await cache.get('k', compute)).toBe(2);
    expect(await cache.get('other', compute)).toBe(3);
  });

  it('does not keep a failure, and drops the oldest entries past its size', async () => {
    const cache = new ResultCache<string>({ ttlMs: 60_000, maxEntries: 2, clock: () => new Date(0) });
    await expect(cache.get('k', () => Promise.reject(new Error('index down')))).rejects.toThrow('index down');
    expect(await cache.get('k', async () => 'fine')).toBe('fine');
    await cache.get('b', async () => 'b');
    await cache.get('c', async () => 'c');
    expect(await cache.get('k', async () => 'recomputed')).toBe('recomputed');
    expect(await cache.get('c', async () => 'not recomputed')).toBe('c');
  });
});
