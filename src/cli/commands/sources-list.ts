import { existsSync } from 'node:fs';
import type { SourceView } from '../../app/sources-service.js';
import type { CliContext } from '../cli-context.js';
import type { CommandModule } from '../command.js';

function ago(iso: string | null, now: Date): string {
  if (!iso) return '-';
  const seconds = Math.round((now.getTime() - Date.parse(iso)) / 1000);
  const abs = Math.abs(seconds);
  const text = abs < 90 ? `${abs}s` : abs < 5400 ? `${Math.round(abs / 60)}m` : abs < 172_800 ? `${Math.round(abs / 3600)}h` : `${Math.round(abs / 86_400)}d`;
  return seconds >= 0 ? `${text} ago` : `in ${text}`;
}

function duration(seconds: number | null): string {
  if (seconds === null) return '-';
  return seconds < 90 ? `${seconds}s` : seconds < 5400 ? `${Math.round(seconds / 60)}m` : seconds < 172_800 ? `${Math.round(seconds / 3600)}h` : `${Math.round(seconds / 86_400)}d`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

function printTable(context: CliContext, views: readonly SourceView[], now: Date): void {
  context.out(`${pad('SOURCE', 22)} ${pad('TYPE', 11)} ${pad('STATUS', 9)} ${pad('LAST SUCCESS', 13)} ${pad('NEXT POLL', 11)} ${pad('INTERVAL', 15)} ${pad('ITEMS/DAY', 10)} LAST ERROR`);
  for (const view of views) {
    const interval = `${duration(view.intervalSeconds ?? view.configuredIntervalSeconds)}${view.intervalSetBySource ? ' (feed ttl)' : ''}`;
    context.out(
      `${pad(view.id, 22)} ${pad(view.type, 11)} ${pad(view.status, 9)} ${pad(ago(view.lastSuccessAt, now), 13)} ` +
        `${pad(view.nextPollAt ? ago(view.nextPollAt, now) : '-', 11)} ${pad(interval, 15)} ${pad(String(view.itemsPerDay), 10)} ${view.lastError ? `${ago(view.lastErrorAt, now)}: ${view.lastError}` : '-'}`,
    );
  }
}

/** `hubwatch sources list`: every configured source with its health. */
export const sourcesListCommand: CommandModule = {
  register(program, context) {
    const sources = program.commands.find((c) => c.name() === 'sources') ?? program.command('sources').description('inspect and test sources');
    sources
      .command('list')
      .description('list configured sources with status, last success, last error, next poll, interval and items per day')
      .option('--json', 'one JSON object per line')
      .action(async (options: { json?: boolean }) => {
        const [{ listSources }, { openSourceStateStore }] = await Promise.all([
          import('../../app/sources-service.js'),
          import('../../roles/source-state-store.js'),
        ]);
        const config = context.config();
        const now = context.clock();
        const path = config.index.sqlite.path;
        // Read-only: with no index yet, the sources are listed as never polled and nothing is created.
        const exists = path === ':memory:' || existsSync(path);
        const distributed = config.queue.redisUrl !== undefined;
        if (!exists && !distributed) context.note(`no index yet at ${path}: run "./bin/hubwatch.js run --once" (or "npm start") to poll the sources`, { path });
        // In distributed mode the state is in Redis, whether or not an index file is on this machine.
        const store = exists || distributed ? await openSourceStateStore(config) : null;
        const index = exists ? await context.openIndex({ mustExist: true }) : null;
        try {
          const views = await listSources(config.sources, store, { index: index ?? undefined, now });
          if (options.json) for (const view of views) context.out(JSON.stringify(view));
          else printTable(context, views, now);
        } finally {
          await index?.close();
          await store?.close();
        }
      });
  },
};
