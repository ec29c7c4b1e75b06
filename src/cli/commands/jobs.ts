import { InvalidArgumentError } from 'commander';
import { UserInputError } from '../../core/errors.js';
import type { HubwatchConfig } from '../../config/schema.js';
import type { JobsAdmin } from '../../queue/jobs-admin.js';
import type { CliContext } from '../cli-context.js';
import type { CommandModule } from '../command.js';

async function withAdmin<T>(config: HubwatchConfig, body: (admin: JobsAdmin) => Promise<T>): Promise<T> {
  const url = config.queue.redisUrl;
  if (!url) throw new UserInputError('"hubwatch jobs" needs Redis: set REDIS_URL or queue.redisUrl (the embedded mode keeps no queues)', 'no-redis');
  const [{ connectQueueRedis }, { JobQueues }, { JobsAdmin }] = await Promise.all([
    import('../../queue/redis-connection.js'),
    import('../../queue/job-queues.js'),
    import('../../queue/jobs-admin.js'),
  ]);
  const timeoutMs = config.queue.connectTimeout * 1000;
  const redis = await connectQueueRedis(url, timeoutMs);
  const queues = new JobQueues({ connection: redis, prefix: config.queue.prefix, timeoutMs, redisUrl: url });
  try {
    return await body(new JobsAdmin(queues, { timeoutMs, redisUrl: url }));
  } finally {
    await queues.close();
    await redis.quit().catch(() => redis.disconnect());
  }
}

function seconds(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$/.exec(value);
  if (!match) throw new InvalidArgumentError('must be a duration such as 90s, 15m, 2h or 7d');
  return Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[(match[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
}

function printFailed(context: CliContext, jobs: Awaited<ReturnType<JobsAdmin['failed']>>, json: boolean): void {
  if (json) {
    for (const job of jobs) context.out(JSON.stringify(job));
    return;
  }
  if (jobs.length === 0) {
    context.out('no failed jobs');
    return;
  }
  for (const job of jobs) {
    context.out(`${job.failedAt ?? '-'}  ${job.queue}/${job.name}  id ${job.id}${job.sourceId ? `  source ${job.sourceId}` : ''}  after ${job.attempts} tr${job.attempts === 1 ? 'y' : 'ies'}: ${job.reason}`);
  }
  context.out(`${jobs.length} failed job${jobs.length === 1 ? '' : 's'}; "hubwatch jobs retry <id>" (or --all) runs them again`);
}

/** `hubwatch jobs failed|retry|clean`: inspect and replay the distributed mode's failed jobs. */
export const jobsCommand: CommandModule = {
  register(program, context) {
    const jobs = program.command('jobs').description('distributed mode: list, retry and clean failed or finished jobs in the Redis queues');
    jobs
      .command('failed')
      .description('list failed jobs with their queue, name, reason, tries and time (newest first)')
      .option('--json', 'one JSON object per line')
      .option('--limit <n>', 'at most this many per queue', (v) => Number(v), 100)
      .action(async (options: { json?: boolean; limit: number }) => {
        await withAdmin(context.config(), async (admin) => printFailed(context, await admin.failed(options.limit), options.json === true));
      });
    jobs
      .command('retry')
      .description('run failed jobs again: those with the ids given, or every one with --all')
      .argument('[ids...]', 'job ids from "hubwatch jobs failed"')
      .option('--all', 'retry every failed job')
      .action(async (ids: string[], options: { all?: boolean }) => {
        if (ids.length === 0 && !options.all) throw new UserInputError('name the jobs to retry (ids from "hubwatch jobs failed") or pass --all');
        if (ids.length > 0 && options.all) throw new UserInputError('give job ids or --all, not both');
        const retried = await withAdmin(context.config(), (admin) => admin.retry(options.all ? undefined : ids));
        context.out(`${retried.length} job${retried.length === 1 ? '' : 's'} put back to run${retried.length > 0 ? `: ${retried.join(', ')}` : ''}`);
      });
    jobs
      .command('clean')
      .description('delete completed and failed jobs that finished before a given age')
      .requiredOption('--older-than <duration>', 'such as 1h, 7d', seconds)
      .option('--state <state>', 'completed, failed, or both (default)', (v) => {
        if (v !== 'completed' && v !== 'failed' && v !== 'both') throw new InvalidArgumentError('must be completed, failed or both');
        return v;
      }, 'both')
      .action(async (options: { olderThan: number; state: 'completed' | 'failed' | 'both' }) => {
        const states = options.state === 'both' ? (['completed', 'failed'] as const) : ([options.state] as const);
        const removed = await withAdmin(context.config(), (admin) => admin.clean(options.olderThan, states));
        context.out(`removed ${removed.completed} completed and ${removed.failed} failed jobs`);
      });
  },
};
