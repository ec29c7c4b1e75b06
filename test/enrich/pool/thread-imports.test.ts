import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

// Static imports and re-exports that stay in the emitted code (verbatimModuleSyntax keeps every one but `import type`).
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** The packages a module loads at start, through its static imports (dynamic `import()`s are loaded when used, not counted). */
function packagesLoadedAtStart(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (specifier!.startsWith('.')) visit(resolve(dirname(file), specifier!.replace(/\.js$/, '.ts')));
      else if (!specifier!.startsWith('node:')) packages.add(/^(@[^/]+\/)?[^/]+/.exec(specifier!)![0]);
    }
  };
  visit(resolve(ROOT, entry));
  return packages;
}

describe('an enrichment pool thread', () => {
  // Each thread loads its modules anew when it starts (undici alone was about 90 ms of it).
  it('starts with its parsers and models only: no HTTP client, no fallback parser, no database, no schema library', () => {
    const packages = packagesLoadedAtStart('src/enrich/pool/enrich-worker.ts');
    expect([...packages].sort()).toEqual(['entities', 'htmlparser2', 'natural']);
  });
});
