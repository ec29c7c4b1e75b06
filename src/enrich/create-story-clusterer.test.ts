import { describe, expect, it } from 'vitest';
import { createStoryClusterer } from './create-story-clusterer.js';
import { minhash } from './signature/minhash.js';

const at = '2026-11-01T10:00:00Z';
const article = (seed: number, length = 120): string[] => Array.from({ length }, (_, i) => `w${seed}-${(i * 7919) % 997}`);
const sign = (words: string[]): string => minhash(words)!;

describe('createStoryClusterer', () => {
  it('joins syndicated and lightly edited copies to the first-seen origin, keeps other stories apart', () => {
    const clusterer = createStoryClusterer();
    const story = article(1);
    const edited = [...story];
    edited[10] = 'changed';
    edited[70] = 'edited';
    expect(clusterer.assign({ id: 'a', signature: sign(story), publishedAt: at })).toBe('a');
    expect(clusterer.assign({ id: 'b', signature: sign([...story, 'byline', 'by', 'wire']), publishedAt: at })).toBe('a');
    expect(clusterer.assign({ id: 'c', signature: sign(edited), publishedAt: at })).toBe('a');
    expect(clusterer.assign({ id: 'd', signature: sign(article(2)), publishedAt: at })).toBe('d');
    expect(clusterer.assign({ id: 'e', signature: null, publishedAt: at })).toBe('e');
    expect(clusterer.assign({ id: 'f', signature: '0123456789abcdef', publishedAt: at })).toBe('f');
    expect(clusterer.assign({ id: 'a', signature: sign(story), publishedAt: at })).toBe('a');
  });

  it('learns remembered mentions, respects the age limit and forgets beyond its window', () => {
    const clusterer = createStoryClusterer({ window: 2, maxAgeDays: 1 });
    const story = sign(article(3));
    clusterer.remember({ id: 'old', storyId: 'story-1', signature: story, publishedAt: at });
    expect(clusterer.assign({ id: 'x', signature: story, publishedAt: at })).toBe('story-1');
    expect(clusterer.assign({ id: 'late', signature: story, publishedAt: '2026-11-05T10:00:00Z' })).toBe('late');
    clusterer.assign({ id: 'y', signature: sign(article(4)), publishedAt: at });
    // 'old' and 'x' have left the window; 'late', which shared every band with them, is still found.
    expect(clusterer.assign({ id: 'v', signature: story, publishedAt: '2026-11-05T12:00:00Z' })).toBe('late');
    clusterer.assign({ id: 'z', signature: sign(article(5)), publishedAt: at });
    // Only 'v' (four days after 'old') and 'z' are left in the window of 2.
    expect(clusterer.assign({ id: 'u', signature: story, publishedAt: '2026-11-05T18:00:00Z' })).toBe('late');
    expect(clusterer.assign({ id: 'w', signature: story, publishedAt: at })).toBe('w');
  });
});
