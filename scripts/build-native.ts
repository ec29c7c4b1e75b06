/**
 * Builds the SQLite extension of `native/` (`hubwatch_fts5.c`: `hubwatch_bm25` and its kin, see
 * src/index/sqlite/fts-rank.ts; `hubwatch_group_sums.c`: the top lists' sums) with the C compiler
 * (`$CC`, else `cc`), against the SQLite headers better-sqlite3 ships. Run by `npm run build`.
 * Without a compiler the build goes on and says so: the index then answers the same in plain SQL,
 * with FTS5's own bm25, more slowly.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FTS_RANK_LIBRARY } from '../src/index/sqlite/fts-rank.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const sqliteHeaders = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'deps', 'sqlite3');
const compiler = process.env.CC ?? 'cc';
const platformFlags = process.platform === 'darwin' ? ['-dynamiclib', '-undefined', 'dynamic_lookup'] : ['-shared'];

mkdirSync(dirname(FTS_RANK_LIBRARY), { recursive: true });
const args = ['-O2', '-fPIC', ...platformFlags, '-I', sqliteHeaders, join(ROOT, 'native', 'hubwatch_fts5.c'), join(ROOT, 'native', 'hubwatch_group_sums.c'), '-o', FTS_RANK_LIBRARY, '-lm'];
const built = spawnSync(compiler, args, { stdio: 'inherit' });
if (built.error || built.status !== 0) {
  const why = built.error ? built.error.message : `${compiler} exited with ${built.status}`;
  console.warn(`build-native: the hubwatch_fts5 SQLite extension was not built (${why}); relevance and the top lists will be answered in plain SQL, more slowly. Install a C compiler and run "npm run build".`);
} else {
  console.log(`build-native: ${FTS_RANK_LIBRARY}`);
}
