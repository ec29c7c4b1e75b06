import { createStoryClusterer, type StoryClustererOptions } from './create-story-clusterer.js';
import type { StoryMemory } from './story-memory.js';

/** The story memory of one process: the story clusterer's window, held in memory. */
export function createInProcessStoryMemory(options: StoryClustererOptions = {}): StoryMemory {
  const clusterer = createStoryClusterer(options);
  return {
    async assign(candidates) {
      return candidates.map((candidate) => clusterer.assign(candidate));
    },
    async remember(members) {
      for (const member of members) clusterer.remember(member);
    },
    async close() {},
  };
}
