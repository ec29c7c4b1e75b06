import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DATA = join(ROOT, '..', 'shared', 'data', 'sentiment');
const SETS = ['en_vader', 'en_semeval2017_tweets', 'fr_deft2017_tweets', 'fr_allocine_tvseries'];
const present = SETS.every((set) => existsSync(join(DATA, set)));
if (!present) console.warn(`sentiment accuracy: skipped, ${DATA} lacks one of ${SETS.join(', ')} (see ../shared/data/README.md)`);

interface Row {
  set: string;
  split: string;
  analyser: string;
  r?: number;
  figures: { macroF1: number; weightedF1: number; accuracy: number };
}

/** The eval script on the human-labelled sets: guards against accuracy regressions. */
describe.skipIf(!present)('sentiment accuracy on the human-labelled sets', () => {
  it('stays at the measured level (see docs/benchmarks/enrich.md)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval-sentiment.ts', '--data', DATA, '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const rows = new Map<string, Row>();
    for (const line of run.stdout.trim().split('\n')) {
      const row = JSON.parse(line) as Row;
      rows.set(`${row.set} ${row.split} ${row.analyser}`, row);
    }
    const get = (key: string): Row => {
      const row = rows.get(key);
      if (!row) throw new Error(`no row "${key}" in the eval output`);
      return row;
    };
    // English is VADER 3.3.2 by default: the measuring-only sets keep its figures.
    expect(get('en_vader tweets default').r).toBeGreaterThanOrEqual(0.87);
    expect(get('en_vader nyt default').r).toBeGreaterThanOrEqual(0.5);
    expect(get('en_semeval2017_tweets val + English').figures.macroF1).toBeGreaterThan(get('en_semeval2017_tweets val default').figures.macroF1);
    // French: the layer's goals on the validation splits, and the rules alone as a floor.
    expect(get('fr_deft2017_tweets val default').figures.macroF1).toBeGreaterThanOrEqual(0.64);
    expect(get('fr_allocine_tvseries dev default').figures.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(get('fr_deft2017_tweets val rules only').figures.macroF1).toBeGreaterThanOrEqual(0.5);
    // The entity-level check (sentences written for hubwatch).
    expect(get('entity check A all default').figures.accuracy).toBeGreaterThanOrEqual(0.7);
  });
});
