import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DATA = join(ROOT, '..', 'shared', 'data', 'sentiment');
const present = existsSync(join(DATA, 'en_vader')) && existsSync(join(DATA, 'fr_deft2017_tweets'));
if (!present) console.warn(`sentiment accuracy: skipped, ${DATA} is absent (see ../shared/data/README.md)`);

interface Row {
  set: string;
  r?: number;
  figures: { macroF1: number };
}

/** The eval script on the human-labelled sets: guards against accuracy regressions. */
describe.skipIf(!present)('sentiment accuracy on the human-labelled sets', () => {
  it('stays at the measured level (see docs/benchmarks/enrich.md)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval-sentiment.ts', '--data', DATA, '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const rows = Object.fromEntries(
      run.stdout.trim().split('\n').map((line) => {
        const row = JSON.parse(line) as Row;
        return [row.set, row];
      }),
    );
    expect(rows['en_vader tweets']!.r).toBeGreaterThanOrEqual(0.87);
    expect(rows['en_vader nyt']!.r).toBeGreaterThanOrEqual(0.5);
    expect(rows['fr_deft2017_tweets val']!.figures.macroF1).toBeGreaterThanOrEqual(0.6);
    expect(rows['fr_deft2017_tweets val (rules only)']!.figures.macroF1).toBeGreaterThanOrEqual(0.5);
  });
});
