import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// A module-resolution hook that names every package the process resolves, one line each on stderr.
const TRACE_HOOKS = `data:text/javascript,${encodeURIComponent(
  "export async function resolve(s, c, next) { const r = await next(s, c); const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(r.url); if (m) process.stderr.write('PACKAGE ' + m[1] + '\\n'); return r; }",
)}`;
const REGISTER = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(TRACE_HOOKS)});`)}`;

/** The packages `hubwatch ARGS` (from source) loads, and its exit code. */
function packagesLoadedBy(args: string[]): Promise<{ code: number; packages: Set<string> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', REGISTER, 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HUBWATCH_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const packages = new Set([...stderr.matchAll(/^PACKAGE (.+)$/gm)].map((m) => m[1]!));
      resolve({ code: code ?? -1, packages });
    });
  });
}

// What each command may load is the start-up budget (docs/benchmarks.md, start-up): a heavy
// package imported at the top of a command module or a manifest shows up here.
const HEAVY = ['zod', 'yaml', 'pino', 'better-sqlite3', 'undici', 'rss-parser', 'htmlparser2', 'entities', 'eld', 'natural', '@elastic/elasticsearch', 'playwright-core', 'iconv-lite', 'chardet'];

describe('start-up: commands load only what they use', () => {
  it('--help loads commander and nothing heavy', async () => {
    const { code, packages } = await packagesLoadedBy(['--help']);
    expect(code).toBe(0);
    expect(packages.has('commander')).toBe(true);
    expect(HEAVY.filter((name) => packages.has(name))).toEqual([]);
  }, 60_000);

  it('config check loads the schema and js-yaml, not the yaml package, the fetchers, the index, the logger or the enrichers', async () => {
    const { code, packages } = await packagesLoadedBy(['config', 'check']);
    expect(code).toBe(0);
    // The yaml package reads only what js-yaml leaves to it (src/config/yaml-values.ts): not the shipped configuration.
    expect(packages.has('zod') && packages.has('js-yaml')).toBe(true);
    expect(HEAVY.filter((name) => packages.has(name) && name !== 'zod')).toEqual([]);
  }, 60_000);
});
