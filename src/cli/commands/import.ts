import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Option } from 'commander';
import { importMentions, type ImportSummary } from '../../app/import-service.js';
import { UserInputError } from '../../core/errors.js';
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
  context.out(`${summary.indexed} indexed, ${summary.unchanged} unchanged, ${summary.rejected} rejected (${summary.lines} lines)`);
  for (const reject of summary.rejects.slice(0, SHOWN_REJECTS)) context.out(`  line ${reject.line}: ${reject.reason}`);
  if (summary.rejects.length > SHOWN_REJECTS) context.out(`  … and ${summary.rejects.length - SHOWN_REJECTS} more (use --json for all)`);
}

/** `hubwatch import FILE|-`: backfill or migrate mentions from NDJSON, one mention per line. */
export const importCommand: CommandModule = {
  register(program, context) {
    program
      .command('import')
      .description('index mentions from NDJSON (one mention per line, the Mention schema); idempotent')
      .argument('<file>', 'NDJSON file, or - for stdin')
      .addOption(new Option('--format <format>', 'input format').choices(['ndjson']).default('ndjson'))
      .option('--json', 'print the summary (with every rejected line) as one JSON object')
      .action(async (file: string, options: ImportOptions) => {
        const input = await openInput(file);
        const index = await context.openIndex();
        const progress = new Progress(`importing ${file === '-' ? 'stdin' : file}`, null, (text) => process.stderr.write(text), context.interactive);
        let detail = '';
        let summary: ImportSummary;
        try {
          summary = await importMentions(createInterface({ input, crlfDelay: Infinity }), index, (done, text) => {
            detail = text;
            progress.tick(done, text);
          });
        } finally {
          progress.finish(detail || 'indexed 0, unchanged 0, rejected 0');
          await index.close();
        }
        print(context, file, summary, options.json === true);
        if (summary.rejected > 0) process.exitCode = 1;
      });
  },
};
