import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { HubwatchError, UserInputError, ConfigError } from '../core/errors.js';
import { terminalSafe } from '../core/text/terminal-safe.js';
import { commandModulesFor } from './commands/index.js';
import { createCliContext } from './create-cli-context.js';

/** Exit codes: 0 done, 1 a fault (network, index), 2 a user mistake (bad query, bad config). */
function exitCodeFor(error: unknown): number {
  return error instanceof UserInputError || error instanceof ConfigError ? 2 : 1;
}

/** One clear line (config problems: one per line), never a stack trace for user mistakes. */
function describe(error: unknown, debug: boolean): string {
  if (error instanceof HubwatchError) return error.message;
  if (error instanceof Error) return `${error.message}${debug ? `\n${error.stack ?? ''}` : ''}`;
  return String(error);
}

/** The version in package.json (two folders up from src/cli/ and from dist/cli/ alike). */
function packageVersion(): string {
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command('hubwatch')
    .description('Media monitoring for communications teams: ingest, tag, search and alert on mentions.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('-c, --config <file>', 'configuration file (default: $HUBWATCH_CONFIG or config/hubwatch.yaml)')
    .showSuggestionAfterError()
    // One prefix for every error, commander's own included.
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'hubwatch: ')) })
    .exitOverride();
  const context = createCliContext(() => program.opts<{ config?: string }>().config);
  // The configuration side loads before any action runs, never for --help or a usage error.
  program.hook('preAction', () => context.prepare());
  for (const command of await commandModulesFor(argv)) command.register(program, context);
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help) on the right stream.
      return error.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`${terminalSafe(`hubwatch: ${describe(error, context.debug)}`)}\n`);
    return exitCodeFor(error);
  }
}

/** Resolves once everything written to `stream` so far has been handed to the OS. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

// Exit explicitly: every command closes what it opened, but a stray handle must never keep a
// finished command alive. Output is drained first: a reader that is slow to empty the pipe must
// not lose the last lines of a `--json` listing.
const code = await main(process.argv.slice(2));
await Promise.all([drained(process.stdout), drained(process.stderr)]);
process.exit(code);
