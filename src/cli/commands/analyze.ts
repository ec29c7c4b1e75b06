import { createInterface } from 'node:readline';
import type { EntityMatch } from '../../core/mention.js';
import { UserInputError } from '../../core/errors.js';
import { createEnricher } from '../../enrich/create-enricher.js';
import { normaliseLanguageCode } from '../../enrich/language/detect-language.js';
import type { CliContext } from '../cli-context.js';
import type { CommandModule } from '../command.js';

const MAX_LINE_CHARS = 4 * 1024 * 1024;

interface AnalyzeOptions {
  lang?: string;
  json?: boolean;
}

interface Item {
  id: string;
  title: string;
  text: string;
  lang: string | null;
}

/** A line as an item: a JSON object `{"id","title","text","lang"}`, or plain text. */
function parseLine(text: string, line: number): Item | string {
  if (!text.trimStart().startsWith('{')) return { id: `line-${line}`, title: '', text, lang: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  for (const field of ['title', 'text', 'lang'] as const) {
    const v = record[field];
    if (v !== undefined && v !== null && typeof v !== 'string') return `"${field}" must be a string`;
  }
  const id = record.id;
  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') return '"id" must be a string or a number';
  const title = (record.title as string | undefined) ?? '';
  const body = (record.text as string | undefined) ?? '';
  if (title === '' && body === '') return 'needs a non-empty "title" or "text"';
  return { id: id === undefined || id === null ? `line-${line}` : String(id), title, text: body, lang: (record.lang as string | undefined) ?? null };
}

function summary(entity: EntityMatch): string {
  const tone = entity.sentiment ? ` ${entity.sentiment.label}` : '';
  return `${entity.kind}:${entity.id} ×${entity.occurrences.length}${tone}`;
}

async function analyze(context: CliContext, options: AnalyzeOptions): Promise<void> {
  let forced: string | null = null;
  if (options.lang !== undefined) {
    forced = normaliseLanguageCode(options.lang);
    if (!forced) throw new UserInputError(`--lang ${JSON.stringify(options.lang)}: expected a two-letter language code such as "en" or "fr"`);
  }
  const enricher = createEnricher(context.config().watchlist, context.config().enrich);
  let line = 0;
  let failed = 0;
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const raw of lines) {
    line += 1;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    const item = text.length > MAX_LINE_CHARS ? `line longer than ${MAX_LINE_CHARS} characters` : parseLine(text, line);
    if (typeof item === 'string') {
      failed += 1;
      context.err(`hubwatch analyze: line ${line}: ${item}; skipped`);
      continue;
    }
    const result = enricher.enrich({ title: item.title, text: item.text, languageHint: item.lang, language: forced });
    if (options.json) {
      context.out(JSON.stringify({ id: item.id, language: result.language, sentiment: result.sentiment, entities: result.entities, signature: result.signature }));
    } else {
      const entities = result.entities.map(summary).join(', ') || '-';
      context.out(`${item.id}\t${result.language ?? '??'}\t${result.sentiment.label} ${result.sentiment.score.toFixed(2)}\t${entities}`);
    }
  }
  if (failed > 0) {
    context.err(`hubwatch analyze: ${failed} of ${line} lines could not be read`);
    process.exitCode = 1;
  }
}

/** `hubwatch analyze`: enrich text from stdin with the configured watchlist (a dry run of enrichment). */
export const analyzeCommand: CommandModule = {
  register(program, context) {
    program
      .command('analyze')
      .description('tag text from stdin (plain lines or JSON {"id","title","text","lang"}): language, entities with offsets, sentiment')
      .option('--lang <code>', 'force the language (e.g. fr) instead of detecting it')
      .option('--json', 'one JSON object per line: id, language, sentiment, entities (offsets, entity sentiment), signature')
      .action(async (options: AnalyzeOptions) => {
        await analyze(context, options);
      });
  },
};
