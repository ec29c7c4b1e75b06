import type { PollReport } from '../../workers/poll-source.js';
import { createEmbeddedPipeline } from '../../roles/embedded-pipeline.js';
import { startSampleServer } from '../../samples/sample-server.js';
import type { CommandModule } from '../command.js';
import { Progress } from '../progress.js';

interface RunTotals {
  sources: number; ok: number; notModified: number; failed: number; fetched: number; indexed: number; unchanged: number; problems: number;
}

function addUp(totals: RunTotals, report: PollReport): void {
  totals.sources++;
  if (report.outcome === 'ok') totals.ok++;
  else if (report.outcome === 'not-modified') totals.notModified++;
  else totals.failed++;
  totals.fetched += report.fetched;
  totals.indexed += report.indexed;
  totals.unchanged += report.unchanged;
  totals.problems += report.problems.length;
}

function summary(t: RunTotals): string {
  return `${t.sources} sources polled (${t.ok} ok, ${t.notModified} not modified, ${t.failed} failed): ` +
    `${t.fetched} items fetched, ${t.indexed} new mentions indexed, ${t.unchanged} unchanged, ${t.problems} item problems`;
}

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
        const samples = config.samples.serve
          ? await startSampleServer({ port: config.samples.port, now: context.clock })
          : null;
        if (samples) context.err(`serving the bundled sample feeds at ${samples.url}`);
        const index = await context.openIndex();
        const totals: RunTotals = { sources: 0, ok: 0, notModified: 0, failed: 0, fetched: 0, indexed: 0, unchanged: 0, problems: 0 };
        let progress: Progress | null = null;
        const pipeline = await createEmbeddedPipeline(config, {
          index, logger, clock: context.clock,
          onReport: (report) => {
            addUp(totals, report);
            if (options.json) context.out(JSON.stringify(report));
            if (report.outcome === 'error') context.err(`source ${report.sourceId}: ${report.error ?? 'failed'}`);
            if (progress) progress.tick(1, `${totals.indexed} new mentions`);
            else if (report.indexed > 0) context.err(`${report.sourceId}: ${report.indexed} new mentions`);
          },
        });
        try {
          if (options.once) {
            progress = new Progress('polling', pipeline.sources.length, (text) => process.stderr.write(text), context.interactive);
            await pipeline.driver.runOnce();
            await pipeline.applyRetention();
            progress.finish(`${totals.indexed} new mentions`);
            (options.json ? context.err : context.out)(summary(totals));
            if (totals.sources > 0 && totals.failed === totals.sources) process.exitCode = 1;
            return;
          }
          await pipeline.applyRetention();
          context.err(`polling ${pipeline.sources.length} sources; Ctrl-C to stop. Try: hubwatch search 'Acme AND sentiment:negative'`);
          const stop = new AbortController();
          const onSignal = (): void => stop.abort();
          process.once('SIGINT', onSignal);
          process.once('SIGTERM', onSignal);
          let minutes = 0;
          const timer = setInterval(() => {
            logger.info({ ...totals }, 'pipeline totals');
            if (++minutes % 60 === 0) {
              pipeline.applyRetention().catch((error: unknown) => logger.warn({ err: error }, 'retention failed; will try again in an hour'));
            }
          }, 60_000);
          try {
            await pipeline.driver.runForever(stop.signal);
          } finally {
            clearInterval(timer);
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
          }
          context.err(`stopped. ${summary(totals)}`);
        } finally {
          await pipeline.close();
          await index.close();
          await samples?.close();
        }
      });
  },
};
