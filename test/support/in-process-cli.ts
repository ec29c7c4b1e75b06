import { Command } from 'commander';
import type { CliContext } from '../../src/cli/cli-context.js';
import type { CommandModule } from '../../src/cli/command.js';
import { ConfigError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/platform/logger.js';

/**
 * Runs one command module in this process with a context a test controls: by default no
 * configuration file (as on a machine where none was written), a silent logger, no index, a fixed
 * clock, and stdout collected. Returns the stdout lines; throws what the command throws.
 */
export async function runInProcess(command: CommandModule, argv: string[], overrides: Partial<CliContext> = {}): Promise<string[]> {
  const lines: string[] = [];
  const context: CliContext = {
    env: {},
    config: () => {
      throw new ConfigError('config/hubwatch.yaml', ['file not found (pass --config FILE or set HUBWATCH_CONFIG)']);
    },
    configPath: () => 'config/hubwatch.yaml',
    logger: () => Promise.resolve(silentLogger()),
    openIndex: () => Promise.reject(new Error('not used')),
    clock: () => new Date('2026-11-27T12:00:00Z'),
    out: (line) => lines.push(line),
    err: () => undefined,
    note: () => undefined,
    interactive: false,
    ...overrides,
  };
  const program = new Command('hubwatch').exitOverride();
  command.register(program, context);
  await program.parseAsync(argv, { from: 'user' });
  return lines;
}
