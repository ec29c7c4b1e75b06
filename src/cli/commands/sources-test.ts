import type { Command } from 'commander';
import type { FetchConfig } from '../../config/schema.js';
import { CONNECTOR_TYPES } from '../../connectors/connector-types.js';
import { ConfigError } from '../../core/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { CliContext } from '../cli-context.js';
import type { CommandModule } from '../command.js';

interface TestOptions {
  type?: string;
  option: string[];
  allowPrivate?: boolean;
  json?: boolean;
}

/** Fetch settings from the configuration when there is one; the defaults when the file does not exist. */
async function fetchSettings(context: CliContext): Promise<{ fetch?: FetchConfig; logger: Logger }> {
  try {
    const config = context.config();
    return { fetch: config.fetch, logger: await context.logger() };
  } catch (error) {
    if (error instanceof ConfigError && error.problems.length === 1 && error.problems[0]!.startsWith('file not found')) {
      const { silentLogger } = await import('../../platform/logger.js');
      return { logger: silentLogger() };
    }
    throw error;
  }
}

async function runTest(url: string | undefined, options: TestOptions, context: CliContext): Promise<void> {
  const { parseOptionAssignments } = await import('../../app/option-assignments.js');
  const given = parseOptionAssignments(options.option);
  const settings = await fetchSettings(context);
  const { testSource } = await import('../../app/source-test-service.js');
  const result = await testSource({ url, type: options.type, options: given, allowPrivate: options.allowPrivate }, { ...settings, now: context.clock });
  const summary = { url: result.url, type: result.type, detectedType: result.detectedType, title: result.title, items: result.delivered, problems: result.problems.length };
  if (options.json) {
    context.out(JSON.stringify({ kind: 'source', ...summary }));
    for (const item of result.items) context.out(JSON.stringify({ kind: 'item', ...item }));
    for (const problem of result.problems) context.out(JSON.stringify({ kind: 'problem', ...problem }));
    return;
  }
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  context.out(`${summary.url ?? '(no URL)'}: type ${summary.type}, detected ${summary.detectedType}${summary.title ? `, "${summary.title}"` : ''}: ${plural(summary.items, 'item')}, ${plural(summary.problems, 'problem')}`);
  if (result.kept !== result.delivered) context.out(`  ${plural(result.kept, 'item')} would be indexed`);
  for (const item of result.items) {
    const title = item.title.replace(/\s+/g, ' ').trim().slice(0, 120) || '(no title)';
    context.out(`  [${item.index}] ${item.dropped ? `(not indexed: ${item.dropped})` : item.published}  ${title}`);
    context.out(`       ${item.link ?? '(no link)'}${item.author ? `  by ${item.author}` : ''}`);
    if (item.sharedUrl) context.out(`       shares ${item.sharedUrl}`);
  }
  for (const problem of result.problems) {
    context.out(`  ! ${problem.index !== undefined ? `[${problem.index}] ` : ''}${problem.reason} (${problem.outcome}): ${problem.message}`);
  }
}

/** `hubwatch sources test URL`: fetch once and show what would be ingested. */
export const sourcesTestCommand: CommandModule = {
  register(program: Command, context: CliContext) {
    const sources = program.commands.find((c) => c.name() === 'sources') ?? program.command('sources').description('inspect and test sources');
    sources
      .command('test')
      .description('fetch a URL once and print what would be ingested: detected type, every item, every item-level problem')
      .argument('[url]', 'feed, site, or social URL (optional for a --type whose options say what to read)')
      .option('--type <type>', `source type (default: detected; one of ${CONNECTOR_TYPES.join(', ')})`)
      .option(
        '--option <key=value>',
        "a source option as in the config (repeatable; value read as JSON when it parses, else text; nested keys with dots), e.g. --option query=acme --option 'kinds=[\"story\"]'",
        (value: string, previous: string[]) => [...previous, value],
        [] as string[],
      )
      .option('--allow-private', "allow the hosts of the URL and of URL-valued options, each on its port only, even if private or loopback (for this run only)")
      .option('--json', 'one JSON object per line')
      .action((url: string | undefined, options: TestOptions) => runTest(url, options, context));
  },
};
