import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { createMentionBuilder } from '../../src/roles/mention-builder.js';
import { writeSampleWorldConfig } from '../support/sample-world-config.js';

const logger = silentLogger();

/** The enrich stage's start: the pool's threads load while the story memory is rebuilt from the index. */
describe('the mention builder’s start', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-builder-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const settings = (name: string) => {
    const file = writeSampleWorldConfig(dir, 'http://127.0.0.1:9', join(dir, `${name}.db`));
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return parseConfig(JSON.stringify({ ...raw, enrich: { ...(raw.enrich as object), workers: 2 } }), file, { env: {} });
  };

  it('starts the pool and the story memory together, and the pool enriches', async () => {
    const config = settings('ok');
    const index = await openIndex(config.index, { logger });
    const builder = await createMentionBuilder(config, index, new Date());
    try {
      const [enrichment] = await builder.enricher.enrichBatch([{ title: 'Acme lance un train', text: 'Acme lance un nouveau train à hydrogène.', languageHint: 'fr' }]);
      expect(enrichment?.language).toBe('fr');
    } finally {
      await builder.close();
      await index.close();
    }
  }, 60_000);

  it('starts even when the story memory cannot be rebuilt, and its stories then fail with the index’s error', async () => {
    const config = settings('closed');
    const index = await openIndex(config.index, { logger });
    await index.close();
    const builder = await createMentionBuilder(config, index, new Date());
    try {
      await expect(builder.stories.assign([{ id: 'a', signature: null, publishedAt: new Date().toISOString() }])).rejects.toThrow(/story memory could not be rebuilt.*(not open|closed)/i);
    } finally {
      await builder.close();
    }
  }, 60_000);
});
