import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCorpus, FEEDS_DIR } from './support/feed-corpus.js';

const present = existsSync(join(FEEDS_DIR, 'MANIFEST.tsv'));
if (!present) console.warn(`skipping the shared feed corpus: ${FEEDS_DIR}/MANIFEST.tsv is absent`);

describe.skipIf(!present)('shared feed corpus (../shared/data/feeds) through `hubwatch sources test`', () => {
  it('gives every item count, first title and quoted expectation of the MANIFEST, or a clear error for non-feeds', async () => {
    const results = (await checkCorpus())!;
    expect(results.length).toBeGreaterThan(50);
    expect(results.filter((result) => !result.pass)).toEqual([]);
  }, 120_000);
});
