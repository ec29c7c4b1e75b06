import { setImmediate as nextTurn } from 'node:timers/promises';
import { articleIdOf } from '../core/mention-id.js';
import type { MentionIndex } from '../index/mention-index.js';
import type { StoryMember, StoryMemory } from './story-memory.js';

/**
 * Members taught to the story memory per call while it is rebuilt: a few milliseconds of this thread's
 * work each, after which the run's fetches and the pool's answers get their turn.
 */
const REMEMBER_BATCH = 250;

/** Teaches `stories` every mention the index holds since `since`, giving the event loop a turn between batches. */
async function rebuild(stories: StoryMemory, index: MentionIndex, since: Date): Promise<void> {
  let members: StoryMember[] = [];
  for await (const { sharedUrl, ...record } of index.signaturesSince(since)) {
    const sharedId = sharedUrl ? articleIdOf(sharedUrl) : null;
    members.push(sharedId ? { ...record, sharedId } : record);
    if (members.length >= REMEMBER_BATCH) {
      await stories.remember(members);
      members = [];
      // The index is read synchronously: without a turn, fetches started meanwhile would wait for the whole rebuild.
      await nextTurn();
    }
  }
  if (members.length > 0) await stories.remember(members);
}

/**
 * `stories`, taught the index's mentions since `since` in the background: the rebuild starts at
 * once and every call waits for it, so the first stories are assigned against the whole memory
 * (the same stories as a rebuild before the run), while the run's first fetches, parsing and
 * enrichment go on beside it. A rebuild that fails fails every `assign` and `remember` with
 * its cause, said plainly.
 */
export function rebuildingStoryMemory(stories: StoryMemory, index: MentionIndex, since: Date): StoryMemory {
  const rebuilt = rebuild(stories, index, since).catch((error: unknown) => {
    throw new Error(`the story memory could not be rebuilt from the index (mentions since ${since.toISOString()}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  });
  // Reported by the calls that wait for it, not as an unhandled rejection.
  rebuilt.catch(() => undefined);
  return {
    async assign(candidates) {
      await rebuilt;
      return stories.assign(candidates);
    },
    async remember(members) {
      await rebuilt;
      return stories.remember(members);
    },
    async close() {
      await rebuilt.catch(() => undefined);
      await stories.close();
    },
  };
}
