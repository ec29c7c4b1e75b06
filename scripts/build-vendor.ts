/**
 * Bundles the packages every command's start loads under `dist/vendor/`, and points the compiled
 * code's imports of them there. Run by `npm run build` after `tsc`.
 *
 * Why: Node 20 resolves, reads, compiles and links each module of a package on its own, and the
 * configuration path alone loads zod (95 modules, its ~60 locale files included: every entry point
 * of zod re-exports them) and commander (9); and it compiles every ES module from its source at
 * each start. So each group of packages is one CommonJS file, which `src/platform/vendor-bundle.ts`
 * runs with a V8 code cache that the build writes beside it, and each package is a small ES module
 * that takes it from there (docs/benchmarks.md, start-up). The yaml package is not among them:
 * js-yaml reads the configuration, and yaml loads only for a text js-yaml leaves to it
 * (`src/config/yaml-values.ts`). The code is the installed packages' own (their CommonJS builds),
 * bundled as it is: updating a dependency and rebuilding updates the vendored file. Sources, tests
 * and `tsx` keep importing the packages from node_modules.
 */
import { spawnSync } from 'node:child_process';
import { build, type Plugin } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { codeCacheFile } from '../src/platform/vendor-bundle.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The bundles, and the packages each holds: what `--help` loads, and what `config check` loads
 * beside it (with the one package that takes zod schemas from our code, which must share zod).
 */
export const VENDOR_BUNDLES: Readonly<Record<string, readonly string[]>> = {
  commander: ['commander'],
  config: ['zod', 'js-yaml', 'fastify-type-provider-zod'],
};

/** Every vendored package. */
export const VENDORED_PACKAGES: readonly string[] = Object.values(VENDOR_BUNDLES).flat();

/** The package a bare specifier names (`@scope/name` or `name`), or null for a relative or `node:` one. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Static (`from 'x'`, `import 'x'`) and dynamic (`import('x')`) specifiers in compiled code. */
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\2/g;

/**
 * `code` (a compiled module at `file`) with each import of a vendored package pointed at
 * `vendorDir/NAME.js`; throws on an import of a vendored package's subpath, which would load a
 * second copy of it beside the bundled one.
 */
export function rewriteImports(code: string, file: string, vendorDir: string, vendored: readonly string[] = VENDORED_PACKAGES): string {
  return code.replace(SPECIFIER, (whole, keyword: string, quote: string, specifier: string) => {
    const name = packageOf(specifier);
    if (name === null || !vendored.includes(name)) return whole;
    if (specifier !== name) throw new Error(`${file}: imports "${specifier}", a subpath of the vendored package ${name} (import "${name}" itself)`);
    const path = relative(dirname(file), join(vendorDir, `${name}.js`)).split(sep).join('/');
    return `${keyword}${quote}${path.startsWith('.') ? path : `./${path}`}${quote}`;
  });
}

