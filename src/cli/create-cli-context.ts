import type { Environment } from '../config/environment.js';
import type { HubwatchConfig } from '../config/schema.js';
import type { MentionIndex } from '../index/mention-index.js';
import { systemClock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import { terminalSafe } from '../core/text/terminal-safe.js';
import type { CliContext } from './cli-context.js';
import { jsonLogLine } from './json-log-line.js';

export const DEFAULT_CONFIG_PATH = 'config/hubwatch.yaml';

/** What the context needs from the configuration side, loaded by `prepare()` (zod, yaml, the connector registry). */
async function loadConfigModules() {
  const [{ readEnvironment }, { loadConfig }, { checkSource }] = await Promise.all([
    import('../config/environment.js'),
    import('../config/load-config.js'),
    import('../connectors/registry.js'),
  ]);
  return { readEnvironment, loadConfig, checkSource };
}

/** The context main.ts builds: `prepare()` runs before any command's action (a commander preAction hook). */
export type PreparedCliContext = CliContext & {
  readonly debug: boolean;
  /** Loads the configuration loader, the schema and the connector registry: `--help` never needs them. */
  prepare(): Promise<void>;
};

/**
 * The CLI's composition root: builds services lazily, once, from the one validated configuration.
 * This is the only place that reads process.env (once, validated by src/config/environment.ts,
 * its values reaching the rest through the configuration) and the process's streams.
 */
export function createCliContext(getConfigOption: () => string | undefined): PreparedCliContext {
  const env = { ...process.env };
  let modules: Awaited<ReturnType<typeof loadConfigModules>> | undefined;
  // Bad values are reported when the configuration loads; here only what is needed to find it.
  let values: Environment = {};
  const loaded = (): NonNullable<typeof modules> => {
    if (!modules) throw new Error('the CLI context was used before prepare()');
    return modules;
  };
  let config: HubwatchConfig | undefined;
  let logger: Promise<Logger> | undefined;
  const warnings: string[] = [];
  const configPath = (): string => getConfigOption() ?? values.HUBWATCH_CONFIG ?? DEFAULT_CONFIG_PATH;
  // `hubwatch search ... | head`: once the reader has gone, output stops quietly and the command
  // finishes its work (a `run` still indexes), instead of dying on an unhandled EPIPE.
  let stdoutGone = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutGone = true;
  });
  const context: PreparedCliContext = {
    env,
    get debug() {
      return values.HUBWATCH_DEBUG !== undefined;
    },
    async prepare() {
      modules ??= await loadConfigModules();
      values = modules.readEnvironment(env).values;
    },
    clock: systemClock,
    interactive: process.stderr.isTTY === true,
    configPath,
    config() {
      const { loadConfig, checkSource } = loaded();
      config ??= loadConfig(configPath(), { env, checkSource, onWarning: (warning) => warnings.push(warning) });
      return config;
    },
    async logger() {
      const level = context.config().log.level;
      // pino loads with the first command that logs (`config check` never does).
      logger ??= import('../platform/logger.js').then(({ createLogger }) => {
        const created = createLogger({ level });
        // Said once the logger exists, which needs the configuration first.
        for (const warning of warnings.splice(0)) created.warn({ config: configPath() }, `configuration: ${warning}`);
        return created;
      });
      return logger;
    },
    async openIndex(options = {}): Promise<MentionIndex> {
      // The index adapters (better-sqlite3, the Elasticsearch client) load with the first command that opens one.
      const { openIndex } = await import('../index/open-index.js');
      const config = context.config().index;
      return openIndex(config, { logger: await context.logger(), ...options });
    },
    // Every line a command prints goes through the one sanitiser: text from outside (titles,
    // authors, an HTML page's <title> in an error) never reaches a terminal raw.
    out(line) {
      if (!stdoutGone) process.stdout.write(`${terminalSafe(line)}\n`);
    },
    err(line) {
      process.stderr.write(`${terminalSafe(line)}\n`);
    },
    note(message, fields = {}) {
      process.stderr.write(`${terminalSafe(context.interactive ? message : jsonLogLine(message, fields))}\n`);
    },
  };
  return context;
}
