import { InvalidArgumentError, Option } from 'commander';
import { UserInputError } from '../../core/errors.js';
import type { CommandModule } from '../command.js';

const ROLES = ['fetch', 'enrich'] as const;

/** `fetch,enrich` or `all` → the roles, or a usage error naming the known ones. */
export function parseRoles(value: string): ('fetch' | 'enrich')[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  if (names.includes('all')) return [...ROLES];
  const unknown = names.filter((name) => !(ROLES as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`unknown role ${unknown.map((n) => `"${n}"`).join(', ') || '(none)'}: use fetch, enrich, a list such as fetch,enrich, or all`);
  }
  return [...new Set(names)] as ('fetch' | 'enrich')[];
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number above 0');
  return n;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number (0 = off)');
  return n;
}

/** `hubwatch worker`: takes jobs of some roles from the Redis queues until SIGTERM or Ctrl-C. */
export const workerCommand: CommandModule = {
  register(program, context) {
    program
      .command('worker')
      .description('distributed mode: take jobs from the Redis queues (REDIS_URL or queue.redisUrl) until stopped')
      .addOption(new Option('--role <roles>', 'fetch (poll sources), enrich (enrich, index, alerts), a list such as fetch,enrich, or all').argParser(parseRoles).default([...ROLES], 'all'))
      .option('--concurrency <n>', 'jobs at once per queue (default: queue.fetchConcurrency for fetch, one per core for enrich)', positiveInt)
      .option('--metrics-port <port>', 'serve Prometheus /metrics on this port (default: queue.metricsPort; 0 = off)', port)
      .action(async (options: { role: ('fetch' | 'enrich')[]; concurrency?: number; metricsPort?: number }) => {
        const config = context.config();
        if (!config.queue.redisUrl) {
          throw new UserInputError('"hubwatch worker" needs Redis: set REDIS_URL or queue.redisUrl (without Redis, "hubwatch run" runs every stage in one process)', 'no-redis');
        }
        const { createDistributedPipeline } = await import('../../roles/distributed-pipeline.js');
        const logger = await context.logger();
        const { writerLockFor } = await import('../../roles/index-writer.js');
        // One process writes a SQLite index: a second enrich worker on it refuses here, naming the first.
        const lock = options.role.includes('enrich') ? writerLockFor(config) : null;
        const index = options.role.includes('enrich') ? await context.openIndex().catch((error: unknown) => {
          lock?.release();
          throw error;
        }) : undefined;
        try {
          const pipeline = await createDistributedPipeline(config, {
            roles: options.role, logger, clock: context.clock,
            ...(index ? { index } : {}),
            ...(options.concurrency ? { concurrency: options.concurrency } : {}),
            ...(options.metricsPort !== undefined ? { metricsPort: options.metricsPort } : {}),
            alertOutput: (line) => context.note(line, { alert: true }),
          });
          try {
            if (pipeline.samplesUrl) context.note(`serving the bundled sample feeds at ${pipeline.samplesUrl}`, { samplesUrl: pipeline.samplesUrl });
            if (pipeline.metricsPort) context.note(`metrics at http://127.0.0.1:${pipeline.metricsPort}/metrics`, { metricsPort: pipeline.metricsPort });
            context.note(`worker started (roles: ${options.role.join(', ')}); SIGTERM or Ctrl-C drains the jobs under way and stops`, { roles: options.role });
            const stop = new AbortController();
            const onSignal = (): void => stop.abort();
            process.once('SIGINT', onSignal);
            process.once('SIGTERM', onSignal);
            try {
              await pipeline.driver.runForever(stop.signal);
            } finally {
              process.off('SIGINT', onSignal);
              process.off('SIGTERM', onSignal);
            }
            context.note('worker stopped', {});
          } finally {
            await pipeline.close();
          }
        } finally {
          await index?.close();
          lock?.release();
        }
      });
  },
};
