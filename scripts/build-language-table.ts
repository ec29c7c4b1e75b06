/**
 * Writes eld's "small" n-gram database as the typed-array table language detection loads
 * (src/enrich/language/ngram-table.ts) to `dist/resources/language-ngrams.bin`. Run by
 * `npm run build`; the table is rebuilt from the installed eld each time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NGRAM_TABLE_FILE, ngramTableFromEld } from '../src/enrich/language/load-ngram-table.js';
import { encodeTable } from '../src/enrich/language/ngram-table.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const file = join(ROOT, NGRAM_TABLE_FILE);
mkdirSync(dirname(file), { recursive: true });
const table = await ngramTableFromEld();
writeFileSync(file, encodeTable(table));
