import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Option } from 'commander';
import type { ExportSink, ExportSummary } from '../../app/export-service.js';
import { sinkFor } from '../../app/export-sink.js';
import { UserInputError } from '../../core/errors.js';
import type { CommandModule } from '../command.js';
import { Progress } from '../progress.js';

interface ExportOptions {
  format: 'ndjson';
  from?: string;
  to?: string;
  out?: string;
}

/** Exports into `file` through `file.partial`, renamed only when complete: a failed export leaves no half file. */
async function toFile(file: string, run: (sink: ExportSink) => Promise<ExportSummary>): Promise<ExportSummary> {
  const partial = `${file}.partial`;
  const stream = createWriteStream(partial, { encoding: 'utf8' });
  const failed = new Promise<never>((_resolve, reject) => {
    stream.once('error', (error: NodeJS.ErrnoException) => reject(new UserInputError(`${file}: cannot write (${error.code ?? error.message})`)));
  });
  failed.catch(() => undefined);
  try {
    const summary = await Promise.race([run(sinkFor(stream)), failed]);
    await Promise.race([new Promise<void>((resolve) => stream.end(resolve)), failed]);
    await rename(partial, file);
    return summary;
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/** `hubwatch export [QUERY]`: the matching mentions as NDJSON, one full mention per line, what `import` reads back. */
export const exportCommand: CommandModule = {
  register(program, context) {
    program
      .command('export')
      .description('write the matching mentions (all without QUERY) as NDJSON, newest first, one full mention per line: what import reads back; see docs/import-export.md')
      .argument('[query]', 'a search query (docs/query-language.md); omit it to export everything')
      .option('--from <time>', 'published at or after (2026-11-01, 30d, 12h)')
      .option('--to <time>', 'published before (2026-11-27, 1d)')
      .addOption(new Option('--format <format>', 'output format').choices(['ndjson']).default('ndjson'))
      .option('-o, --out <file>', 'write to this file (written whole or not at all) instead of stdout')
      .action(async (query: string | undefined, options: ExportOptions) => {
        const { exportMentions, planExport } = await import('../../app/export-service.js');
        // Read every option before opening the index: a mistake costs nothing.
        const plan = planExport({ query, from: options.from, to: options.to }, context.clock());
        const index = await context.openIndex();
        const progress = context.interactive ? new Progress('exporting', null, (text) => process.stderr.write(text), true) : null;
        const run = (sink: ExportSink): Promise<ExportSummary> => exportMentions(index, plan, sink, { onProgress: (done) => progress?.tick(done) });
        try {
          const summary = options.out ? await toFile(options.out, run) : await run(sinkFor(process.stdout));
          progress?.finish(`${summary.exported} mentions`);
          if (options.out) context.out(`${summary.exported} mentions written to ${options.out}`);
        } finally {
          await index.close();
        }
      });
  },
};
