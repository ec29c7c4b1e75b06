/**
 * Test helper process: an enrich worker's story memory on Redis (argv[2] URL, argv[3] prefix)
 * assigning the test candidates in batches of 20 without end, printing each batch's stories as a
 * JSON line, until the test kills it with SIGKILL.
 */
import { Redis } from 'ioredis';
import { createRedisStoryMemory } from '../../src/enrich/redis-story-memory.js';
import { storyCandidates } from './story-candidates.js';

const memory = createRedisStoryMemory(new Redis(process.argv[2]!), process.argv[3]!);
const candidates = storyCandidates(400, 30, 5);
for (let round = 0; ; round += 1) {
  for (let i = 0; i < candidates.length; i += 20) {
    const stories = await memory.assign(candidates.slice(i, i + 20));
    process.stdout.write(`${JSON.stringify({ at: i, stories })}\n`);
  }
}
