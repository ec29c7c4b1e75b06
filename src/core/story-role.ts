import type { Mention } from './mention.js';

/**
 * A mention's part in its story: the `origin` (the first copy of the text; the story bears its
 * id), a `copy` (a syndicated or lightly edited copy that joined it), or an `amplifier` (a post
 * sharing the article: a Hacker News story, a Reddit link post, a post with a link card).
 */
export type StoryRole = 'origin' | 'copy' | 'amplifier';

export function storyRoleOf(mention: Pick<Mention, 'id' | 'storyId' | 'sharedUrl'>): StoryRole {
  if (mention.sharedUrl !== undefined) return 'amplifier';
  return mention.storyId === null || mention.storyId === mention.id ? 'origin' : 'copy';
}
