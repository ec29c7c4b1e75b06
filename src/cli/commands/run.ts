import { describeTotals, ingestOnce, ingestUntilAborted, RunCounter } from '../../app/ingest-service.js';
import { createEmbeddedPipeline } from '../../roles/embedded-pipeline.js';
import type { CommandModule } from '../command.js';
import { Progress } from '../progress.js';

/** `hubwatch run`: the embedded pipeline, every stage in this process. */
export const runCommand: CommandModule = {
  register(program, context) {
    program
      .command('run')
      .description('run the pipeline in this process: poll every source on its interval, enrich, index (Ctrl-C stops)')
      .option('--once', 'poll every source once, then exit')
      .option('--json', 'with --once: one JSON report per source on stdout')
      .action(async (options: { once?: boolean; json?: boolean }) => {
        const config = context.config();
        const logger = context.logger();
        const index = await context.openIndex();
        let progress: Progress | null = null;
        const counter = new RunCounter((report, totals) => {
          if (options.json) context.out(JSON.stringify(report));
          if (report.outcome === 'error') context.err(`source ${report.sourceId}: ${report.error ?? 'failed'}`);
          if (progress) progress.tick(1, `${totals.indexed} new mentions`);
          else if (report.indexed > 0) context.err(`${report.sourceId}: ${report.indexed} new mentions`);
        });
        try {
          const pipeline = await createEmbeddedPipeline(config, { index, logger, clock: context.clock, onReport: counter.record });
          try {
            if (pipeline.samplesUrl) context.err(`serving the bundled sample feeds at ${pipeline.samplesUrl}`);
            if (options.once) {
              progress = new Progress('polling', pipeline.sources.length, (text) => process.stderr.write(text), context.interactive);
              await ingestOnce(pipeline);
              progress.finish(`${counter.totals.indexed} new mentions`);
              (options.json ? context.err : context.out)(describeTotals(counter.totals));
              if (counter.totals.polls > 0 && counter.totals.failed === counter.totals.polls) process.exitCode = 1;
              return;
            }
            context.err(`polling ${pipeline.sources.length} sources; Ctrl-C to stop. Try: hubwatch search 'Acme AND sentiment:negative'`);
            const stop = new AbortController();
            const onSignal = (): void => stop.abort();
            process.once('SIGINT', onSignal);
            process.once('SIGTERM', onSignal);
            try {
              await ingestUntilAborted(pipeline, stop.signal, { logger, totals: counter.totals });
            } finally {
              process.off('SIGINT', onSignal);
              process.off('SIGTERM', onSignal);
            }
            context.err(`stopped. ${describeTotals(counter.totals)}`);
          } finally {
            await pipeline.close();
          }
        } finally {
          await index.close();
        }
      });
  },
};
