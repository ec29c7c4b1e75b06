import { createStoryClusterer, type StoryClustererOptions } from './create-story-clusterer.js';
import type { StoryMemory } from './story-memory.js';

/**
 * Story memory in this process's heap (embedded mode): the story clusterer, plus the story of each
 * mention it placed, so that assigning a mention again (a retried poll) returns the same story
 * without adding a second copy of it to the clusterer's window. That record is bounded like the
 * window, oldest first.
 */
export function createInProcessStoryMemory(options: StoryClustererOptions = {}): StoryMemory {
  const clusterer = createStoryClusterer(options);
  const limit = Math.max(1, Math.floor(options.window ?? 100_000));
  const placed = new Map<string, string>();

  const record = (id: string, storyId: string): void => {
    placed.delete(id);
    placed.set(id, storyId);
    if (placed.size > limit) placed.delete(placed.keys().next().value!);
  };

  return {
    assign(candidates) {
      const stories = candidates.map((candidate) => {
        const known = placed.get(candidate.id);
        if (known !== undefined) return known;
        const storyId = clusterer.assign(candidate);
        record(candidate.id, storyId);
        return storyId;
      });
      return Promise.resolve(stories);
    },
    remember(members) {
      for (const member of members) {
        clusterer.remember(member);
        record(member.id, member.storyId ?? member.id);
      }
      return Promise.resolve();
    },
    close() {
      placed.clear();
      return Promise.resolve();
    },
  };
}
