import { createStoryClusterer, type StoryClustererOptions } from './create-story-clusterer.js';
import type { StoryMemory } from './story-memory.js';

/** A map that forgets its oldest entry beyond `limit`; setting a key again makes it the newest. */
function boundedSet(map: Map<string, string>, limit: number, key: string, value: string): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value!);
}

/**
 * Story memory in this process's heap (embedded mode): the story clusterer, plus the story of each
 * mention it placed, so that assigning a mention again (a retried poll) returns the same story
 * without adding a second copy of it to the clusterer's window; and the stories shares named for
 * articles not seen yet. Both records are bounded like the window, oldest first.
 */
export function createInProcessStoryMemory(options: StoryClustererOptions = {}): StoryMemory {
  const clusterer = createStoryClusterer(options);
  const limit = Math.max(1, Math.floor(options.window ?? 100_000));
  const placed = new Map<string, string>();
  // Article id → the story its shares joined before the article itself was seen.
  const awaited = new Map<string, string>();

  const record = (id: string, storyId: string): void => boundedSet(placed, limit, id, storyId);
  /** The story a share of `sharedId` joins: the article's, or the one its earlier shares named. */
  const shareStory = (sharedId: string): string => {
    const known = placed.get(sharedId);
    if (known !== undefined) return known;
    const named = awaited.get(sharedId) ?? sharedId;
    boundedSet(awaited, limit, sharedId, named);
    return named;
  };
  const isShare = (item: { id: string; sharedId?: string }): item is { id: string; sharedId: string } =>
    item.sharedId !== undefined && item.sharedId !== item.id;

  return {
    assign(candidates) {
      const stories = candidates.map((candidate) => {
        const known = placed.get(candidate.id);
        if (known !== undefined) return known;
        if (isShare(candidate)) {
          // Amplifiers join by link, not by text: their words (a title, a comment) are no copy.
          const storyId = shareStory(candidate.sharedId);
          record(candidate.id, storyId);
          return storyId;
        }
        const named = awaited.get(candidate.id);
        let storyId: string;
        if (named !== undefined) {
          // Its shares came first: the article takes the story they named, and copies join it.
          awaited.delete(candidate.id);
          storyId = named;
          if (candidate.signature !== null) {
            clusterer.remember({ id: candidate.id, storyId: named === candidate.id ? null : named, signature: candidate.signature, publishedAt: candidate.publishedAt });
          }
        } else {
          storyId = clusterer.assign(candidate);
        }
        record(candidate.id, storyId);
        return storyId;
      });
      return Promise.resolve(stories);
    },
    remember(members) {
      for (const member of members) {
        const storyId = member.storyId ?? member.id;
        if (isShare(member)) {
          if (!placed.has(member.sharedId)) boundedSet(awaited, limit, member.sharedId, storyId);
        } else {
          clusterer.remember(member);
          awaited.delete(member.id);
        }
        record(member.id, storyId);
      }
      return Promise.resolve();
    },
    close() {
      placed.clear();
      awaited.clear();
      return Promise.resolve();
    },
  };
}
