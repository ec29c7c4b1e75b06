/**
 * Bundles the packages every command's start loads into one file each under `dist/vendor/`, and
 * points the compiled code's imports of them there. Run by `npm run build` after `tsc`.
 *
 * Why: Node 20 resolves, reads, compiles and links each module of a package on its own, and the
 * configuration path alone loads zod (95 modules, its ~60 locale files included: every entry point
 * of zod re-exports them) and commander (9). One file per package (zod and the
 * fastify-type-provider-zod that must share its copy in one chunk) costs a fraction of that
 * (docs/benchmarks.md, start-up). The yaml package is no longer among them: js-yaml (one file)
 * reads the configuration, and yaml loads only for a text js-yaml leaves to it
 * (`src/config/yaml-values.ts`). The code is the installed packages' own, bundled as it is:
 * updating a dependency and rebuilding updates the vendored file. Sources, tests and `tsx` keep
 * importing the packages from node_modules.
 */
import { build, type Plugin } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The packages bundled: what `config check` and `--help` load, and the one package that takes zod schemas from our code. */
export const VENDORED_PACKAGES = ['zod', 'commander', 'fastify-type-provider-zod'] as const;

const ENTRY_NAMESPACE = 'vendor-entry';

/** An entry module re-exporting every export of package `name` by name (a CommonJS package's too, as Node names them). */
async function entrySource(name: string): Promise<string> {
  const module = (await import(name)) as Record<string, unknown>;
  const names = Object.keys(module).filter((key) => key !== 'default' && key !== 'module.exports');
  const lines = [`export { ${names.join(', ')} } from '${name}';`];
  if ('default' in module) lines.push(`export { default } from '${name}';`);
  return `${lines.join('\n')}\n`;
}

/** Serves `vendor-entry:NAME` as the re-exporting module of package NAME (as installed in this checkout). */
function entries(): Plugin {
  return {
    name: 'vendor-entries',
    setup(builder) {
      builder.onResolve({ filter: /^vendor-entry:/ }, (args) => ({ path: args.path.slice(ENTRY_NAMESPACE.length + 1), namespace: ENTRY_NAMESPACE }));
      builder.onLoad({ filter: /.*/, namespace: ENTRY_NAMESPACE }, async (args) => ({ contents: await entrySource(args.path), resolveDir: ROOT, loader: 'js' }));
    },
  };
}

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

/**
 * Writes `distDir/vendor/` (emptied first) and rewrites the imports in every module under
 * `distDir` but the vendor folder and `web` (the page has its own bundle).
 */
export async function buildVendor(distDir: string = join(ROOT, 'dist'), vendored: readonly string[] = VENDORED_PACKAGES): Promise<void> {
  const vendorDir = join(distDir, 'vendor');
  rmSync(vendorDir, { recursive: true, force: true });
  await build({
    entryPoints: Object.fromEntries(vendored.map((name) => [name, `${ENTRY_NAMESPACE}:${name}`])),
    outdir: vendorDir,
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [entries(), englishZodLocalesOnly(), externalUnlessVendored(vendored)],
    // CommonJS code in an ES module bundle: its require() of Node's modules goes through a real require.
    banner: { js: "import { createRequire as __vendorRequire } from 'node:module'; const require = __vendorRequire(import.meta.url);" },
    legalComments: 'inline',
    // Whitespace and syntax only: names stay, so stack traces and error classes read as the packages wrote them.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  for (const file of compiledModules(distDir, [vendorDir, join(distDir, 'web')])) {
    const code = readFileSync(file, 'utf8');
    const rewritten = rewriteImports(code, file, vendorDir, vendored);
    if (rewritten !== code) writeFileSync(file, rewritten);
  }
}

/**
 * Serves zod's `locales/index.js` (re-exported as `z.locales` and `core.locales`) as English alone:
 * zod configures English itself, hubwatch sets no other locale, and the other ~60 locale files are
 * more than half of the bundled zod (368 KB of 665 KB) that every command would parse at start.
 */
function englishZodLocalesOnly(): Plugin {
  return {
    name: 'english-zod-locales-only',
    setup(builder) {
      builder.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: "export { default as en } from './en.js';\n", loader: 'js' }));
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
  console.log(`vendored into dist/vendor: ${VENDORED_PACKAGES.join(', ')}`);
}
