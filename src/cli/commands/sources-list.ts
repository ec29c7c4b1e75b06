import { listSources } from '../../app/sources-service.js';
import { SqliteStateStore } from '../../state/sqlite-state-store.js';
import type { CommandModule } from '../command.js';

function ago(iso: string | null, now: Date): string {
  if (!iso) return '-';
  const seconds = Math.round((now.getTime() - Date.parse(iso)) / 1000);
  const abs = Math.abs(seconds);
  const text = abs < 90 ? `${abs}s` : abs < 5400 ? `${Math.round(abs / 60)}m` : abs < 172_800 ? `${Math.round(abs / 3600)}h` : `${Math.round(abs / 86_400)}d`;
  return seconds >= 0 ? `${text} ago` : `in ${text}`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** `hubwatch sources list`: every configured source with its health. */
export const sourcesListCommand: CommandModule = {
  register(program, context) {
    const sources = program.commands.find((c) => c.name() === 'sources') ?? program.command('sources').description('inspect and test sources');
    sources
      .command('list')
      .description('list configured sources with status, last success, last error, next poll and items per day')
      .option('--json', 'one JSON object per line')
      .action(async (options: { json?: boolean }) => {
        const config = context.config();
        const store = new SqliteStateStore(config.index.sqlite.path);
        const now = context.clock();
        try {
          const views = await listSources(config.sources, store);
          if (options.json) {
            for (const view of views) context.out(JSON.stringify(view));
            return;
          }
          context.out(`${pad('SOURCE', 22)} ${pad('TYPE', 11)} ${pad('STATUS', 9)} ${pad('LAST SUCCESS', 13)} ${pad('NEXT POLL', 11)} ${pad('ITEMS/DAY', 10)} LAST ERROR`);
          for (const view of views) {
            context.out(
              `${pad(view.id, 22)} ${pad(view.type, 11)} ${pad(view.status, 9)} ${pad(ago(view.lastSuccessAt, now), 13)} ` +
                `${pad(view.nextPollAt ? ago(view.nextPollAt, now) : '-', 11)} ${pad(String(view.itemsPerDay), 10)} ${view.lastError ? `${ago(view.lastErrorAt, now)}: ${view.lastError}` : '-'}`,
            );
          }
        } finally {
          await store.close();
        }
      });
  },
};
