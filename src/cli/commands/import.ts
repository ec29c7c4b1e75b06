import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Option } from 'commander';
import type { ImportSummary } from '../../app/import-service.js';
import { UserInputError } from '../../core/errors.js';
import type { MentionBuilder } from '../../roles/mention-builder.js';
import type { CliContext } from '../cli-context.js';
import type { CommandModule } from '../command.js';
import { Progress } from '../progress.js';

const SHOWN_REJECTS = 20;

interface ImportOptions {
  format: 'ndjson';
  json?: boolean;
}

/** Opens the input, failing with a clear error before any index is opened. */
async function openInput(file: string): Promise<NodeJS.ReadableStream> {
  const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
  await new Promise<void>((resolve, reject) => {
    if (file === '-') return resolve();
    input.once('error', (error: NodeJS.ErrnoException) => reject(new UserInputError(`${file}: cannot read (${error.code ?? error.message})`)));
    input.once('readable', () => resolve());
    input.once('end', () => resolve());
  });
  return input;
}

function print(context: CliContext, file: string, summary: ImportSummary, json: boolean): void {
  if (json) {
    context.out(JSON.stringify({ file, ...summary }));
    return;
  }
  const articles = summary.articles > 0 ? `; ${summary.articles} plain articles normalised and tagged` : '';
  context.out(`${summary.indexed} indexed, ${summary.unchanged} unchanged, ${summary.rejected} rejected (${summary.lines} lines${articles})`);
  for (const reject of summary.rejects.slice(0, SHOWN_REJECTS)) context.out(`  line ${reject.line}: ${reject.reason}`);
  if (summary.rejects.length > SHOWN_REJECTS) context.out(`  … and ${summary.rejects.length - SHOWN_REJECTS} more (use --json for all)`);
}

/** `hubwatch import FILE|-`: backfill from NDJSON, full mentions (as `export` writes them) or plain articles. */
export const importCommand: CommandModule = {
  register(program, context) {
    program
      .command('import')
      .description('index NDJSON: full mentions (as export writes them) or plain articles ({"url","title","text","publishedAt","source"}, tagged like run tags them); idempotent; see docs/import-export.md')
      .argument('<file>', 'NDJSON file, or - for stdin')
      .addOption(new Option('--format <format>', 'input format').choices(['ndjson']).default('ndjson'))
      .option('--json', 'print the summary (with every rejected line) as one JSON object')
      .action(async (file: string, options: ImportOptions) => {
        const { importMentions } = await import('../../app/import-service.js');
        const input = await openInput(file);
        const config = context.config();
        const index = await context.openIndex();
        const progress = context.interactive ? new Progress(`importing ${file === '-' ? 'stdin' : file}`, null, (text) => process.stderr.write(text), true) : null;
        let builder: MentionBuilder | null = null;
        let summary: ImportSummary;
        try {
          summary = await importMentions(createInterface({ input, crlfDelay: Infinity }), index, {
            articles: {
              sources: config.sources,
              now: context.clock,
              // Built only when the file holds articles: full mentions need no enricher.
              // Lexicons and language models load with it, not with the command.
              builder: async () => {
                const { createMentionBuilder } = await import('../../roles/mention-builder.js');
                return (builder ??= await createMentionBuilder(config, index, context.clock()));
              },
            },
            onProgress: (done, detail) => progress?.tick(done, detail),
          });
          progress?.finish(`indexed ${summary.indexed}, unchanged ${summary.unchanged}, rejected ${summary.rejected}`);
        } finally {
          await (builder as MentionBuilder | null)?.close();
          await index.close();
        }
        print(context, file, summary, options.json === true);
        if (summary.rejected > 0) process.exitCode = 1;
      });
  },
};
