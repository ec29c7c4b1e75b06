/**
 * The entity-level sentiment check: sentences written for hubwatch (test/enrich/data/
 * entity-sentiment*.tsv), each naming a watched brand or person with the tone towards it, run
 * through the real enricher; an entity it does not find counts as wrong.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { watchlistSchema } from '../src/config/watchlist.js';
import { createEnricher, type EnricherOptions } from '../src/enrich/create-enricher.js';

/** Batch A: written first; its failures shaped the clause rules (entity-clauses.ts). */
export const ENTITY_CHECK_FILE = fileURLToPath(new URL('../test/enrich/data/entity-sentiment.tsv', import.meta.url));
/** Batch B: written after the clause rules, never used to shape them. */
export const ENTITY_CHECK_LATER_FILE = fileURLToPath(new URL('../test/enrich/data/entity-sentiment-later.tsv', import.meta.url));

const WATCHLIST = watchlistSchema.parse({
  brands: [
    { id: 'acme', name: 'Acme', products: ['Acme Pass', 'Acme Rail'] },
    { id: 'globex', name: 'Globex', role: 'competitor', products: ['Globex Express'] },
    { id: 'initech', name: 'Initech', aliases: ['Initech Mobility'], role: 'competitor', products: ['CityHop'] },
  ],
  people: [
    { id: 'claire-dubois', name: 'Claire Dubois', organisation: 'acme' },
    { id: 'rebecca-hart', name: 'Rebecca Hart', organisation: 'globex' },
    { id: 'nadia-benali', name: 'Nadia Benali', organisation: 'initech' },
  ],
});

/** One line of the check. */
export interface EntityCase {
  lang: string;
  entity: string;
  expected: string;
  text: string;
}

/** Reads one batch; a malformed line is an error naming its file and line. */
export function readEntityCases(file = ENTITY_CHECK_FILE): EntityCase[] {
  const cases: EntityCase[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [lang, entity, expected, text] = line.split('\t');
    if (!lang || !entity || !expected || !text || !['positive', 'negative', 'neutral'].includes(expected)) {
      throw new Error(`${file}:${i + 1}: expected lang<TAB>entity<TAB>positive|negative|neutral<TAB>sentence`);
    }
    cases.push({ lang, entity, expected, text });
  });
  return cases;
}

/** What the enricher said for each case (`missing` when it did not find the entity). */
export function runEntityCheck(options: EnricherOptions, cases = readEntityCases()): { truth: string[]; predicted: string[] } {
  const enricher = createEnricher(WATCHLIST, options);
  const truth: string[] = [];
  const predicted: string[] = [];
  for (const c of cases) {
    const result = enricher.enrich({ title: '', text: c.text, language: c.lang });
    const entity = result.entities.find((e) => e.id === c.entity);
    truth.push(c.expected);
    predicted.push(entity?.sentiment?.label ?? 'missing');
  }
  return { truth, predicted };
}
