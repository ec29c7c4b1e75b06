import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { buildVendor, rewriteImports, VENDORED_PACKAGES } from '../../scripts/build-vendor.js';

describe('rewriteImports', () => {
  const vendor = '/app/dist/vendor';

  it('points static, side-effect and dynamic imports of a vendored package at its file, relative to the importer', () => {
    const code = [
      "import { z } from 'zod';",
      'import {',
      '  Option,',
      "} from 'commander';",
      "import 'zod';",
      "const { Command } = await import('commander');",
    ].join('\n');
    expect(rewriteImports(code, '/app/dist/config/schema.js', vendor)).toBe(
      [
        "import { z } from '../vendor/zod.js';",
        'import {',
        '  Option,',
        "} from '../vendor/commander.js';",
        "import '../vendor/zod.js';",
        "const { Command } = await import('../vendor/commander.js');",
      ].join('\n'),
    );
    expect(rewriteImports("import { Command } from \"commander\";", '/app/dist/cli/commands/run.js', vendor)).toBe(
      "import { Command } from \"../../vendor/commander.js\";",
    );
  });

  it('leaves other packages, relative imports, Node modules and look-alike names as they are', () => {
    const code = [
      "import pino from 'pino';",
      "import { x } from './zod.js';",
      "import { readFileSync } from 'node:fs';",
      "import { y } from 'zod-to-json-schema';",
      "import { w } from '@scope/zod';",
    ].join('\n');
    expect(rewriteImports(code, '/app/dist/a.js', vendor)).toBe(code);
  });

  it('refuses a subpath of a vendored package, which would load a second copy beside the bundled one', () => {
    expect(() => rewriteImports("import * as core from 'zod/v4/core';", '/app/dist/api/schemas.js', vendor)).toThrow(
      '/app/dist/api/schemas.js: imports "zod/v4/core", a subpath of the vendored package zod (import "zod" itself)',
    );
  });
});

describe('buildVendor', () => {
  const dist = mkdtempSync(join(tmpdir(), 'hubwatch-vendor-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('bundles the packages into one file that the compiled modules load instead of node_modules, with the same behaviour', { timeout: 60_000 }, async () => {
    mkdirSync(join(dist, 'config'));
    mkdirSync(join(dist, 'web'));
    // The bundle's loader, as tsc compiles it into the package.
    await build({ entryPoints: [join(import.meta.dirname, '../../src/platform/vendor-bundle.ts')], outfile: join(dist, 'platform/vendor-bundle.js'), format: 'esm', platform: 'node', logLevel: 'warning' });
    // A compiled module as tsc writes it, and a page file that must be left alone.
    writeFileSync(
      join(dist, 'config/check.js'),
      [
        "import { parseDocument } from 'yaml';",
        "import { z } from 'zod';",
        "const schema = z.strictObject({ port: z.number().int().max(65535) });",
        'export const check = (text) => schema.safeParse(parseDocument(text).toJS());',
        'export const localeNames = Object.keys(z.locales);',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dist, 'web/page.js'), "import { z } from 'zod';\n");

    await buildVendor(dist, { parsing: ['zod', 'yaml'] });

    expect(readdirSync(join(dist, 'vendor')).sort()).toEqual(['parsing.bundle.cjs', 'yaml.js', 'zod.js']);
    expect(readFileSync(join(dist, 'config/check.js'), 'utf8')).toContain("from '../vendor/yaml.js'");
    expect(readFileSync(join(dist, 'web/page.js'), 'utf8')).toBe("import { z } from 'zod';\n");

    // The vendored copies answer as the installed packages do: values and error messages alike.
    const { check, localeNames } = (await import(pathToFileURL(join(dist, 'config/check.js')).href)) as {
      check: (text: string) => { success: boolean; data?: unknown; error?: { issues: unknown[] } };
      localeNames: string[];
    };
    const installed = (text: string) => z.strictObject({ port: z.number().int().max(65535) }).safeParse(parseDocument(text).toJS());
    for (const text of ['port: 8080\n', 'port: 70000\nextra: 1\n', 'port: "x"\n']) {
      const vendored = check(text);
      const reference = installed(text);
      expect(vendored.success).toBe(reference.success);
      expect(vendored.data).toEqual(reference.data);
      expect(vendored.error?.issues).toEqual(reference.error?.issues);
    }
    expect(check('port: 70000\n').error?.issues).toEqual([expect.objectContaining({ path: ['port'], message: 'Too big: expected number to be <=65535' })]);
    // Only English of zod's locales is bundled (the one zod configures itself and hubwatch uses).
    expect(localeNames).toEqual(['en']);
  });
});

describe('the built package', () => {
  it('starts the vendored bundles from the code caches the build wrote, which V8 accepts', () => {
    const root = join(import.meta.dirname, '../..');
    const script = [
      `await import(${JSON.stringify(pathToFileURL(join(root, 'dist/vendor/zod.js')).href)});`,
      `await import(${JSON.stringify(pathToFileURL(join(root, 'dist/vendor/commander.js')).href)});`,
      `const { loadedVendorBundles } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/platform/vendor-bundle.js')).href)});`,
      'console.log(JSON.stringify(loadedVendorBundles()));',
    ].join('\n');
    const bundles = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as unknown[];
    expect(bundles).toEqual([
      { file: join(root, 'dist/vendor/config.bundle.cjs'), cacheFound: true, cacheRejected: false },
      { file: join(root, 'dist/vendor/commander.bundle.cjs'), cacheFound: true, cacheRejected: false },
    ]);
  });

  it('exports from each vendored package the names its ES module exports, default included', async () => {
    const root = join(import.meta.dirname, '../..');
    for (const name of VENDORED_PACKAGES) {
      const vendored = (await import(pathToFileURL(join(root, `dist/vendor/${name}.js`)).href)) as Record<string, unknown>;
      const installed = (await import(name)) as Record<string, unknown>;
      expect(Object.keys(vendored).sort(), name).toEqual(Object.keys(installed).filter((key) => key !== 'module.exports').sort());
    }
  });
});
