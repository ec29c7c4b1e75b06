import type { Redis } from 'ioredis';

async function configValue(client: Redis, name: string): Promise<string> {
  const answer = (await client.call('CONFIG', 'GET', name)) as string[];
  return answer[1] ?? '';
}

/**
 * What is wrong with a Redis for queues, one line per problem: an eviction policy other than
 * `noeviction` (Redis would drop queued jobs under memory pressure) and no persistence (a restart
 * loses every queued job). When `CONFIG GET` is refused (managed Redis), says it could not check.
 */
export async function redisSettingsProblems(client: Redis): Promise<string[]> {
  let policy: string;
  let appendonly: string;
  let save: string;
  try {
    [policy, appendonly, save] = await Promise.all([configValue(client, 'maxmemory-policy'), configValue(client, 'appendonly'), configValue(client, 'save')]);
  } catch (error) {
    return [
      `could not check the Redis settings (CONFIG GET was refused: ${error instanceof Error ? error.message : String(error)}); ` +
        'make sure maxmemory-policy is noeviction and persistence (AOF) is on',
    ];
  }
  const problems: string[] = [];
  if (policy !== 'noeviction') {
    problems.push(`Redis maxmemory-policy is "${policy}": it must be "noeviction", or Redis may drop queued jobs when memory runs short`);
  }
  if (appendonly !== 'yes' && save.trim() === '') {
    problems.push('Redis persistence is off (appendonly no, no save points): a Redis restart loses every queued job; turn on AOF (appendonly yes)');
  } else if (appendonly !== 'yes') {
    problems.push('Redis AOF is off (only RDB snapshots): a crash loses the jobs queued since the last snapshot; turn on AOF (appendonly yes)');
  }
  return problems;
}
