import { Option } from 'commander';
import { parseQuery } from '../../index/query/parse.js';
import type { SortOrder } from '../../index/mention-index.js';
import type { CommandModule } from '../command.js';
import { hitToJson, hitToText } from '../format-hit.js';
import { parseCountOption, parseTimeOption } from '../time-option.js';

interface SearchOptions {
  json?: boolean;
  limit: string;
  from?: string;
  to?: string;
  sort: SortOrder;
  cursor?: string;
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
        const now = context.clock();
        const query = parseQuery(text);
        const limit = parseCountOption(options.limit, '--limit', 100);
        const from = options.from ? parseTimeOption(options.from, '--from', now) : undefined;
        const to = options.to ? parseTimeOption(options.to, '--to', now) : undefined;
        const index = await context.openIndex();
        try {
          const page = await index.search({
            query, sort: options.sort, limit,
            ...(from ? { from } : {}), ...(to ? { to } : {}), ...(options.cursor ? { cursor: options.cursor } : {}),
          });
          if (options.json) {
            for (const hit of page.hits) context.out(JSON.stringify(hitToJson(hit)));
            if (page.nextCursor) context.err(`next page: --cursor ${page.nextCursor}`);
            return;
          }
          const colour = process.stdout.isTTY === true;
          for (const hit of page.hits) {
            for (const line of hitToText(hit, colour)) context.out(line);
            context.out('');
          }
          context.out(`${page.hits.length} shown of ${page.totalIsExact ? '' : 'at least '}${page.total} matching mention${page.total === 1 ? '' : 's'}`);
          if (page.nextCursor) {
            const same = [
              options.limit !== '20' ? ` --limit ${options.limit}` : '',
              options.from ? ` --from ${options.from}` : '',
              options.to ? ` --to ${options.to}` : '',
              options.sort !== 'date' ? ` --sort ${options.sort}` : '',
            ].join('');
            context.out(`next page: hubwatch search ${JSON.stringify(text)}${same} --cursor ${page.nextCursor}`);
          }
        } finally {
          await index.close();
        }
      });
  },
};
