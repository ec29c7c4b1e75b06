import type { Mention } from '../core/mention.js';
import type { StoryLine } from './firing.js';

/** Stories an alert shows at most. */
export const MAX_STORIES = 8;

/**
 * One line per story (syndicated copies fold into their first-seen copy, counted), the widest
 * reach first, then the newest.
 */
export function topStories(mentions: readonly Mention[], max = MAX_STORIES): StoryLine[] {
  const byStory = new Map<string, StoryLine>();
  const sorted = [...mentions].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  for (const m of sorted) {
    const key = m.storyId ?? m.id;
    const line = byStory.get(key);
    if (line) {
      line.copies++;
      line.reach = Math.max(line.reach, m.reach);
      continue;
    }
    byStory.set(key, {
      mentionId: m.id, storyId: m.storyId, title: m.title, url: m.url, sourceName: m.sourceName,
      publishedAt: m.publishedAt, sentiment: m.sentiment.label, reach: m.reach, copies: 1,
    });
  }
  return [...byStory.values()].sort((a, b) => b.reach - a.reach || b.copies - a.copies || b.publishedAt.localeCompare(a.publishedAt)).slice(0, max);
}

/** Merges story lines of several firings (a digest): copies add up, each story once. */
export function mergeStories(lists: readonly (readonly StoryLine[])[], max = MAX_STORIES): StoryLine[] {
  const byStory = new Map<string, StoryLine>();
  for (const list of lists) {
    for (const line of list) {
      const key = line.storyId ?? line.mentionId;
      const seen = byStory.get(key);
      if (seen) seen.copies += line.copies;
      else byStory.set(key, { ...line });
    }
  }
  return [...byStory.values()].sort((a, b) => b.reach - a.reach || b.copies - a.copies || b.publishedAt.localeCompare(a.publishedAt)).slice(0, max);
}
