/**
 * Redis state benchmark: `npm run bench -- --suite redis-state [--redis URL] [--batches 200]`.
 * What distributed mode's Redis adapters cost per 100-mention batch, beside the embedded ones:
 * 1. A poll's state calls (as fetch-source, index-batch and record-poll make them: get, seen of
 *    100 ids, get, markSeen of 100 ids, save) on RedisStateStore and on SqliteStateStore.
 * 2. Story assignment of 100 candidates: the in-process memory, the Redis memory with one worker,
 *    and two Redis workers taking batches in turn (each then also applies the other's batches).
 * Commands are counted on the client (every command ioredis sends, MULTI and EXEC included);
 * round trips follow from the code: one per call, a MULTI being one pipeline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { watchlistSchema } from '../src/config/watchlist.js';
import { createEnricher } from '../src/enrich/create-enricher.js';
import { createInProcessStoryMemory } from '../src/enrich/in-process-story-memory.js';
import { createRedisStoryMemory } from '../src/enrich/redis-story-memory.js';
import type { StoryCandidate, StoryMemory } from '../src/enrich/story-memory.js';
import { RedisStateStore } from '../src/state/redis-state-store.js';
import { SqliteStateStore } from '../src/state/sqlite-state-store.js';
import { emptySourceState, type StateStore } from '../src/state/state-store.js';
import { generateCorpus, prng } from './corpus/generate.js';
import { argValue, fmt } from './support/measure.js';

const BATCH = 100;

/** Counts the commands a client sends. */
function counted(redis: Redis): { redis: Redis; commands: () => number } {
  let commands = 0;
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = ((...args: Parameters<Redis['sendCommand']>) => {
    commands += 1;
    return send(...args);
  }) as Redis['sendCommand'];
  return { redis, commands: () => commands };
}

async function timed(label: string, batches: number, commands: () => number, work: (i: number) => Promise<void>): Promise<void> {
  const before = commands();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < batches; i += 1) await work(i);
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const sent = commands() - before;
  console.log(
    `${label.padEnd(44)} ${fmt(batches / wall).padStart(6)} batches/s  ${fmt((batches * BATCH) / wall).padStart(7)} mentions/s  ` +
      `${fmt((batches * BATCH) / cpuSeconds).padStart(7)} per CPU-s  ${(sent / batches).toFixed(1).padStart(5)} commands/batch  ${(sent / (batches * BATCH)).toFixed(3)} per mention`,
  );
}

async function pollCommits(label: string, store: StateStore, batches: number, commands: () => number): Promise<void> {
  await timed(label, batches, commands, async (i) => {
    const sourceId = `source-${i % 50}`;
    const ids = Array.from({ length: BATCH }, (_, k) => `${sourceId}-m${i * BATCH + k}`);
    const state = await store.get(sourceId);
    await store.seen(sourceId, ids);
    await store.get(sourceId);
    await store.markSeen(sourceId, ids, new Date());
    await store.save({ ...emptySourceState(sourceId), ...state, status: 'ok', cursor: { etag: `"${i}"` }, itemsTotal: state.itemsTotal + BATCH });
  });
}

/** `count` candidates from the generated corpus, one in five a copy of an earlier one (a syndicated story). */
function candidates(count: number): StoryCandidate[] {
  const enricher = createEnricher(watchlistSchema.parse({}), { frenchModel: false });
  const random = prng(15);
  const out: StoryCandidate[] = [];
  for (const mention of [...generateCorpus({ total: count, days: 14 }, count)].flat()) {
    const copyOf = out.length > 0 && random() < 0.2 ? out[Math.floor(random() * out.length)] : undefined;
    const signature = copyOf ? copyOf.signature : (enricher.enrich({ title: mention.title ?? '', text: mention.text }).signature ?? null);
    out.push({ id: mention.id, signature, publishedAt: mention.publishedAt });
  }
  return out;
}

async function assigns(label: string, memories: StoryMemory[], all: StoryCandidate[], commands: () => number): Promise<void> {
  const batches = Math.floor(all.length / BATCH);
  await timed(label, batches, commands, async (i) => {
    await memories[i % memories.length]!.assign(all.slice(i * BATCH, (i + 1) * BATCH));
  });
}

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

export async function run(argv: string[]): Promise<void> {
  const url = argValue(argv, '--redis') ?? 'redis://127.0.0.1:6379';
  const batches = Number(argValue(argv, '--batches') ?? 200);
  const prefix = `hubwatch-bench:${process.pid}`;
  const a = counted(new Redis(url));
  const b = counted(new Redis(url));
  const both = (): number => a.commands() + b.commands();
  const dir = mkdtempSync(join(tmpdir(), 'hubwatch-bench-redis-state-'));
  try {
    console.log(`Redis ${url}, ${batches} batches of ${BATCH}; load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
    console.log('\npoll commit (get, seen ×100, get, markSeen ×100, save)');
    const sqlite = new SqliteStateStore(join(dir, 'state.db'));
    await pollCommits('  SqliteStateStore (embedded)', sqlite, batches, () => 0);
    await sqlite.close();
    await pollCommits('  RedisStateStore', new RedisStateStore(a.redis, `${prefix}:state`), batches, a.commands);

    const pool = candidates(batches * BATCH * 2);
    console.log('\nstory assign (100 candidates per call)');
    const inProcess = createInProcessStoryMemory();
    await assigns('  in-process memory (embedded)', [inProcess], pool.slice(0, batches * BATCH), () => 0);
    const one = createRedisStoryMemory(a.redis, `${prefix}:one`);
    await assigns('  Redis memory, 1 worker', [one], pool.slice(0, batches * BATCH), a.commands);
    const pair = [createRedisStoryMemory(a.redis, `${prefix}:two`), createRedisStoryMemory(b.redis, `${prefix}:two`)];
    await assigns('  Redis memory, 2 workers in turn (both apply all)', pair, pool.slice(batches * BATCH), both);
    for (const memory of [inProcess, one, ...pair]) await memory.close();
  } finally {
    await deleteKeys(a.redis, prefix);
    await a.redis.quit();
    await b.redis.quit();
    rmSync(dir, { recursive: true, force: true });
  }
}
