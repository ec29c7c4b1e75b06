import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { EsHttp } from '../../src/index/elasticsearch/es-client.js';
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

// In memory, the full-text index is written inline on the same connection rather than by a thread.
describeMentionIndexContract('sqlite (in memory)', {
  open: () => openIndex({ sqlite: { path: ':memory:' } }, { logger: silentLogger() }),
  cleanup: () => Promise.resolve(),
});

// The one allowed skip: there is no Elasticsearch cluster unless ELASTICSEARCH_URL names one.
const elasticsearchUrl = process.env.ELASTICSEARCH_URL;
if (elasticsearchUrl) {
  let run = 0;
  const prefix = (): string => `hubwatch-contract-${process.pid}-${run}`;
  describeMentionIndexContract(`elasticsearch (${elasticsearchUrl})`, {
    open: () => {
      run += 1;
      return openIndex(
        { sqlite: { path: ':memory:' }, elasticsearch: { url: elasticsearchUrl, indexPrefix: prefix() } },
        { logger: silentLogger() },
      );
    },
    cleanup: async () => {
      // Each test has its own prefix: remove its indices and template from the cluster.
      const http = new EsHttp({ url: elasticsearchUrl });
      await http.request('DELETE', `/${prefix()}-mentions-v*`);
      await http.request('DELETE', `/_index_template/${prefix()}-mentions`);
      await http.close();
    },
  });
} else {
  describe('MentionIndex contract: elasticsearch', () => {
    it.skip('skipped: set ELASTICSEARCH_URL (e.g. http://127.0.0.1:9200 from docker compose) to run the contract against Elasticsearch', () => {});
  });
}
