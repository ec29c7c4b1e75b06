import type { Command } from 'commander';
import { fetchSchema, type FetchConfig } from '../../config/schema.js';
import type { ConnectorManifest, FetchOutcome } from '../../connectors/connector.js';
import { createHttpFetcher } from '../../connectors/http/create-http-fetcher.js';
import { CONNECTOR_MANIFESTS, getManifest } from '../../connectors/registry.js';
import { parseFeedDate } from '../../core/dates.js';
import { ConfigError, UserInputError } from '../../core/errors.js';
import type { ItemProblem } from '../../core/raw-item.js';
import { silentLogger, type Logger } from '../../platform/logger.js';
import type { CliContext } from '../cli-context.js';
import type { CommandModule } from '../command.js';

interface TestOptions {
  type?: string;
  allowPrivate?: boolean;
  json?: boolean;
}

/** Fetch settings from the configuration when there is one; the defaults when the file does not exist. */
function fetchSettings(context: CliContext): { fetch: FetchConfig; logger: Logger } {
  try {
    const config = context.config();
    return { fetch: config.fetch, logger: context.logger() };
  } catch (error) {
    if (error instanceof ConfigError && error.problems.length === 1 && error.problems[0]!.startsWith('file not found')) {
      return { fetch: fetchSchema.parse(undefined), logger: silentLogger() };
    }
    throw error;
  }
}

/** The type to test as: --type, else the first manifest that recognises the URL, else `blog` (a feed, or a page with one). */
function chooseType(url: URL, explicit: string | undefined): { manifest: ConnectorManifest; options: Record<string, unknown> } {
  if (explicit !== undefined) {
    const manifest = getManifest(explicit);
    if (!manifest) throw new UserInputError(`unknown source type "${explicit}" (known types: ${CONNECTOR_MANIFESTS.map((m) => m.type).join(', ')})`);
    return { manifest, options: manifest.matchUrl?.(url) ?? {} };
  }
  for (const manifest of CONNECTOR_MANIFESTS) {
    const options = manifest.matchUrl?.(url);
    if (options) return { manifest, options };
  }
  const fallback = getManifest('blog') ?? getManifest('rss')!;
  return { manifest: fallback, options: {} };
}

/** Item-level problems as ingestion will see them: the connector's, plus unreadable/future dates and unidentifiable items. */
function displayProblems(outcome: FetchOutcome, now: Date): ItemProblem[] {
  const problems = [...outcome.problems];
  outcome.items.forEach((item, index) => {
    const ref = item.guid ?? item.link ?? undefined;
    const where = { index, ...(ref ? { ref } : {}) };
    const date = parseFeedDate(item.published ?? item.updated, { now });
    if (date.problem === 'invalid-date') problems.push({ ...where, reason: 'invalid-date', message: `unreadable date ${JSON.stringify(String(item.published)).slice(0, 80)}; fetch time will be used`, outcome: 'repaired' });
    if (date.problem === 'future-date') problems.push({ ...where, reason: 'future-date', message: `date ${date.date!.toISOString()} is in the future`, outcome: 'repaired' });
    if (!item.link && !item.guid) problems.push({ ...where, reason: 'missing-link-and-guid', message: 'item has neither a link nor a guid; it will not be ingested', outcome: 'dropped' });
  });
  return problems.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
}

async function runTest(rawUrl: string, options: TestOptions, context: CliContext): Promise<void> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new UserInputError(`${JSON.stringify(rawUrl)} is not a URL (expected http(s)://…)`);
  }
  const { manifest, options: implied } = chooseType(url, options.type);
  const parsedOptions = manifest.optionsSchema.safeParse(implied);
  if (!parsedOptions.success) {
    const issue = parsedOptions.error.issues[0]!;
    throw new UserInputError(`${url.href}: type ${manifest.type} needs options.${issue.path.map(String).join('.')} (${issue.message}); put the source in the config file to set them`);
  }
  const settings = fetchSettings(context);
  const fetchConfig: FetchConfig = options.allowPrivate ? { ...settings.fetch, allow: [...settings.fetch.allow, { host: url.hostname }] } : settings.fetch;
  const fetcher = createHttpFetcher(fetchConfig, { logger: settings.logger });
  const now = context.clock();
  try {
    const outcome = await manifest.create().fetch(
      { id: 'sources-test', name: url.href, type: manifest.type, url: url.href, channel: manifest.defaults.channel, options: parsedOptions.data },
      {},
      { fetcher, logger: settings.logger, now: context.clock },
    );
    const problems = displayProblems(outcome, now);
    const summary = { url: url.href, type: manifest.type, detectedType: outcome.detectedType ?? manifest.type, title: outcome.title ?? null, items: outcome.items.length, problems: problems.length };
    if (options.json) {
      context.out(JSON.stringify({ kind: 'source', ...summary }));
      outcome.items.forEach((item, index) => {
        const date = parseFeedDate(item.published ?? item.updated, { now }).date;
        context.out(JSON.stringify({ kind: 'item', index, title: item.title ?? null, link: item.link ?? null, published: date?.toISOString() ?? null, publishedRaw: item.published instanceof Date ? item.published.toISOString() : (item.published ?? null), author: item.author ?? null, guid: item.guid ?? null, channel: item.channel ?? manifest.defaults.channel, ...(item.audience ? { audience: item.audience } : {}) }));
      });
      for (const problem of problems) context.out(JSON.stringify({ kind: 'problem', ...problem }));
      return;
    }
    context.out(`${summary.url}: type ${summary.type}, detected ${summary.detectedType}${summary.title ? `, "${summary.title}"` : ''}: ${summary.items} item${summary.items === 1 ? '' : 's'}, ${summary.problems} problem${summary.problems === 1 ? '' : 's'}`);
    outcome.items.forEach((item, index) => {
      const date = parseFeedDate(item.published ?? item.updated, { now }).date;
      context.out(`  [${index}] ${date?.toISOString() ?? '(no date)'}  ${item.title?.replace(/\s+/g, ' ').trim().slice(0, 120) ?? '(no title)'}`);
      context.out(`       ${item.link ?? '(no link)'}${item.author ? `  by ${item.author}` : ''}`);
    });
    for (const problem of problems) {
      context.out(`  ! ${problem.index !== undefined ? `[${problem.index}] ` : ''}${problem.reason} (${problem.outcome}): ${problem.message}`);
    }
  } finally {
    await fetcher.close();
  }
}

/** `hubwatch sources test URL`: fetch once and show what would be ingested. */
export const sourcesTestCommand: CommandModule = {
  register(program: Command, context: CliContext) {
    const sources = program.commands.find((c) => c.name() === 'sources') ?? program.command('sources').description('inspect and test sources');
    sources
      .command('test')
      .description('fetch a URL once and print what would be ingested: detected type, every item, every item-level problem')
      .argument('<url>', 'feed, site, or social URL')
      .option('--type <type>', `source type (default: detected; one of ${CONNECTOR_MANIFESTS.map((m) => m.type).join(', ')})`)
      .option('--allow-private', "allow this URL's host even if it is private or loopback (for this run only)")
      .option('--json', 'one JSON object per line')
      .action((url: string, options: TestOptions) => runTest(url, options, context));
  },
};