function compiledModules(dir: string, skip: readonly string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skip.includes(path) ? [] : compiledModules(path, skip);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

/** A bundle's file name under `dist/vendor/`. */
export const bundleFileName = (bundle: string): string => `${bundle}.bundle.cjs`;

/** A CommonJS module whose `module.exports` has one getter per package, which loads it on first use. */
function bundleEntry(packages: readonly string[]): string {
  return `module.exports = {\n${packages.map((name) => `  get ${JSON.stringify(name)}() { return require(${JSON.stringify(name)}); },`).join('\n')}\n};\n`;
}

/** The names a package exports to an ES module importer (`import { x } from 'name'`), but `default`. */
async function esmExportNames(name: string): Promise<{ names: string[]; hasDefault: boolean }> {
  const module = (await import(name)) as Record<string, unknown>;
  return { names: Object.keys(module).filter((key) => key !== 'default' && key !== 'module.exports'), hasDefault: 'default' in module };
}

/**
 * `vendor/NAME.js`, the ES module the compiled code imports for package NAME: it takes the
 * package from its bundle and re-exports, by the names an ES module importer sees, what the
 * package's CommonJS build exports (checked here, name by name).
 */
async function facadeSource(name: string, bundle: string, bundleExports: Record<string, unknown>, loaderImport: string): Promise<string> {
  const { names, hasDefault } = await esmExportNames(name);
  const namespace = bundleExports[name] as Record<string, unknown>;
  const missing = names.filter((key) => !(key in namespace));
  if (missing.length > 0) throw new Error(`vendored ${name}: its CommonJS build lacks ${missing.join(', ')}, which its ES module exports`);
  const lines = [
    `import { fileURLToPath } from 'node:url';`,
    `import { loadVendorBundle } from ${JSON.stringify(loaderImport)};`,
    `const namespace = loadVendorBundle(fileURLToPath(new URL(${JSON.stringify(`./${bundleFileName(bundle)}`)}, import.meta.url)))[${JSON.stringify(name)}];`,
    // Through locals: a package may export a reserved word (zod's `function`), which only an export list can name.
    ...names.map((key, i) => `const v${i} = namespace[${JSON.stringify(key)}];`),
    `export { ${names.map((key, i) => `v${i} as ${key}`).join(', ')} };`,
  ];
  if (hasDefault) lines.push(`export default ${namespace.__esModule ? 'namespace.default' : 'namespace'};`);
  return `${lines.join('\n')}\n`;
}

/**
 * Writes `distDir/vendor/` (emptied first): one CommonJS bundle per entry of `bundles`, loaded
 * through `platform/vendor-bundle.js` with its V8 code cache, and an ES module per package that
 * the compiled code imports instead of node_modules; then rewrites the imports in every module
 * under `distDir` but the vendor folder and `web` (the page has its own bundle). Packages that
 * import one another share a bundle, so that they share one copy (zod and
 * fastify-type-provider-zod). The code caches are written afterwards (`writeVendorCodeCaches`).
 */
export async function buildVendor(distDir: string = join(ROOT, 'dist'), bundles: Readonly<Record<string, readonly string[]>> = VENDOR_BUNDLES): Promise<void> {
  const vendorDir = join(distDir, 'vendor');
  const vendored = Object.values(bundles).flat();
  rmSync(vendorDir, { recursive: true, force: true });
  for (const [bundle, packages] of Object.entries(bundles)) {
    const outfile = join(vendorDir, bundleFileName(bundle));
    await build({
      stdin: { contents: bundleEntry(packages), resolveDir: ROOT, sourcefile: `${bundle}-entry.cjs`, loader: 'js' },
      outfile,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      plugins: [englishZodLocalesOnly(), externalUnlessVendored(vendored)],
      legalComments: 'inline',
      // Whitespace and syntax only: names stay, so stack traces and error classes read as the packages wrote them.
      minifyWhitespace: true,
      minifySyntax: true,
      logLevel: 'warning',
    });
    const bundleExports = createRequire(import.meta.url)(outfile) as Record<string, unknown>;
    const loaderImport = relative(vendorDir, join(distDir, 'platform', 'vendor-bundle.js')).split(sep).join('/');
    for (const name of packages) writeFileSync(join(vendorDir, `${name}.js`), await facadeSource(name, bundle, bundleExports, loaderImport));
  }
  for (const file of compiledModules(distDir, [vendorDir, join(distDir, 'web')])) {
    const code = readFileSync(file, 'utf8');
    const rewritten = rewriteImports(code, file, vendorDir, vendored);
    if (rewritten !== code) writeFileSync(file, rewritten);
  }
}

/**
 * The commands whose start the code caches are made from, in order, and the bundles each leaves
 * its cache for: a cache holds what V8 compiled of its bundle by the end of the command (the top
 * level, and every function the command ran); `--help` runs last and rewrites commander's.
 */
const CACHE_COMMANDS: readonly { args: string[]; bundles: string[] }[] = [
  { args: ['config', 'check', '--config', 'config/hubwatch.yaml'], bundles: ['config'] },
  { args: ['--help'], bundles: ['commander'] },
];

/**
 * Runs `config check` on the bundled configuration and `--help` with
 * `src/platform/write-code-caches-on-exit.ts` (compiled) preloaded, which writes each loaded bundle's code cache
 * beside it. A command that cannot run leaves its bundles without a cache: slower to start, not
 * wrong. Returns the bundles left without one.
 */
export function writeVendorCodeCaches(root: string = ROOT): string[] {
  const preload = pathToFileURL(join(root, 'dist', 'platform', 'write-code-caches-on-exit.js')).href;
  const missing: string[] = [];
  for (const { args, bundles } of CACHE_COMMANDS) {
    spawnSync(process.execPath, ['--import', preload, join(root, 'bin', 'hubwatch.js'), ...args], { cwd: root, stdio: 'ignore' });
    for (const bundle of bundles) if (!existsSync(codeCacheFile(join(root, 'dist', 'vendor', bundleFileName(bundle))))) missing.push(bundleFileName(bundle));
  }
  return missing;
}

/**
 * Serves zod's `locales/index.cjs` (re-exported as `z.locales` and `core.locales`) as English alone:
 * zod configures English itself, hubwatch sets no other locale, and the other ~60 locale files are
 * more than half of the bundled zod that every command would load at start.
 */
function englishZodLocalesOnly(): Plugin {
  return {
    name: 'english-zod-locales-only',
    setup(builder) {
      builder.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.c?js$/ }, (args) => ({
        contents: args.path.endsWith('.cjs')
          ? "'use strict';\nObject.defineProperty(exports, '__esModule', { value: true });\nexports.en = require('./en.cjs');\n"
          : "export { default as en } from './en.js';\n",
        loader: 'js',
      }));
    },
  };
}

/** Bundles the vendored packages' files; any other package they import (`@fastify/error`) stays an import of node_modules. */
function externalUnlessVendored(vendored: readonly string[]): Plugin {
  return {
    name: 'external-unless-vendored',
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = packageOf(args.path);
        if (name === null || vendored.includes(name)) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

if (process.argv[1] && basename(process.argv[1]) === 'build-vendor.ts') {
  await buildVendor();
  const missing = writeVendorCodeCaches();
  console.log(`vendored into dist/vendor: ${VENDORED_PACKAGES.join(', ')}; code caches written${missing.length > 0 ? `, but not for ${missing.join(', ')} (those start slower)` : ''}`);
}
