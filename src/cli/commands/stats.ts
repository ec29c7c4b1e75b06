import { Argument, Option } from 'commander';
import { UserInputError } from '../../core/errors.js';
import type { AggregationScope, MentionIndex } from '../../index/mention-index.js';
import { parseQuery } from '../../index/query/parse.js';
import type { CliContext } from '../cli-context.js';
import type { CommandModule } from '../command.js';
import { parseCountOption, parseTimeOption } from '../time-option.js';

const REPORTS = ['volume', 'sov', 'sentiment', 'sources', 'authors'] as const;
type Report = (typeof REPORTS)[number];

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

async function report(context: CliContext, index: MentionIndex, name: Report, scope: AggregationScope, options: StatsOptions): Promise<void> {
  const size = parseCountOption(options.limit, '--limit', 1000);
  const emit = (rows: object[]): boolean => {
    if (!options.json) return false;
    for (const row of rows) context.out(JSON.stringify(row));
    return true;
  };
  switch (name) {
    case 'volume': {
      const rows = await index.histogram({ ...scope, interval: options.interval, timeZone: options.tz });
      if (!emit(rows)) table(context, rows);
      return;
    }
    case 'sov': {
      const brands = context.config().watchlist.brands.map((b) => b.id);
      const rows = await index.shareOfVoice({ ...scope, ...(brands.length > 0 ? { brands } : {}) });
      const total = rows.reduce((sum, r) => sum + r.count, 0);
      if (!emit(rows.map((r) => ({ ...r, share: total === 0 ? 0 : r.count / total })))) table(context, rows, total);
      return;
    }
    case 'sentiment': {
      const rows = await index.sentimentOverTime({ ...scope, interval: options.interval, timeZone: options.tz });
      if (emit(rows)) return;
      context.out(`${'date'.padEnd(10)}  positive   neutral  negative  unscored`);
      for (const row of rows) {
        context.out(
          `${row.key}  ${[row.positive, row.neutral, row.negative, row.unscored].map((n) => String(n).padStart(8)).join('  ')}`,
        );
      }
      return;
    }
    case 'sources':
    case 'authors': {
      const rows = await index.topTerms({ ...scope, dimension: name === 'sources' ? 'source' : 'author', size });
      if (!emit(rows)) table(context, rows);
      return;
    }
  }
}

/** `hubwatch stats volume|sov|sentiment|sources|authors`: the index's aggregations on the terminal. */
export const statsCommand: CommandModule = {
  register(program, context) {
    program
      .command('stats')
      .description('counts over the index: volume over time, share of voice, sentiment over time, top sources, top authors')
      .addArgument(new Argument('<report>', 'volume | sov | sentiment | sources | authors').choices(REPORTS))
      .option('-q, --query <query>', 'only mentions matching this query (docs/query-language.md)')
      .addOption(new Option('--interval <interval>', 'bucket size for volume and sentiment').choices(['day', 'week', 'month']).default('day'))
      .option('--from <time>', 'published at or after (2026-11-01, 30d, 12h; default 30d)')
      .option('--to <time>', 'published before (default now)')
      .option('--tz <zone>', 'time zone the days are cut in (IANA name)', 'UTC')
      .option('-n, --limit <n>', 'rows for sources and authors', '20')
      .option('--json', 'one JSON object per line')
      .action(async (name: Report, options: StatsOptions) => {
        const now = context.clock();
        const query = options.query ? parseQuery(options.query) : null;
        const from = parseTimeOption(options.from ?? '30d', '--from', now);
        const to = options.to ? parseTimeOption(options.to, '--to', now) : now;
        if (to <= from) throw new UserInputError('--to must be after --from');
        const index = await context.openIndex();
        try {
          await report(context, index, name, { query, from, to }, options);
        } finally {
          await index.close();
        }
      });
  },
};
