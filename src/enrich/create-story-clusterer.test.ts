import { describe, expect, it } from 'vitest';
import { createStoryClusterer } from './create-story-clusterer.js';

const at = '2026-11-01T10:00:00Z';
const flip = (signature: string, bits: number[]): string => {
  let value = BigInt(`0x${signature}`);
  for (const bit of bits) value ^= 1n << BigInt(bit);
  return value.toString(16).padStart(16, '0');
};

describe('createStoryClusterer', () => {
  it('joins near copies to the first-seen origin and keeps different texts apart', () => {
    const clusterer = createStoryClusterer();
    const origin = '0123456789abcdef';
    expect(clusterer.assign({ id: 'a', signature: origin, publishedAt: at })).toBe('a');
    expect(clusterer.assign({ id: 'b', signature: flip(origin, [1, 40, 63]), publishedAt: at })).toBe('a');
    expect(clusterer.assign({ id: 'c', signature: flip(origin, [0, 9, 18, 27, 36, 45, 54]), publishedAt: at })).toBe('c');
    expect(clusterer.assign({ id: 'd', signature: null, publishedAt: at })).toBe('d');
    expect(clusterer.assign({ id: 'e', signature: 'not-hex', publishedAt: at })).toBe('e');
  });

  it('learns remembered mentions, respects the age limit and forgets beyond its window', () => {
    const clusterer = createStoryClusterer({ window: 2, maxAgeDays: 1 });
    clusterer.remember({ id: 'old', storyId: 'story-1', signature: 'aaaaaaaaaaaaaaaa', publishedAt: at });
    expect(clusterer.assign({ id: 'x', signature: flip('aaaaaaaaaaaaaaaa', [3]), publishedAt: at })).toBe('story-1');
    expect(clusterer.assign({ id: 'late', signature: 'aaaaaaaaaaaaaaaa', publishedAt: '2026-11-05T10:00:00Z' })).toBe('late');
    clusterer.assign({ id: 'y', signature: '5555555555555555', publishedAt: at });
    clusterer.assign({ id: 'z', signature: '0f0f0f0f0f0f0f0f', publishedAt: at });
    // 'old', 'x' and 'late' have left the window of 2.
    expect(clusterer.assign({ id: 'w', signature: 'aaaaaaaaaaaaaaaa', publishedAt: at })).toBe('w');
  });
});
