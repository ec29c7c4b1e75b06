import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EsHttp } from '../../src/index/elasticsearch/es-client.js';
import { migrateElasticsearch } from '../../src/index/elasticsearch/es-migrate.js';
import { MIGRATIONS } from '../../src/index/sqlite/sqlite-schema.js';
import { silentLogger } from '../../src/platform/logger.js';
import { runCli } from '../support/run-cli.js';
import { FakeElasticsearch } from './fake-elasticsearch.js';

let fake: FakeElasticsearch;

/** An alias on an older index version, as a cluster looks before `index migrate`. */
function oldCluster(prefix: string, count: number): void {
  const docs = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < count; i += 1) docs.set(`doc${i}`, { id: `doc${i}`, indexed_at: '2026-01-01T00:00:00.000Z' });
  fake.indices.set(`${prefix}-mentions-v0`, docs);
  fake.aliases.set(`${prefix}-mentions`, new Set([`${prefix}-mentions-v0`]));
}

beforeEach(async () => {
  fake = new FakeElasticsearch();
  await fake.start();
});

afterEach(async () => {
  await fake.stop();
});

describe('index migrate on Elasticsearch', () => {
  it('builds the new version, copies, swaps the alias and reports progress; then is up to date', async () => {
    oldCluster('mig', 25);
    const http = new EsHttp({ url: fake.url });
    const progress: string[] = [];
    const result = await migrateElasticsearch(http, 'mig', silentLogger(), (phase, done, total) => progress.push(`${phase} ${done}/${total}`), { pollMs: 5 });
    expect(result).toEqual({ from: ['mig-mentions-v0'], to: 'mig-mentions-v3', copied: 25, upToDate: false });
    expect([...(fake.aliases.get('mig-mentions') ?? [])]).toEqual(['mig-mentions-v3']);
    expect(fake.docs('mig-mentions-v3').size).toBe(25);
    expect(fake.docs('mig-mentions-v0').size).toBe(25); // the old index is kept
    expect(progress).toContain('copy 25/25');
    const swap = fake.requests.find((r) => r.path === '/_aliases');
    expect(JSON.parse(swap?.body ?? '{}')).toEqual({
      actions: [{ remove: { index: 'mig-mentions-v0', alias: 'mig-mentions' } }, { add: { index: 'mig-mentions-v3', alias: 'mig-mentions', is_write_index: true } }],
    });
    const again = await migrateElasticsearch(http, 'mig', silentLogger(), () => {}, { pollMs: 5 });
    expect(again.upToDate).toBe(true);
    await http.close();
  });

  it('runs from the command line when ELASTICSEARCH_URL is set', async () => {
    oldCluster('cli', 3);
    const dir = mkdtempSync(join(tmpdir(), 'hubwatch-migrate-'));
    try {
      const config = join(dir, 'hubwatch.json');
      writeFileSync(config, JSON.stringify({ index: { sqlite: { path: join(dir, 'unused.db') }, elasticsearch: { url: 'http://127.0.0.1:1', indexPrefix: 'cli' } } }));
      const result = await runCli(['--config', config, 'index', 'migrate'], { env: { ELASTICSEARCH_URL: fake.url } });
      expect(result.stderr).not.toMatch(/Error/);
      expect(result.stdout).toContain('migrated cli-mentions: cli-mentions-v0 → cli-mentions-v3 (3 documents copied)');
      expect(result.code).toBe(0);
      const sqlite = await runCli(['--config', join(dir, 'sqlite.json'), 'index', 'migrate']);
      expect(sqlite.code).toBe(2); // no such config file
      writeFileSync(join(dir, 'sqlite.json'), JSON.stringify({ index: { sqlite: { path: join(dir, 'index.db') } } }));
      const embedded = await runCli(['--config', join(dir, 'sqlite.json'), 'index', 'migrate']);
      expect(embedded.stdout).toContain(`SQLite index up to date: schema version ${MIGRATIONS.length}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
