import { renameSync, writeFileSync } from 'node:fs';
import { Option } from 'commander';
import type { CommandModule } from '../command.js';
import { Progress } from '../progress.js';

interface PreReadOptions {
  from: string;
  to?: string;
  brand: string[];
  lang: string;
  format: 'md' | 'html' | 'pdf';
  out: string;
}

/** Writes next to the target, then renames: a reader never sees half a report. */
function writeAtomically(path: string, data: string | Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

/** `hubwatch report pre-read`: the workshop pre-read (external reputation audit) from the index. */
export const reportCommand: CommandModule = {
  register(program, context) {
    const report = program.command('report').description('reports written from the index');
    report
      .command('pre-read')
      .description('the workshop pre-read: reputation, presence, influence, relays, reactions, endurance (docs/reports.md)')
      .requiredOption('--from <time>', 'start of the period (2026-11-01, 30d)')
      .option('--to <time>', 'end of the period, exclusive (default now)')
      .option('--brand <id...>', 'brands to report on (default: the watchlist brands with role own)', [])
      .addOption(new Option('--lang <lang>', 'language of the report').choices(['en', 'fr']).default('en'))
      .addOption(new Option('--format <format>', 'output format').choices(['md', 'html', 'pdf']).makeOptionMandatory())
      .requiredOption('--out <file>', 'file to write')
      .action(async (options: PreReadOptions) => {
        const { computePreRead, planPreRead } = await import('../../app/report-service.js');
        const plan = planPreRead({ from: options.from, to: options.to, brands: options.brand, language: options.lang }, context.config(), context.clock());
        const index = await context.openIndex();
        // The alert history lives in the state file, as `hubwatch alerts history` reads it.
        const { SqliteAlertStore } = await import('../../state/sqlite-alert-store.js');
        const store = new SqliteAlertStore(context.config().index.sqlite.path);
        let progress: Progress | null = null;
        let seen = 0;
        let result;
        try {
          result = await computePreRead(index, plan, (done, total) => {
            progress ??= new Progress('reading mentions', total, (text) => process.stderr.write(text), context.interactive);
            progress.tick(done - seen);
            seen = done;
          }, { store, rules: context.config().alerts });
        } finally {
          await store.close();
          await index.close();
        }
        (progress as Progress | null)?.finish();
        if (options.format === 'md') {
          const { renderMarkdown } = await import('../../reports/render/render-markdown.js');
          writeAtomically(options.out, renderMarkdown(result));
        } else {
          const { renderHtml } = await import('../../reports/render/render-html.js');
          const html = renderHtml(result);
          if (options.format === 'html') writeAtomically(options.out, html);
          else {
            const { printPdf } = await import('../../reports/render/render-pdf.js');
            writeAtomically(options.out, await printPdf(html));
          }
        }
        context.out(`pre-read written to ${options.out} (${options.format}, ${result.summary.mentions.current.value} mentions in the period${result.empty ? ': no data' : ''})`);
      });
  },
};
