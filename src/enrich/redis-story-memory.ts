import type { Redis } from 'ioredis';
import { redisScript } from '../platform/redis-script.js';
import type { StoryClustererOptions } from './create-story-clusterer.js';
import { createInProcessStoryMemory } from './in-process-story-memory.js';
import type { StoryCandidate, StoryMemory } from './story-memory.js';

/** Options of the Redis story memory: the clusterer's, plus how much of the log Redis keeps. */
export interface RedisStoryMemoryOptions extends StoryClustererOptions {
  /**
   * Candidates the shared log keeps (at least; trimming is approximate). Default: the clusterer's
   * window (100,000, about 40 MB of Redis). A process that falls further behind than this starts
   * its memory again from the log.
   */
  logEntries?: number;
  /** Log entries read per round trip while catching up. Default 1,000. */
  readBatch?: number;
}

/**
 * Reads what this process has not applied yet, then appends its candidates, in one atomic step:
 * KEYS[1] the stream, KEYS[2] its sequence; ARGV[1] the length to trim to, ARGV[2] the last entry
 * applied ('-' for none), ARGV[3] the most entries to return, then each candidate as JSON (whole,
 * so whatever the port's candidates carry reaches every process). Every entry carries its sequence
 * number `n`, so a reader can tell that entries it never read were trimmed. Returns the first
 * sequence number of the batch, the ids of its first and last entries, and the entries before it
 * (at most ARGV[3]).
 */
const appendScript = redisScript(`
local start = ARGV[2] == '-' and '-' or '(' .. ARGV[2]
local behind = redis.call('XRANGE', KEYS[1], start, '+', 'COUNT', ARGV[3])
local count = #ARGV - 3
local last = redis.call('INCRBY', KEYS[2], count)
local ids = {}
for i = 0, count - 1 do
  ids[i + 1] = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*',
    'n', last - count + 1 + i, 'c', ARGV[4 + i])
end
return {last - count + 1, ids[1], ids[count], behind}
`);

type LogEntry = [id: string, fields: string[]];

/**
 * Story memory shared by every enrich worker on one Redis: a replicated log. Each process holds
 * the in-process story memory (the same clusterer an embedded run uses) and a Redis stream holds
 * every candidate any process assigned, in one order. To assign a batch, a process appends its
 * candidates to the stream (one Lua script, so a batch is contiguous), then applies the stream to
 * its own memory, in stream order, up to and including its batch: the stories of its candidates
 * are what the memory gives them there. Every process applies the same candidates in the same
 * order to the same clusterer, so all agree with each other and with an embedded run fed that
 * order; stream order is the serialisation, so no lock is needed.
 *
 * Chosen over a lock around the in-process clusterer (nothing to expire, fence or renew; a slow
 * process holds no one up) and over a port of the clusterer to Lua (one algorithm, not two that
 * can drift; the clusterer's changes flow through). A worker killed mid-assign leaves at worst its
 * batch in the log: the others apply it, and the retried job gets the same stories, since the
 * memory returns a placed mention's story again. `remember` (the index replayed at start) teaches
 * this process only: every process reads the same index. Redis keeps `logEntries` candidates,
 * about 400 bytes each; the sequence number lets a process that fell further behind notice it,
 * and it then starts its memory again from what the log holds. The client is the caller's:
 * `close` leaves it open.
 */
export function createRedisStoryMemory(redis: Redis, prefix: string, options: RedisStoryMemoryOptions = {}): StoryMemory {
  const logKey = `${prefix}:stories:log`;
  const seqKey = `${prefix}:stories:seq`;
  const logEntries = Math.max(1, Math.floor(options.logEntries ?? options.window ?? 100_000));
  const readBatch = Math.max(1, Math.floor(options.readBatch ?? 1_000));
  let local = createInProcessStoryMemory(options);
  /** The last entry applied (its stream id and sequence number), or none yet. */
  let appliedId = '-';
  let appliedSeq = 0;
  /** Calls in this process run one after another: they share `local` and the read position. */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Applies entries to this process's memory, in log order. */
  const apply = async (entries: readonly LogEntry[]): Promise<void> => {
    for (const [id, fields] of entries) {
      const entry = readEntry(fields);
      if (appliedSeq > 0 && entry.seq !== appliedSeq + 1) local = restart(local, options);
      await local.assign([entry.candidate]);
      appliedId = id;
      appliedSeq = entry.seq;
    }
  };

  return {
    assign(candidates) {
      if (candidates.length === 0) return Promise.resolve([]);
      return serial(async () => {
        const args: (string | number)[] = [logEntries, appliedId, readBatch];
        for (const candidate of candidates) args.push(JSON.stringify(candidate));
        const [first, firstId, lastId, behind] = (await appendScript.run(redis, [logKey, seqKey], args)) as [number, string, string, LogEntry[]];
        await apply(behind);
        // A full page: more went by than one read returns (a process catching up at start).
        for (let page = behind; page.length >= readBatch; ) {
          page = (await redis.xrange(logKey, `(${appliedId}`, `(${firstId}`, 'COUNT', readBatch)) as LogEntry[];
          await apply(page);
        }
        if (appliedSeq > 0 && appliedSeq !== first - 1) local = restart(local, options);
        // The batch itself, from the candidates in hand: what every other process applies from the log.
        const stories: string[] = [];
        for (const candidate of candidates) stories.push(...(await local.assign([candidate])));
        appliedId = lastId;
        appliedSeq = first + candidates.length - 1;
        return stories;
      });
    },
    remember(members) {
      return serial(() => local.remember(members));
    },
    close() {
      return serial(() => local.close());
    },
  };
}

function readEntry(fields: string[]): { seq: number; candidate: StoryCandidate } {
  const value: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) value[fields[i]!] = fields[i + 1]!;
  return { seq: Number(value.n), candidate: JSON.parse(value.c!) as StoryCandidate };
}

/** A fresh memory, for a process that missed entries the log no longer holds. */
function restart(old: StoryMemory, options: StoryClustererOptions): StoryMemory {
  void old.close();
  return createInProcessStoryMemory(options);
}
