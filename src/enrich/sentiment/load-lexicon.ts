import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HubwatchError } from '../../core/errors.js';

let lexiconRoot: string | null = null;
const cache = new Map<string, Map<string, number>>();

/** resources/lexicons of the project, found from this module's place (src/ or dist/src/). */
function findLexiconRoot(): string {
  if (lexiconRoot) return lexiconRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 8; depth += 1) {
    const candidate = join(dir, 'resources', 'lexicons');
    if (existsSync(candidate)) {
      lexiconRoot = candidate;
      return candidate;
    }
    dir = dirname(dir);
  }
  throw new HubwatchError('resources/lexicons not found above the enrich module: the install is incomplete', {
    reason: 'missing-lexicon',
    retryable: false,
  });
}

/** The absolute path of a file under resources/lexicons. */
export function lexiconPath(relativePath: string): string {
  return join(findLexiconRoot(), relativePath);
}

/**
 * Reads a tab-separated lexicon (`term<TAB>value`, `#` comments) from resources/lexicons, once
 * per process. `transform` maps each key (e.g. folding); a later duplicate overrides an earlier
 * one, as VADER's own loader (a Python dict) does.
 */
export function loadLexicon(relativePath: string, transform: (key: string) => string = (key) => key): Map<string, number> {
  const cacheKey = `${relativePath}\u0000${transform.name}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const path = join(findLexiconRoot(), relativePath);
  const map = new Map<string, number>();
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (line === '' || line.startsWith('#')) return;
    const tab = line.indexOf('\t');
    const value = Number(line.slice(tab + 1).split('\t')[0]);
    if (tab <= 0 || !Number.isFinite(value)) {
      throw new HubwatchError(`${path}:${index + 1}: expected "term<TAB>number", got ${JSON.stringify(line.slice(0, 60))}`, {
        reason: 'bad-lexicon',
        retryable: false,
      });
    }
    const key = transform(line.slice(0, tab));
    map.set(key, value);
  });
  cache.set(cacheKey, map);
  return map;
}
