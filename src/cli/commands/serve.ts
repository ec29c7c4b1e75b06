import { availableParallelism } from 'node:os';
import type { CommandModule } from '../command.js';

/** `hubwatch serve`: the HTTP API and the web page over the configured index, until Ctrl-C. */
export const serveCommand: CommandModule = {
  register(program, context) {
    program
      .command('serve')
      .description('serve the HTTP API and the web page over the index (docs/api.md); Ctrl-C stops')
      .option('--host <host>', 'address to listen on (default: api.host, 127.0.0.1)')
      .option('--port <port>', 'port to listen on (default: api.port, 8787)')
      .action(async (options: { host?: string; port?: string }) => {
        const [{ parseCountOption }, { startApi }] = await Promise.all([import('../../app/time-range.js'), import('../../api/start-api.js')]);
        const port = options.port === undefined ? undefined : options.port === '0' ? 0 : parseCountOption(options.port, '--port', 65_535);
        const config = context.config();
        const logger = await context.logger();
        // Concurrent requests read the SQLite file on one thread per core (up to 4), not queued on this one.
        const index = await context.openIndex({ readThreads: Math.min(4, availableParallelism()) });
        try {
          const api = await startApi(config, { index, logger, clock: context.clock, host: options.host, port });
          try {
            context.out(`hubwatch is serving ${api.url} (API documentation: ${api.url}docs); Ctrl-C to stop`);
            if (api.oneTimeToken) context.out(`no API token configured: log in with this one-time admin token (valid until this server stops): ${api.oneTimeToken}`);
            await untilSignal();
          } finally {
            await api.close();
          }
        } finally {
          await index.close();
        }
      });
  },
};

/** Resolves on the first SIGINT or SIGTERM. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
