import { Option } from 'commander';
import { parseCountOption, parseTimeOption } from '../../app/time-range.js';
import type { SortOrder } from '../../index/mention-index.js';
import type { CommandModule } from '../command.js';
import { hitToText } from '../format-hit.js';

interface SearchOptions {
  json?: boolean;
  limit: string;
  from?: string;
  to?: string;
  sort: SortOrder;
  cursor?: string;
}

/** The command that gives the next page with the same options. */
function nextPageCommand(text: string, options: SearchOptions, cursor: string): string {
  const same = [
    options.limit !== '20' ? ` --limit ${options.limit}` : '',
    options.from ? ` --from ${options.from}` : '',
    options.to ? ` --to ${options.to}` : '',
    options.sort !== 'date' ? ` --sort ${options.sort}` : '',
  ].join('');
  return `hubwatch search ${JSON.stringify(text)}${same} --cursor ${cursor}`;
}

/** `hubwatch search QUERY`: the query language of docs/query-language.md over the index. */
export const searchCommand: CommandModule = {
  register(program, context) {
    program
      .command('search')
      .description('search mentions: terms, "phrases", AND/OR/NOT, NEAR/n, prefix*, and fields brand: person: topic: sentiment: channel: source: author: lang: title:')
      .argument('<query>', 'the query, e.g. \'Acme AND sentiment:negative\' (quote it for the shell)')
      .option('--json', 'one JSON object per line')
      .option('-n, --limit <n>', 'results per page (1-100)', '20')
      .option('--from <time>', 'published at or after (2026-11-01, 30d, 12h)')
      .option('--to <time>', 'published before (2026-11-27, 1d)')
      .addOption(new Option('--sort <order>', 'order of results').choices(['date', 'relevance']).default('date'))
      .option('--cursor <cursor>', 'continue after a previous page (printed as nextCursor)')
      .action(async (text: string, options: SearchOptions) => {
        // The query parser and the index adapters load here, not with --help.
        const { planSearch, searchMentions } = await import('../../app/search-service.js');
        const now = context.clock();
        // Read every option before opening the index: a mistake costs nothing.
        const request = planSearch({
          query: text,
          sort: options.sort,
          limit: parseCountOption(options.limit, '--limit', 100),
          from: options.from ? parseTimeOption(options.from, '--from', now) : undefined,
          to: options.to ? parseTimeOption(options.to, '--to', now) : undefined,
          cursor: options.cursor,
        });
        const index = await context.openIndex({ mustExist: true });
        try {
          const page = await searchMentions(index, request);
          const empty = 'the index is empty: run "./bin/hubwatch.js run --once" (or "npm start") to fill it from the configured sources';
          if (options.json) {
            if (page.indexEmpty) context.note(empty);
            for (const hit of page.hits) context.out(JSON.stringify(hit));
            if (page.nextCursor) context.note(`next page: --cursor ${page.nextCursor}`, { nextCursor: page.nextCursor });
            return;
          }
          if (page.indexEmpty) {
            context.out(empty);
            return;
          }
          const colour = process.stdout.isTTY === true;
          for (const hit of page.rawHits) {
            for (const line of hitToText(hit, colour)) context.out(line);
            context.out('');
          }
          context.out(`${page.hits.length} shown of ${page.totalIsExact ? '' : 'at least '}${page.total} matching mention${page.total === 1 ? '' : 's'}`);
          if (page.nextCursor) context.out(`next page: ${nextPageCommand(text, options, page.nextCursor)}`);
        } finally {
          await index.close();
        }
      });
  },
};
