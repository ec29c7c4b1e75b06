import { createInterface } from 'node:readline';
import type { EntityMatch } from '../../core/mention.js';
import type { CliContext } from '../cli-context.js';
import type { CommandModule } from '../command.js';

interface AnalyzeOptions {
  lang?: string;
  json?: boolean;
}

function summary(entity: EntityMatch): string {
  const tone = entity.sentiment ? ` ${entity.sentiment.label}` : '';
  return `${entity.kind}:${entity.id} ×${entity.occurrences.length}${tone}`;
}

async function analyze(context: CliContext, options: AnalyzeOptions): Promise<void> {
  // Language models and lexicons load here, in the one command that enriches text from stdin.
  const { createAnalyzer } = await import('../../app/analyze-service.js');
  const analyzeLine = createAnalyzer(context.config().watchlist, { lang: options.lang, enricher: context.config().enrich });
  let line = 0;
  let failed = 0;
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const raw of lines) {
    line += 1;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    const result = analyzeLine(text, line);
    if (!result.ok) {
      failed += 1;
      context.err(`hubwatch: line ${line}: ${result.reason}; skipped`);
      continue;
    }
    const { item, enrichment } = result;
    if (options.json) {
      context.out(JSON.stringify({ id: item.id, language: enrichment.language, sentiment: enrichment.sentiment, entities: enrichment.entities, signature: enrichment.signature }));
    } else {
      const entities = enrichment.entities.map(summary).join(', ') || '-';
      context.out(`${item.id}\t${enrichment.language ?? '??'}\t${enrichment.sentiment.label} ${enrichment.sentiment.score.toFixed(2)}\t${entities}`);
    }
  }
  if (failed > 0) {
    context.err(`hubwatch: ${failed} of ${line} lines could not be read`);
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
