import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePreRead, planPreRead } from '../../src/app/report-service.js';
import { SqliteMentionIndex } from '../../src/index/sqlite/sqlite-index.js';
import { parseQuery } from '../../src/index/query/parse.js';
import { silentLogger } from '../../src/platform/logger.js';
import type { PreReadReport } from '../../src/reports/report-model.js';
import { idOf } from '../contract/fixtures.js';
import { fixtureConfig, fixtureMentions } from './pre-read-fixture.js';

const NOW = new Date('2026-03-10T00:00:00Z');

/**
 * The golden fixture with one article (m10, from the tier-1 news source) also delivered by the
 * blog source: the pre-read counts it once in its totals and once under each source that delivered
 * it, as `stats sources` does, and each source row's trace finds what it counts.
 */
describe('pre-read: a mention several sources delivered', () => {
  let dir: string;
  let index: SqliteMentionIndex;
  let report: PreReadReport;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-preread-sources-'));
    index = await SqliteMentionIndex.open({ path: join(dir, 'fixture.db'), logger: silentLogger() });
    const mentions = fixtureMentions();
    await index.upsert(mentions);
    const m10 = mentions.find((m) => m.id === idOf('m10'))!;
    expect(await index.upsert([{ ...m10, sourceId: 'blog-a', sourceName: 'Blog A' }])).toEqual([{ id: m10.id, outcome: 'indexed', created: false }]);
    const plan = planPreRead({ from: '2026-03-01', to: '2026-03-08', brands: [], language: 'en' }, fixtureConfig(), NOW);
    report = await computePreRead(index, plan);
  });

  afterAll(async () => {
    await index.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts the mention once in totals and under each of its sources', async () => {
    expect(report.summary.mentions.current.value).toBe(9);
    expect(report.influence.tier1.value).toBe(3);
    const rows = report.mobilisation.sources.map((r) => [r.key, r.mentions.value]);
    expect(rows).toEqual(expect.arrayContaining([['news-1', 3], ['blog-a', 2]]));
    for (const row of report.mobilisation.sources) {
      const { query, from, to } = row.mentions.trace;
      const page = await index.search({ query: parseQuery(query), from: new Date(from), to: new Date(to), sort: 'date', limit: 1 });
      expect(page.total, row.key).toBe(row.mentions.value);
    }
  });
});
