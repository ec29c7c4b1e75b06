import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EsHttp } from '../../src/index/elasticsearch/es-client.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { FakeElasticsearch } from '../index/fake-elasticsearch.js';
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

// Searches and aggregations on two worker threads, each with its own read connection to the file.
let pooledDir: string | undefined;
describeMentionIndexContract('sqlite (reads on a pool of 2 threads)', {
  open: () => {
    pooledDir = mkdtempSync(join(tmpdir(), 'hubwatch-contract-pool-'));
    return openIndex({ sqlite: { path: join(pooledDir, 'index.db') } }, { logger: silentLogger(), readThreads: 2 });
  },
  cleanup: () => {
    if (pooledDir) rmSync(pooledDir, { recursive: true, force: true });
    return Promise.resolve();
  },
});

// In memory, the full-text index is written inline on the same connection rather than by a thread.
describeMentionIndexContract('sqlite (in memory)', {
  open: () => openIndex({ sqlite: { path: ':memory:' } }, { logger: silentLogger() }),
  cleanup: () => Promise.resolve(),
});

// The Elasticsearch adapter, its compiled queries evaluated by the query oracle of the loopback
// server (test/index/es-oracle): the DSL semantics and the template's analysis, not a cluster's.
let fake: FakeElasticsearch | undefined;
describeMentionIndexContract(
  'elasticsearch (loopback server with the query oracle)',
  {
    open: async () => {
      fake = new FakeElasticsearch();
      const url = await fake.start();
      return openIndex({ sqlite: { path: ':memory:' }, elasticsearch: { url, indexPrefix: 'contract' } }, { logger: silentLogger() });
    },
    cleanup: async () => {
      // Every request named only mapped fields, each for a use its type supports.
      expect(fake?.refusals).toEqual([]);
      await fake?.stop();
    },
  },
  { engine: 'elasticsearch' },
);

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
      await http.call('DELETE indices', (client, options) => client.indices.delete({ index: `${prefix()}-mentions-v*` }, options));
      await http.call('DELETE template', (client, options) => client.indices.deleteIndexTemplate({ name: `${prefix()}-mentions` }, options));
      await http.close();
    },
  });
} else {
  describe('MentionIndex contract: elasticsearch', () => {
    it.skip('skipped: set ELASTICSEARCH_URL (e.g. http://127.0.0.1:9200 from docker compose) to run the contract against Elasticsearch', () => {});
  });
}
