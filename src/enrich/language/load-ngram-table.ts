import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeTable, tableFromEld, type EldData, type NgramTable } from './ngram-table.js';

/** Where `npm run build` writes the table (scripts/build-language-table.ts), from the package root. */
export const NGRAM_TABLE_FILE = 'dist/resources/language-ngrams.bin';

/** The installed eld package's folder (its `exports` allow no deep import, so its files are read by path). */
function eldFolder(): string {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths('eld') ?? []) {
    if (existsSync(join(dir, 'eld', 'package.json'))) return join(dir, 'eld');
  }
  throw new Error('the eld package is not installed (run "npm install")');
}

/** The table built from the installed eld's own modules (its "small" database, `avgScore`, separators, dictionary). */
export async function ngramTableFromEld(): Promise<NgramTable> {
  const dir = eldFolder();
  const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(join(dir, 'src', file)).href)) as T;
  const [{ ngramsData }, { avgScore }, { separators }, { dictionary }] = await Promise.all([
    load<{ ngramsData: EldData }>('ngrams/small.js'),
    load<{ avgScore: Record<string, number> }>('avgScore.js'),
    load<{ separators: RegExp }>('regexPatterns.js'),
    load<{ dictionary: string[] }>('dictionary.js'),
  ]);
  return tableFromEld(ngramsData, avgScore, separators, dictionary);
}

/** The package root (this module sits at `src/enrich/language` or `dist/enrich/language`). */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The table: from the file the build wrote (milliseconds), or, where there is none (the sources
 * run before a build), from eld's modules (about half a second).
 */
export async function loadNgramTable(root: string = ROOT): Promise<NgramTable> {
  const file = join(root, NGRAM_TABLE_FILE);
  if (existsSync(file)) return decodeTable(readFileSync(file));
  return ngramTableFromEld();
}
