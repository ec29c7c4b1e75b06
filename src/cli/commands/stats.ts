import { Argument, Option } from 'commander';
import type { StatsResult } from '../../app/stats-service.js';
import { STATS_REPORTS, type StatsReport } from '../../app/stats-reports.js';
import { parseCountOption, resolveWindow } from '../../app/time-range.js';
import type { CliContext } from '../cli-context.js';
import type { CommandModule } from '../command.js';

interface StatsOptions {
  query?: string;
  interval: 'day' | 'week' | 'month';
  from?: string;
  to?: string;
  tz: string;
  limit: string;
  json?: boolean;
}

function bar(count: number, max: number): string {
  return max === 0 ? '' : '█'.repeat(Math.round((count / max) * 30));
}

function table(context: CliContext, rows: { key: string; count: number }[], total?: number): void {
  const max = Math.max(0, ...rows.map((r) => r.count));
  const width = Math.max(4, ...rows.map((r) => r.key.length));
  for (const row of rows) {
    const share = total ? `  ${((row.count / total) * 100).toFixed(1).padStart(5)}%` : '';
    context.out(`${row.key.padEnd(width)}  ${String(row.count).padStart(7)}${share}  ${bar(row.count, max)}`);
  }
}

/** Prints a report: JSON lines with --json, a table otherwise. */
function print(context: CliContext, result: StatsResult, json: boolean): void {
  if (json) {
    for (const row of result.rows) context.out(JSON.stringify(row));
    return;
  }
  switch (result.report) {
    case 'sov':
      table(context, result.rows, result.total);
      return;
    case 'sentiment':
      context.out(`${'date'.padEnd(10)}  positive   neutral  negative  unscored`);
      for (const row of result.rows) {
        context.out(`${row.key}  ${[row.positive, row.neutral, row.negative, row.unscored].map((n) => String(n).padStart(8)).join('  ')}`);
      }
      return;
    default:
      table(context, result.rows);
  }
}

/** `hubwatch stats volume|sov|sentiment|sources|authors`: the index's aggregations on the terminal. */
export const statsCommand: CommandModule = {
  register(program, context) {
    program
      .command('stats')
      .description('counts over the index: volume over time, share of voice, sentiment over time, top sources, top authors')
      .addArgument(new Argument('<report>', 'volume | sov | sentiment | sources | authors').choices(STATS_REPORTS))
      .option('-q, --query <query>', 'only mentions matching this query (docs/query-language.md)')
      .addOption(new Option('--interval <interval>', 'bucket size for volume and sentiment').choices(['day', 'week', 'month']).default('day'))
      .option('--from <time>', 'published at or after (2026-11-01, 30d, 12h; default 30d)')
      .option('--to <time>', 'published before (default now)')
      .option('--tz <zone>', 'time zone the days are cut in (IANA name)', 'UTC')
      .option('-n, --limit <n>', 'rows for sources and authors', '20')
      .option('--json', 'one JSON object per line')
      .action(async (name: StatsReport, options: StatsOptions) => {
        const { computeStats, planStats } = await import('../../app/stats-service.js');
        const plan = planStats({
          report: name,
          query: options.query,
          window: resolveWindow(options, context.clock()),
          interval: options.interval,
          timeZone: options.tz,
          limit: parseCountOption(options.limit, '--limit', 1000),
        });
        const index = await context.openIndex({ mustExist: true });
        try {
          print(context, await computeStats(index, context.config().watchlist, plan), options.json === true);
        } finally {
          await index.close();
        }
      });
  },
};
