import type { CommandModule } from '../command.js';
import { Progress } from '../progress.js';

/** A search that works as written from the project folder (the `hubwatch` bin is not on PATH there). */
const SEARCH_HINT = "./bin/hubwatch.js search 'Acme AND sentiment:negative'";

/** `hubwatch run`: every stage in this process (embedded; with Redis, every role of the distributed mode). */
export const runCommand: CommandModule = {
  register(program, context) {
    program
      .command('run')
      .description('run the pipeline in this process: poll every source on its interval, enrich, index, and serve the web page and API (Ctrl-C stops)')
      .option('--once', 'poll every source once, then exit')
      .option('--json', 'with --once: one JSON report per source on stdout')
      .action(async (options: { once?: boolean; json?: boolean }) => {
        const [{ countMentions, describeTotals, ingestOnce, ingestUntilAborted, RunCounter }, { createEmbeddedPipeline }] = await Promise.all([
          import('../../app/ingest-service.js'),
          import('../../roles/embedded-pipeline.js'),
        ]);
        const config = context.config();
        const logger = await context.logger();
        // With Redis, other processes may run enrich workers: one process writes a SQLite index.
        const lock = config.queue.redisUrl ? (await import('../../roles/index-writer.js')).writerLockFor(config) : null;
        const index = await context.openIndex().catch((error: unknown) => {
          lock?.release();
          throw error;
        });
        let progress: Progress | null = null;
        const counter = new RunCounter((report, totals) => {
          if (options.json) context.out(JSON.stringify(report));
          if (report.outcome === 'error') context.note(`source ${report.sourceId}: ${report.error ?? 'failed'}`, { sourceId: report.sourceId, error: report.error });
          if (progress) progress.tick(1, `${totals.indexed} new mentions`);
          else if (report.created > 0) context.note(`${report.sourceId}: ${report.created} new mentions`, { sourceId: report.sourceId, indexed: report.created });
          if (!firstRoundDone && totals.polls >= sourceCount) {
            firstRoundDone = true;
            void announceSearchable();
          }
        });
        let sourceCount = Number.POSITIVE_INFINITY;
        let firstRoundDone = options.once === true;
        // After the first round of a long run: how much is searchable, and a command that works from here.
        const announceSearchable = async (): Promise<void> => {
          try {
            const searchable = await countMentions(index);
            context.note(`${searchable} mentions searchable now. Try: ${SEARCH_HINT}`, { searchable });
          } catch (error) {
            logger.warn({ err: error }, 'could not count the indexed mentions');
          }
        };
        try {
          const deps = { index, logger, clock: context.clock, onReport: counter.record, alertOutput: (line: string) => context.note(line, { alert: true }) };
          // With Redis (REDIS_URL or queue.redisUrl): every role of the distributed mode in this process.
          const pipeline = config.queue.redisUrl
            ? await (await import('../../roles/distributed-pipeline.js')).createDistributedPipeline(config, { ...deps, roles: ['fetch', 'enrich'] })
            : await createEmbeddedPipeline(config, deps);
          try {
            sourceCount = pipeline.sources.length;
            if (pipeline.samplesUrl) context.note(`serving the bundled sample feeds at ${pipeline.samplesUrl}`, { samplesUrl: pipeline.samplesUrl });
            if (options.once) {
              progress = new Progress('polling', pipeline.sources.length, (text) => process.stderr.write(text), context.interactive);
              await ingestOnce(pipeline);
              progress.finish(`${counter.totals.indexed} new mentions`);
              const line = describeTotals(counter.totals, pipeline.sources.length);
              if (options.json) context.note(line, { totals: counter.totals });
              else {
                context.out(line);
                context.out(`${await countMentions(index)} mentions searchable. Try: ${SEARCH_HINT}`);
              }
              if (counter.totals.polls > 0 && counter.totals.failed === counter.totals.polls) process.exitCode = 1;
              return;
            }
            context.note(`polling ${pipeline.sources.length} sources; Ctrl-C to stop. Once a round is done, search from another terminal: ${SEARCH_HINT}`, { sources: pipeline.sources.length });
            // The web page and API beside the pipeline, over the same index (a long run only, never --once).
            const { startApi } = await import('../../api/start-api.js');
            const api = await startApi(config, { index, logger, clock: context.clock });
            context.out(`open ${api.url} in a browser for the web page (API documentation: ${api.url}docs)`);
            if (api.oneTimeToken) context.out(`no API token configured: log in with this one-time admin token (valid until this run stops): ${api.oneTimeToken}`);
            const stop = new AbortController();
            const onSignal = (): void => stop.abort();
            process.once('SIGINT', onSignal);
            process.once('SIGTERM', onSignal);
            try {
              await ingestUntilAborted(pipeline, stop.signal, { logger, totals: counter.totals });
            } finally {
              process.off('SIGINT', onSignal);
              process.off('SIGTERM', onSignal);
              await api.close();
            }
            context.note(`stopped. ${describeTotals(counter.totals, pipeline.sources.length)}`, { totals: counter.totals });
          } finally {
            await pipeline.close();
          }
        } finally {
          await index.close();
          lock?.release();
        }
      });
  },
};
