/**
 * Builds the web page: `web/src/main.tsx` and `web/src/styles.css` bundled and minified by esbuild
 * into `dist/web/assets/app-[hash].{js,css}` with source maps, and `web/index.html` copied to
 * `dist/web/index.html` with the hashed names filled in. Run by `npm run build`; tests and the
 * bench call `buildWeb()` (or `ensureWebBuilt()`, which rebuilds only when a source is newer).
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = join(ROOT, 'web');
/** Where `hubwatch serve` reads the page from. */
export const WEB_DIST = join(ROOT, 'dist/web');

/** What one build wrote: the hashed asset paths (relative to dist/web) and their sizes in bytes. */
export interface WebBuild {
  js: string;
  css: string;
  jsBytes: number;
  cssBytes: number;
  /** Every script file the page may load (the entry, then the chunks it imports), relative to dist/web. */
  scripts: string[];
}

/** Bundles the page into dist/web (emptied first). */
export async function buildWeb(outDir: string = WEB_DIST): Promise<WebBuild> {
  rmSync(outDir, { recursive: true, force: true });
  const assets = join(outDir, 'assets');
  mkdirSync(assets, { recursive: true });
  const result = await build({
    entryPoints: { app: join(SOURCE, 'src/main.tsx'), 'app-style': join(SOURCE, 'src/styles.css') },
    outdir: assets,
    entryNames: 'app-[hash]',
    chunkNames: 'chunk-[hash]',
    splitting: true,
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'esm',
    target: ['chrome100', 'firefox100', 'safari15.4'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(SOURCE, 'tsconfig.json'),
    metafile: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  const entries = Object.entries(result.metafile.outputs).filter(([, output]) => output.entryPoint);
  const entryFor = (suffix: string) => entries.find(([file]) => file.endsWith(suffix))?.[0];
  const outputs = Object.keys(result.metafile.outputs).map((file) => relative(outDir, join(ROOT, file)));
  const jsOut = entryFor('.js');
  const cssOut = entryFor('.css');
  const js = jsOut && relative(outDir, join(ROOT, jsOut));
  const css = cssOut && relative(outDir, join(ROOT, cssOut));
  if (!js || !css) throw new Error(`web build: expected one .js and one .css, got ${outputs.join(', ')}`);
  const scripts = [js, ...outputs.filter((file) => file.endsWith('.js') && file !== js)];
  // The chunks (Chart.js) download while the entry runs, instead of after it asks for them.
  const preloads = scripts.slice(1).map((file) => `<link rel="modulepreload" href="/${file}">`).join('\n    ');
  const html = readFileSync(join(SOURCE, 'index.html'), 'utf8').replace('%APP_JS%', `/${js}`).replace('%APP_CSS%', `/${css}`).replace('%APP_PRELOADS%', preloads);
  writeFileSync(join(outDir, 'index.html'), html);
  return { js, css, jsBytes: statSync(join(outDir, js)).size, cssBytes: statSync(join(outDir, css)).size, scripts };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the page unless dist/web/index.html is newer than every file under web/. */
export async function ensureWebBuilt(outDir: string = WEB_DIST): Promise<void> {
  const index = join(outDir, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(SOURCE)) return;
  await buildWeb(outDir);
}

if (process.argv[1] && basename(process.argv[1]) === 'build-web.ts') {
  const built = await buildWeb();
  const kib = (file: string) => `${(statSync(join(WEB_DIST, file)).size / 1024).toFixed(1)} KiB`;
  console.log(`web page in dist/web: ${built.scripts.map((file) => `${file} (${kib(file)})`).join(', ')}, ${built.css} (${kib(built.css)})`);
}
