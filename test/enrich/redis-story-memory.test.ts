import { spawn } from 'node:child_process';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInProcessStoryMemory } from '../../src/enrich/in-process-story-memory.js';
import { createRedisStoryMemory, type RedisStoryMemoryOptions } from '../../src/enrich/redis-story-memory.js';
import type { StoryCandidate, StoryMemory } from '../../src/enrich/story-memory.js';
import { storyCandidates } from '../support/story-candidates.js';
import { deleteKeys, TEST_REDIS_URL, testRedis, uniquePrefix } from '../support/test-redis.js';

const batchesOf = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

// Several "processes": one client and one memory each, on one prefix.
describe('Redis story memory across processes', () => {
  let prefix: string;
  const clients: Redis[] = [];
  const memories: StoryMemory[] = [];

  beforeEach(() => {
    prefix = uniquePrefix('stories-shared');
  });

  afterEach(async () => {
    for (const memory of memories.splice(0)) await memory.close();
    await deleteKeys(clients[0]!, prefix);
    for (const redis of clients.splice(0)) await redis.quit();
  });

  function worker(options: RedisStoryMemoryOptions = {}): StoryMemory {
    const redis = testRedis();
    clients.push(redis);
    const memory = createRedisStoryMemory(redis, prefix, options);
    memories.push(memory);
    return memory;
  }

  /** What one embedded memory gives for these batches, assigned in this order. */
  async function embedded(batches: readonly (readonly StoryCandidate[])[]): Promise<string[][]> {
    const memory = createInProcessStoryMemory();
    const stories: string[][] = [];
    for (const batch of batches) stories.push(await memory.assign(batch));
    await memory.close();
    return stories;
  }

  it('gives the stories an embedded run gives when batches alternate between two workers', async () => {
    const batches = batchesOf(storyCandidates(600, 40), 25);
    const [a, b] = [worker(), worker()];
    const stories: string[][] = [];
    for (const [i, batch] of batches.entries()) stories.push(await (i % 2 === 0 ? a : b).assign(batch));
    expect(stories).toEqual(await embedded(batches));
    // Copies really joined stories across workers: the check above is not about singletons only.
    expect(new Set(stories.flat()).size).toBeLessThan(100);
  });

  it('agrees with an embedded run fed the log\'s order when three workers assign at once', async () => {
    const candidates = storyCandidates(900, 60, 7);
    const batches = batchesOf(candidates, 30);
    const workers = [worker(), worker(), worker()];
    const stories = await Promise.all(batches.map((batch, i) => workers[i % 3]!.assign(batch)));
    // The order the batches reached the log is the order an embedded run would have seen them.
    const logged = (await clients[0]!.xrange(`${prefix}:stories:log`, '-', '+')) as [string, string[]][];
    const order = logged.map(([, fields]) => (JSON.parse(fields[fields.indexOf('c') + 1]!) as StoryCandidate));
    expect(order).toHaveLength(candidates.length);
    const replayed = (await embedded(order.map((c) => [c]))).flat();
    const expected = new Map(order.map((c, i) => [c.id, replayed[i]!]));
    expect(stories.flat()).toEqual(candidates.map((c) => expected.get(c.id)));
  });

  it('gives a batch retried on another worker the stories it got the first time', async () => {
    const batches = batchesOf(storyCandidates(200, 20, 3), 50);
    const a = worker();
    const first: string[][] = [];
    for (const batch of batches) first.push(await a.assign(batch));
    // A worker starting after the others catches up from the log (a page of 7 entries at a time
    // here), then sees the retried batch as placed.
    const late = worker({ readBatch: 7 });
    expect(await late.assign(batches[1]!)).toEqual(first[1]);
    expect(await late.assign([...batches[3]!].reverse())).toEqual([...first[3]!].reverse());
  });

  it('starts its memory again from what the log holds when it fell further behind than the log keeps', async () => {
    const candidates = storyCandidates(700, 30, 11);
    const busy = worker({ logEntries: 150 });
    const idle = worker({ logEntries: 150 });
    // The idle worker's one candidate is a copy of a text assigned much later: a stale memory
    // would join that later copy to it.
    const staleOrigin = { ...candidates[650]!, id: 'stale-origin' };
    await idle.assign([staleOrigin]);
    for (const batch of batchesOf(candidates.slice(1, 650), 50)) await busy.assign(batch);
    // The idle worker missed entries the log no longer holds: it agrees with a memory fed what the
    // log holds when it catches up, not with a stale memory that kept its first candidate.
    const logged = (await clients[0]!.xrange(`${prefix}:stories:log`, '-', '+')) as [string, string[]][];
    expect(logged.length).toBeLessThan(400);
    expect(logged.length).toBeGreaterThanOrEqual(150);
    const held = logged.map(([, fields]) => [(JSON.parse(fields[fields.indexOf('c') + 1]!) as StoryCandidate)]);
    const recent = candidates.slice(650);
    const stories = await idle.assign(recent);
    expect(stories).toEqual((await embedded([...held, recent])).at(-1));
    expect(stories[0]).not.toBe('stale-origin');
    expect((await embedded([[staleOrigin], ...held, recent])).at(-1)![0]).toBe('stale-origin');
  });

  it('stays consistent when a worker is killed with SIGKILL mid-stream: the others retry its batches and get its stories', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/assign-stories-then-crash.ts', TEST_REDIS_URL, prefix], { stdio: ['ignore', 'pipe', 'inherit'] });
    const done = new Map<number, string[]>();
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
          const { at, stories } = JSON.parse(buffer.slice(0, end)) as { at: number; stories: string[] };
          buffer = buffer.slice(end + 1);
          done.set(at, stories);
          // Killed while it is assigning, somewhere past its seventh batch.
          if (done.size === 7) setTimeout(() => child.kill('SIGKILL'), 3);
        }
      });
      child.once('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`worker exited by itself (${signal})`))));
    });
    const candidates = storyCandidates(400, 30, 5);
    const survivor = worker();
    const stories: string[] = [];
    for (let i = 0; i < candidates.length; i += 20) stories.push(...(await survivor.assign(candidates.slice(i, i + 20))));
    // Every batch the killed worker finished gets the same stories again.
    for (const [at, got] of done) expect(stories.slice(at, at + 20)).toEqual(got);
    // And everything agrees with one memory fed the log in its order, the dead worker's last
    // batch included when it reached the log.
    const logged = (await clients[0]!.xrange(`${prefix}:stories:log`, '-', '+')) as [string, string[]][];
    const order = logged.map(([, fields]) => JSON.parse(fields[fields.indexOf('c') + 1]!) as StoryCandidate);
    const replayed = (await embedded(order.map((c) => [c]))).flat();
    const firstStory = new Map<string, string>();
    order.forEach((c, i) => firstStory.has(c.id) || firstStory.set(c.id, replayed[i]!));
    expect(stories).toEqual(candidates.map((c) => firstStory.get(c.id)));
  });
});
