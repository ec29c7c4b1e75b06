import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** How a bundle was loaded, for tests and diagnostics. */
export interface LoadedBundle {
  file: string;
  /** Whether a code cache was found beside the bundle. */
  cacheFound: boolean;
  /** Whether V8 refused it (another Node.js, other V8 flags): the bundle was compiled from its source. */
  cacheRejected: boolean;
}

interface Entry extends LoadedBundle {
  script: Script;
  exports: unknown;
}

const loaded = new Map<string, Entry>();

/** The code cache beside a bundle file. */
export function codeCacheFile(bundleFile: string): string {
  return `${bundleFile}.v8-cache`;
}

/**
 * The exports of a CommonJS bundle (`module.exports`), run once per process with the V8 code
 * cache written beside it when there is one.
 *
 * Why: Node.js 20 compiles every ES module from its source at each start, and the packages every
 * command loads (zod, commander, js-yaml: about 0.5 MB) were a third of `config check`'s time.
 * V8 reads a code cache in a fraction of that and skips the lazy compilation of every function the
 * cache holds. A cache made by another V8 or with other flags is refused by V8 itself, and the
 * bundle is compiled from its source as before. The cache is written by the build, right after its bundle
 * (`scripts/build-vendor.ts`), never by a command, so that a bundle and its cache come from the
 * same build (V8 checks a cache's version, flags and source length, not the source itself).
 * Vendored code runs as a CommonJS module does: `require`, `module`, `exports`, `__filename` and
 * `__dirname` (its `import()` is not supported; none of the vendored packages uses it).
 */
export function loadVendorBundle(file: string): unknown {
  const existing = loaded.get(file);
  if (existing) return existing.exports;
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(codeCacheFile(file));
  } catch {
    cachedData = undefined;
  }
  // On the source's first line, as Node's own wrapper, so that stack traces keep the bundle's line numbers.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  const entry: Entry = { file, cacheFound: cachedData !== undefined, cacheRejected: cachedData !== undefined && script.cachedDataRejected === true, script, exports: undefined };
  loaded.set(file, entry);
  try {
    run(module.exports, createRequire(file), module, file, dirname(file));
  } catch (error) {
    loaded.delete(file);
    throw error;
  }
  entry.exports = module.exports;
  return entry.exports;
}

/** The bundles this process has loaded, and whether their caches served. */
export function loadedVendorBundles(): LoadedBundle[] {
  return [...loaded.values()].map(({ file, cacheFound, cacheRejected }) => ({ file, cacheFound, cacheRejected }));
}

/**
 * Writes the code cache of each bundle loaded so far (what V8 has compiled of it by now) beside
 * it; returns the files written. The build calls it as a command exits
 * (`write-code-caches-on-exit.ts`).
 */
export function writeCodeCaches(): string[] {
  return [...loaded.values()].map((entry) => {
    writeFileSync(codeCacheFile(entry.file), entry.script.createCachedData());
    return codeCacheFile(entry.file);
  });
}
