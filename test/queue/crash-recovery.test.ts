import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedFeed } from '../../bench/support/generated-feed.js';
import { parseConfig } from '../../src/config/load-config.js';
import { configSchema } from '../../src/config/schema.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { createEmbeddedPipeline } from '../../src/roles/embedded-pipeline.js';
import { RedisStateStore } from '../../src/state/redis-state-store.js';
import { OwnRedis, waitFor } from '../support/redis-test.js';
import { indexSnapshot } from './index-snapshot.js';

const FEEDS = 5;
const ITEMS = 100;
const PREFIX = 'crash';
const logger = silentLogger();

/** Ids in the index file, read directly (the workers hold it open). */
function indexedIds(path: string): Set<string> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return new Set((db.prepare('SELECT id FROM mentions').all() as { id: string }[]).map((row) => row.id));
  } catch {
    return new Set();
  } finally {
    db.close();
  }
}

/**
 * Workers killed with SIGKILL mid-batch and a Redis killed and restarted (AOF) lose and double
 * nothing: at the end the index holds every mention of the feeds exactly once, and at every crash
 * no source had marked as delivered an item the index did not hold.
 */
describe('crash recovery (own redis-server, worker processes)', () => {
  let dir: string;
  let redis: OwnRedis;
  let feeds: Server;
  let configFile: string;
  let expected: Map<string, Set<string>>;
  const children: ChildProcess[] = [];
  /** The workers' stderr, shown when the test fails. */
  let logs = '';
  const indexPath = (): string => join(dir, 'distributed.db');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-crash-'));
    mkdirSync(join(dir, 'redis'));
    redis = await OwnRedis.start(join(dir, 'redis'));
    const now = new Date();
    const bodies = Array.from({ length: FEEDS }, (_, i) => generatedFeed(i, ITEMS, now));
    feeds = createServer((req, res) => {
      const body = bodies[Number(/\/feed\/(\d+)\.xml/.exec(req.url ?? '')?.[1] ?? -1)];
      if (body === undefined) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
    });
    await new Promise<void>((resolve) => feeds.listen(0, '127.0.0.1', resolve));
    const port = (feeds.address() as { port: number }).port;
    const watchlist = parseConfig(readFileSync('config/hubwatch.yaml', 'utf8'), 'config/hubwatch.yaml', { env: {} }).watchlist;
    const raw = {
      sources: bodies.map((_, i) => ({ id: `feed-${i}`, type: 'rss', url: `http://127.0.0.1:${port}/feed/${i}.xml` })),
      watchlist,
      // Every feed is on one host: a killed worker's per-host slots stay leased until they lapse
      // (30 s), so leave enough that the survivor's polls need none of them.
      fetch: { allow: [{ host: '127.0.0.1', ports: [port] }], perHost: { concurrency: 16, minDelay: 0 } },
      index: { sqlite: { path: indexPath() } },
      queue: { redisUrl: redis.url, prefix: PREFIX, lockDuration: 2, stalledInterval: 1, drainTimeout: 10, connectTimeout: 5, fetchConcurrency: 3, enrichConcurrency: 1 },
      log: { level: 'warn' },
    };
    configFile = join(dir, 'hubwatch.yaml');
    writeFileSync(configFile, JSON.stringify(raw));
    // The reference: the same feeds through the embedded pipeline.
    const reference = configSchema.parse({ ...raw, queue: undefined, index: { sqlite: { path: join(dir, 'embedded.db') } } });
    const index = await openIndex(reference.index, { logger });
    const pipeline = await createEmbeddedPipeline(reference, { index, logger, clock: () => new Date(), alertOutput: () => undefined });
    await pipeline.driver.runOnce();
    expected = new Map();
    for (const mention of await indexSnapshot(index)) {
      const ids = expected.get(mention.sourceId) ?? new Set<string>();
      ids.add(mention.id);
      expected.set(mention.sourceId, ids);
    }
    await pipeline.close();
    await index.close();
  }, 60_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await redis?.kill();
    await new Promise((resolve) => feeds?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  function startWorker(role: string): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--role', role], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HUBWATCH_CONFIG: configFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (logs += chunk));
    children.push(child);
    return child;
  }

  async function activeBatches(): Promise<number> {
    const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    try {
      return await client.llen(`${PREFIX}:enrich:active`);
    } finally {
      client.disconnect();
    }
  }

  /** No source has recorded as delivered an id the index lacks (the cursor never runs ahead). */
  async function assertNothingAhead(): Promise<void> {
    const inIndex = indexedIds(indexPath());
    const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    const store = new RedisStateStore(client, PREFIX);
    try {
      for (const [sourceId, ids] of expected) {
        const seen = await store.seen(sourceId, [...ids]);
        for (const id of seen) expect(inIndex.has(id), `${sourceId} marked ${id} delivered before it was indexed`).toBe(true);
        const state = await store.get(sourceId);
        if (state.lastSuccessAt) expect([...ids].every((id) => inIndex.has(id))).toBe(true);
      }
    } finally {
      await store.close();
      client.disconnect();
    }
  }

  it('recovers the jobs of a worker killed mid-batch and rides out a Redis kill -9 and restart', async () => {
    const first = startWorker('all');
    await waitFor(async () => (await activeBatches()) > 0, 'a batch under way in the first worker', 60_000, 10);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    await assertNothingAhead();
    const total = [...expected.values()].reduce((sum, ids) => sum + ids.size, 0);
    expect(indexedIds(indexPath()).size).toBeLessThan(total);

    const second = startWorker('all');
    await waitFor(async () => (await activeBatches()) > 0 || indexedIds(indexPath()).size === total, 'the second worker at work', 60_000, 10);
    await assertNothingAhead();
    await redis.kill();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await redis.restart();

    await waitFor(() => indexedIds(indexPath()).size === total, 'every mention indexed', 90_000, 250).catch((error: Error) => {
      throw new Error(`${error.message}; ${indexedIds(indexPath()).size} of ${total}; worker logs:\n${logs.slice(-4000)}`);
    });
    const stopped = Date.now();
    second.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(code).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(15_000);
    await assertNothingAhead();
    const index = await openIndex({ sqlite: { path: indexPath() } }, { logger });
    try {
      const snapshot = await indexSnapshot(index);
      expect(snapshot.length).toBe(total);
      expect(new Set(snapshot.map((m) => m.id)).size).toBe(total);
      for (const [sourceId, ids] of expected) expect(new Set(snapshot.filter((m) => m.sourceId === sourceId).map((m) => m.id))).toEqual(ids);
    } finally {
      await index.close();
    }
  }, 150_000);
});
