import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../support/run-cli.js';

/** The `enrich.frenchModel` switch, as a deployment uses it: a config file, `config check`, `analyze`. */
describe('enrich.frenchModel: the French layer can be turned off in the configuration', () => {
  let dir: string;
  const configs: Record<string, string> = {};

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-switch-'));
    const write = (name: string, enrich: unknown): void => {
      configs[name] = join(dir, `${name}.json`);
      writeFileSync(
        configs[name],
        JSON.stringify({
          index: { sqlite: { path: join(dir, 'index.db') } },
          watchlist: { brands: [{ id: 'initech', name: 'Initech' }] },
          ...(enrich === undefined ? {} : { enrich }),
        }),
      );
    };
    write('default', undefined);
    write('off', { frenchModel: false });
    write('bad', { frenchModel: 'no' });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the setting in config check (on by default, off when set false)', async () => {
    const on = await runCli(['config', 'check', '--config', configs.default!]);
    expect(on.code, on.stderr).toBe(0);
    expect(on.stdout).toContain('sentiment models: fr on, en off (rules only)');
    const off = await runCli(['config', 'check', '--config', configs.off!]);
    expect(off.code, off.stderr).toBe(0);
    expect(off.stdout).toContain('sentiment models: fr off (rules only), en off (rules only)');
  });

  it('refuses a value that is not a boolean, naming where', async () => {
    const bad = await runCli(['config', 'check', '--config', configs.bad!]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('enrich.frenchModel');
  });

  it('scores French by the rules alone when off', async () => {
    // The rules know no word of this post; the layer has learned "panne" and "sans cesse".
    const input = "Les trottinettes d'Initech tombent sans cesse en panne.\n";
    const [withLayer] = jsonLines<{ sentiment: { label: string } }>((await runCli(['--config', configs.default!, 'analyze', '--json', '--lang', 'fr'], { input })).stdout);
    const [rulesOnly] = jsonLines<{ sentiment: { label: string; score: number } }>((await runCli(['--config', configs.off!, 'analyze', '--json', '--lang', 'fr'], { input })).stdout);
    expect(withLayer!.sentiment.label).toBe('negative');
    expect(rulesOnly!.sentiment).toEqual({ label: 'neutral', score: 0 });
  });
});
