import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import type { Mention } from '../../src/core/mention.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { createEmbeddedPipeline } from '../../src/roles/embedded-pipeline.js';
import { startSampleServer, type SampleServer } from '../../src/samples/sample-server.js';
import { writeSampleWorldConfig } from '../support/sample-world-config.js';

const logger = silentLogger();

/** The embedded run over the bundled sample feeds, enriching on this thread or on a pool of threads. */
describe('pooled enrichment in the embedded run', () => {
  let dir: string;
  let server: SampleServer;
  const now = new Date('2026-11-20T09:00:00Z');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-pooled-'));
    server = await startSampleServer({ port: 0, now: () => now });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function indexedWith(workers: number): Promise<Mention[]> {
    const file = writeSampleWorldConfig(dir, server.url, join(dir, `w${workers}.db`));
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    // One source at a time: batches then reach the story memory in the same order in every run.
    const settings = parseConfig(JSON.stringify({ ...raw, concurrency: 1, enrich: { ...(raw.enrich as object), workers } }), file, { env: {} });
    const index = await openIndex(settings.index, { logger });
    const pipeline = await createEmbeddedPipeline(settings, { index, logger, clock: () => now });
    try {
      const reports = await pipeline.driver.runOnce();
      expect(reports.filter((r) => r.outcome === 'error')).toEqual([]);
      const mentions: Mention[] = [];
      for await (const page of index.scan({ query: null })) mentions.push(...page);
      return mentions.sort((a, b) => a.id.localeCompare(b.id));
    } finally {
      await pipeline.close();
      await index.close();
    }
  }

  it('indexes the same mentions, enrichments and stories with 0 and 2 worker threads', async () => {
    const inProcess = await indexedWith(0);
    const pooled = await indexedWith(2);
    expect(inProcess.length).toBeGreaterThan(100);
    expect(inProcess.some((m) => m.storyId !== m.id)).toBe(true);
    expect(inProcess.some((m) => m.language === 'fr') && inProcess.some((m) => m.entities.length > 0)).toBe(true);
    expect(pooled).toEqual(inProcess);
  }, 120_000);
});
