import type { HubwatchConfig } from '../config/schema.js';
import { createEnricher } from '../enrich/create-enricher.js';
import { createInProcessStoryMemory } from '../enrich/in-process-story-memory.js';
import { computeReach } from '../enrich/reach.js';
import type { StoryMember, StoryMemory } from '../enrich/story-memory.js';
import type { MentionIndex } from '../index/mention-index.js';
import type { MentionBuilderDeps } from '../workers/build-mentions.js';

/** How far back the story memory is rebuilt at start. */
const STORY_MEMORY_DAYS = 14;
/** Members taught to the story memory per call while it is rebuilt. */
const REMEMBER_BATCH = 5_000;

/** What the enrich stage runs with in one process, and what to release after. */
export interface MentionBuilder extends MentionBuilderDeps {
  close(): Promise<void>;
}

async function rebuildStoryMemory(stories: StoryMemory, index: MentionIndex, since: Date): Promise<void> {
  let members: StoryMember[] = [];
  for await (const record of index.signaturesSince(since)) {
    members.push(record);
    if (members.length >= REMEMBER_BATCH) {
      await stories.remember(members);
      members = [];
    }
  }
  if (members.length > 0) await stories.remember(members);
}

/**
 * The enrich stage's dependencies for one process, as `run` and `import` build them: the
 * watchlist's enricher, an in-process story memory taught the index's last 14 days, and each
 * source's reach (its `tier` or `audience`; unknown sources get the default).
 */
export async function createMentionBuilder(
  config: Pick<HubwatchConfig, 'watchlist' | 'sources' | 'enrich'>,
  index: MentionIndex,
  now: Date,
  options: { stories?: StoryMemory } = {},
): Promise<MentionBuilder> {
  const enricher = createEnricher(config.watchlist, config.enrich);
  // The distributed mode passes one shared across processes; one process keeps its own.
  const stories = options.stories ?? createInProcessStoryMemory();
  await rebuildStoryMemory(stories, index, new Date(now.getTime() - STORY_MEMORY_DAYS * 86_400_000));
  const reachBySource = new Map(
    config.sources.map((s) => [s.id, { ...(s.tier ? { tier: s.tier } : {}), ...(s.audience !== undefined ? { audience: s.audience } : {}) }]),
  );
  return {
    enricher,
    stories,
    reachOf: (item) => computeReach(reachBySource.get(item.sourceId) ?? {}, item.audience),
    close: () => stories.close(),
  };
}
