import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeCacheFile, loadVendorBundle, loadedVendorBundles } from './vendor-bundle.js';

const dir = mkdtempSync(join(tmpdir(), 'hubwatch-vendor-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BUNDLE = [
  "'use strict';",
  "const { join } = require('node:path');",
  'let calls = 0;',
  'module.exports = {',
  '  where: join(__dirname, "x"),',
  '  file: __filename,',
  '  square(n) { calls++; return n * n; },',
  '  calls: () => calls,',
  '  stack: () => new Error("here").stack,',
  '};',
  '',
].join('\n');

const LOADER = join(import.meta.dirname, 'vendor-bundle.ts');

/**
 * Loads `file` in a fresh Node.js process (as a command would), calls `square(7)`, and prints what
 * it found; with `writeOnExit`, writes the loaded bundles' code caches as it exits, as the build does.
 */
function loadInChild(file: string, writeOnExit = false): { square: number; bundles: { cacheFound: boolean; cacheRejected: boolean }[] } {
  const script = [
    `const { loadVendorBundle, loadedVendorBundles, writeCodeCaches } = await import(${JSON.stringify(LOADER)});`,
    writeOnExit ? "process.on('exit', () => writeCodeCaches());" : '',
    `const b = loadVendorBundle(${JSON.stringify(file)});`,
    'console.log(JSON.stringify({ square: b.square(7), bundles: loadedVendorBundles() }));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out) as ReturnType<typeof loadInChild>;
}

describe('loadVendorBundle', () => {
  it('runs a CommonJS bundle once, with require, __filename and __dirname, and keeps its line numbers in stack traces', () => {
    const file = join(dir, 'plain.bundle.cjs');
    writeFileSync(file, BUNDLE);
    const bundle = loadVendorBundle(file) as { where: string; file: string; square: (n: number) => number; calls: () => number; stack: () => string };
    expect(bundle.where).toBe(join(dir, 'x'));
    expect(bundle.file).toBe(file);
    expect(bundle.square(3)).toBe(9);
    expect(loadVendorBundle(file)).toBe(bundle);
    expect(bundle.calls()).toBe(1);
    expect(bundle.stack()).toContain(`${file}:9:`);
    expect(loadedVendorBundles()).toContainEqual({ file, cacheFound: false, cacheRejected: false });
  });

  it('lets a bundle that throws be loaded again', () => {
    const file = join(dir, 'throws.bundle.cjs');
    writeFileSync(file, "throw new Error('broken bundle');\n");
    expect(() => loadVendorBundle(file)).toThrow('broken bundle');
    writeFileSync(file, 'module.exports = 42;\n');
    expect(loadVendorBundle(file)).toBe(42);
  });

  it('writes the code cache of the bundles a process loaded, and a later process starts from it', () => {
    const file = join(dir, 'cached.bundle.cjs');
    writeFileSync(file, BUNDLE);

    expect(loadInChild(file)).toEqual({ square: 49, bundles: [{ file, cacheFound: false, cacheRejected: false }] });
    expect(existsSync(codeCacheFile(file))).toBe(false);

    loadInChild(file, true);
    expect(readFileSync(codeCacheFile(file)).length).toBeGreaterThan(0);

    expect(loadInChild(file)).toEqual({ square: 49, bundles: [{ file, cacheFound: true, cacheRejected: false }] });
  });

  it('compiles from the source when V8 refuses the cache (damaged, or made by another V8)', () => {
    const file = join(dir, 'damaged.bundle.cjs');
    writeFileSync(file, BUNDLE);
    writeFileSync(codeCacheFile(file), Buffer.alloc(512, 7));
    expect(loadInChild(file)).toEqual({ square: 49, bundles: [{ file, cacheFound: true, cacheRejected: true }] });
  });
});
