import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { describeMentionIndexContract } from './mention-index.contract.js';

let dir: string | undefined;
describeMentionIndexContract('sqlite', {
  open: () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-contract-'));
    return openIndex({ sqlite: { path: join(dir, 'nested', 'index.db') } }, { logger: silentLogger() });
  },
  cleanup: () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  },
});

// The one allowed skip: there is no Elasticsearch cluster unless ELASTICSEARCH_URL names one.
const elasticsearchUrl = process.env.ELASTICSEARCH_URL;
if (elasticsearchUrl) {
  let run = 0;
  describeMentionIndexContract(`elasticsearch (${elasticsearchUrl})`, {
    open: () => {
      run += 1;
      return openIndex(
        { sqlite: { path: ':memory:' }, elasticsearch: { url: elasticsearchUrl, indexPrefix: `hubwatch-contract-${process.pid}-${run}` } },
        { logger: silentLogger() },
      );
    },
  });
} else {
  describe('MentionIndex contract: elasticsearch', () => {
    it.skip('skipped: set ELASTICSEARCH_URL (e.g. http://127.0.0.1:9200 from docker compose) to run the contract against Elasticsearch', () => {});
  });
}
