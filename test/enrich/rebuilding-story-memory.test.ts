import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessStoryMemory } from '../../src/enrich/in-process-story-memory.js';
import { rebuildingStoryMemory } from '../../src/enrich/rebuilding-story-memory.js';
import type { StoryCandidate } from '../../src/enrich/story-memory.js';
import type { MentionIndex } from '../../src/index/mention-index.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { idOf, mention } from '../contract/fixtures.js';
import { storyCandidates } from '../support/story-candidates.js';

const logger = silentLogger();
const since = new Date('2026-02-20T00:00:00.000Z');

/** The story memory rebuilt from the index while the run goes on: the same stories as one rebuilt first. */
describe('a story memory rebuilt in the background', () => {
  let dir: string;
  let index: MentionIndex;
  // Enough indexed mentions for two batches of the rebuild, and new copies of the same articles.
  const all = storyCandidates(6_300, 400).map((c): StoryCandidate => ({ ...c, id: idOf(c.id) }));
  const indexed = all.slice(0, 6_000);
  const arriving = all.slice(6_000);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-rebuild-'));
    index = await openIndex({ sqlite: { path: join(dir, 'index.db') } }, { logger });
    const stories = await createInProcessStoryMemory().assign(indexed);
    await index.upsert(indexed.map((c, i) => mention(c.id, { id: c.id, publishedAt: c.publishedAt, fetchedAt: c.publishedAt, signature: c.signature, storyId: stories[i] === c.id ? null : stories[i]! })));
  }, 60_000);

  afterAll(async () => {
    await index.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('assigns the first candidates against the whole memory, as a memory taught before the run does', async () => {
    const taughtFirst = createInProcessStoryMemory();
    const before = rebuildingStoryMemory(taughtFirst, index, since);
    await before.remember([]);
    const expected = await before.assign(arriving);
    // Called at once, before the rebuild has read anything.
    const background = rebuildingStoryMemory(createInProcessStoryMemory(), index, since);
    expect(await background.assign(arriving)).toEqual(expected);
    // Most copies join a story of the indexed mentions.
    const known = new Set(indexed.map((c) => c.id));
    expect(expected.filter((story) => known.has(story)).length).toBeGreaterThan(arriving.length / 2);
    await Promise.all([before.close(), background.close()]);
  }, 60_000);

  it('gives the event loop turns while it reads, so fetches started meanwhile go on', async () => {
    const order: string[] = [];
    const memory = rebuildingStoryMemory(createInProcessStoryMemory(), index, since);
    setImmediate(() => order.push('a turn'));
    await memory.remember([]);
    order.push('rebuilt');
    expect(order).toEqual(['a turn', 'rebuilt']);
    await memory.close();
  }, 60_000);

  it('fails its calls with what went wrong when the index cannot be read', async () => {
    const closed = await openIndex({ sqlite: { path: join(dir, 'closed.db') } }, { logger });
    await closed.close();
    const memory = rebuildingStoryMemory(createInProcessStoryMemory(), closed, since);
    await expect(memory.assign(arriving.slice(0, 1))).rejects.toThrow(/story memory could not be rebuilt from the index \(mentions since 2026-02-20T00:00:00.000Z\): .*(not open|closed)/i);
    await memory.close();
  });
});
