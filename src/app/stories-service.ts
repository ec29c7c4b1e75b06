import type { MentionIndex } from '../index/mention-index.js';
import type { FilterScope } from './mention-filters.js';

/** One row of the stories report: a story, its origin's title and how many mentions it holds. */
export interface StoryRow {
  storyId: string;
  title: string;
  size: number;
  /** When the origin was published. */
  firstPublishedAt: string;
  originId: string;
}

/** The biggest stories in a scope, biggest first (ties: the earliest). */
export async function topStoriesReport(index: MentionIndex, scope: FilterScope, limit: number): Promise<{ report: 'stories'; rows: StoryRow[] }> {
  const buckets = await index.topStories({ ...scope, size: limit });
  return {
    report: 'stories',
    rows: buckets.map((b) => ({ storyId: b.storyId, title: b.origin.title, size: b.count, firstPublishedAt: b.origin.publishedAt, originId: b.origin.id })),
  };
}
