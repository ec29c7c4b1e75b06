import { NotFoundError } from '../core/errors.js';
import type { MentionIndex } from '../index/mention-index.js';
import { hitToJson, type HitView } from './hit-view.js';

/** Other copies of a story shown with a mention, at most. */
export const STORY_MEMBERS_SHOWN = 50;

/** A mention with its full text and its story, as the API's detail shows it. */
export interface MentionDetail {
  mention: HitView & { text: string | null };
  story: {
    id: string | null;
    /** The story's first published copy (may be the mention itself). */
    origin: HitView | null;
    /** The story's other mentions (neither this one nor the origin), newest first, at most 50. */
    members: HitView[];
    /** Mentions in the story, this one included (1 for a mention without a story). */
    size: number;
  };
}

/** A mention and its story; `NotFoundError` when the index has no mention with this id. */
export async function getMentionDetail(index: MentionIndex, id: string): Promise<MentionDetail> {
  const mention = await index.get(id);
  if (!mention) throw new NotFoundError(`no mention with id "${id}"`);
  const view = { ...hitToJson({ mention }), text: mention.text };
  if (!mention.storyId) return { mention: view, story: { id: null, origin: null, members: [], size: 1 } };
  // Two more than shown: this mention and the origin may be among the newest.
  const story = await index.story(mention.storyId, STORY_MEMBERS_SHOWN + 2);
  const originId = story.origin?.id;
  const members = story.latest.filter((m) => m.id !== mention.id && m.id !== originId).slice(0, STORY_MEMBERS_SHOWN);
  return {
    mention: view,
    story: { id: mention.storyId, origin: story.origin ? hitToJson({ mention: story.origin }) : null, members: members.map((m) => hitToJson({ mention: m })), size: Math.max(1, story.size) },
  };
}
