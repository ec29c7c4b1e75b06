import type { Command } from 'commander';
import type { CliContext } from './cli-context.js';

/**
 * A subcommand module: src/cli/commands/<name>.ts exports one `CommandModule` and is listed in
 * src/cli/commands/index.ts. Action handlers throw `UserInputError` for user mistakes; main.ts
 * prints them as one line on stderr and exits non-zero.
 */
export interface CommandModule {
  register(program: Command, context: CliContext): void;
}
