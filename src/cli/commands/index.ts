import type { CommandModule } from '../command.js';

/** A subcommand module, by the top-level names it registers (`sources` for `sources list`), loaded when asked for. */
export interface CommandEntry {
  names: readonly string[];
  load(): Promise<CommandModule>;
}

/** Every subcommand module, in the order --help lists them. */
export const COMMAND_ENTRIES: readonly CommandEntry[] = [
  { names: ['run'], load: async () => (await import('./run.js')).runCommand },
  { names: ['serve'], load: async () => (await import('./serve.js')).serveCommand },
  { names: ['worker'], load: async () => (await import('./worker.js')).workerCommand },
  { names: ['jobs'], load: async () => (await import('./jobs.js')).jobsCommand },
  { names: ['search'], load: async () => (await import('./search.js')).searchCommand },
  { names: ['stats'], load: async () => (await import('./stats.js')).statsCommand },
  { names: ['report'], load: async () => (await import('./report.js')).reportCommand },
  { names: ['analyze'], load: async () => (await import('./analyze.js')).analyzeCommand },
  { names: ['import'], load: async () => (await import('./import.js')).importCommand },
  { names: ['export'], load: async () => (await import('./export.js')).exportCommand },
  { names: ['alerts'], load: async () => (await import('./alerts.js')).alertsCommand },
  { names: ['index'], load: async () => (await import('./index-migrate.js')).indexMigrateCommand },
  { names: ['sources'], load: async () => (await import('./sources-list.js')).sourcesListCommand },
  { names: ['sources'], load: async () => (await import('./sources-test.js')).sourcesTestCommand },
  { names: ['config'], load: async () => (await import('./config-check.js')).configCheckCommand },
];

/**
 * The first word of a command line that is neither a global option nor its value: the command's
 * name; null when an option comes first (`--help`, `--version`) or there is no word.
 */
export function invokedCommand(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-c' || arg === '--config') i++;
    else if (arg.startsWith('--config=') || /^-c./.test(arg)) continue;
    else return arg.startsWith('-') ? null : arg;
  }
  return null;
}

/**
 * The modules to register for a command line: the invoked command's alone when its name is known,
 * so that `config check` loads one command module instead of fifteen (a twentieth of its start,
 * docs/benchmarks.md); every module otherwise, for the full help and commander's suggestions.
 */
export function commandModulesFor(argv: readonly string[]): Promise<CommandModule[]> {
  const name = invokedCommand(argv);
  const invoked = COMMAND_ENTRIES.filter((entry) => name !== null && entry.names.includes(name));
  return Promise.all((invoked.length > 0 ? invoked : COMMAND_ENTRIES).map((entry) => entry.load()));
}
