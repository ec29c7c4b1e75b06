import { readdirSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CommandModule } from '../command.js';
import { createCliContext } from '../create-cli-context.js';
import { COMMAND_ENTRIES, commandModulesFor, invokedCommand } from './index.js';

/** The top-level command names `modules` register on a fresh program. */
function registeredNames(modules: readonly CommandModule[]): string[] {
  const program = new Command('hubwatch');
  const context = createCliContext(() => undefined);
  for (const module of modules) module.register(program, context);
  return program.commands.map((command) => command.name());
}

describe('COMMAND_ENTRIES', () => {
  it('names, for each module, exactly the top-level commands it registers', async () => {
    for (const entry of COMMAND_ENTRIES) {
      expect(registeredNames([await entry.load()]), entry.names.join()).toEqual(entry.names);
    }
  });

  it('lists every command module of the folder once', async () => {
    const files = readdirSync(import.meta.dirname).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'index.ts');
    const exported = await Promise.all(
      files.map(async (file) => Object.values((await import(`./${file}`)) as Record<string, unknown>).filter((value): value is CommandModule => typeof (value as CommandModule)?.register === 'function')),
    );
    const listed = await Promise.all(COMMAND_ENTRIES.map((entry) => entry.load()));
    expect(new Set(listed).size).toBe(listed.length);
    expect(new Set(listed)).toEqual(new Set(exported.flat()));
  });
});

describe('invokedCommand', () => {
  it('takes the first word that is neither a global option nor its value', () => {
    expect(invokedCommand(['config', 'check'])).toBe('config');
    expect(invokedCommand(['-c', 'mine.yaml', 'search', 'acme'])).toBe('search');
    expect(invokedCommand(['--config', 'mine.yaml', 'run', '--once'])).toBe('run');
    expect(invokedCommand(['--config=mine.yaml', 'stats', 'sov'])).toBe('stats');
    expect(invokedCommand(['-cmine.yaml', 'sources', 'list'])).toBe('sources');
  });

  it('is null when an option or nothing comes first', () => {
    expect(invokedCommand([])).toBeNull();
    expect(invokedCommand(['--help'])).toBeNull();
    expect(invokedCommand(['-V'])).toBeNull();
    expect(invokedCommand(['-c', 'mine.yaml'])).toBeNull();
    expect(invokedCommand(['--no-such-option', 'search'])).toBeNull();
  });
});

describe('commandModulesFor', () => {
  it("registers the invoked command's modules alone, and every module for help, a typo or no command", async () => {
    expect(registeredNames(await commandModulesFor(['config', 'check']))).toEqual(['config']);
    expect(registeredNames(await commandModulesFor(['sources', 'test', 'x']))).toEqual(['sources']);
    const all = COMMAND_ENTRIES.flatMap((entry) => entry.names).filter((name, i, names) => names.indexOf(name) === i);
    for (const argv of [['--help'], ['help', 'search'], ['serch', 'acme'], []]) {
      expect(registeredNames(await commandModulesFor(argv)), argv.join(' ')).toEqual(all);
    }
  });
});
