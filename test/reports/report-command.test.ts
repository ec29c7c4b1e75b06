import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteMentionIndex } from '../../src/index/sqlite/sqlite-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { SqliteAlertStore } from '../../src/state/sqlite-alert-store.js';
import { runCli } from '../support/run-cli.js';
import { fixtureConfig, fixtureMentions } from './pre-read-fixture.js';

/** `hubwatch report pre-read` as a user runs it, on a fixed index file. */
describe('hubwatch report pre-read', () => {
  let dir: string;
  let config: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-report-cli-'));
    const index = await SqliteMentionIndex.open({ path: join(dir, 'index.db'), logger: silentLogger() });
    await index.upsert(fixtureMentions());
    await index.close();
    const { sources, watchlist, stakeholders } = fixtureConfig();
    config = join(dir, 'hubwatch.yaml');
    const alerts = [{ id: 'acme-negative', type: 'match', query: 'brand:acme AND sentiment:negative', notify: ['team'] }];
    const notifiers = [{ id: 'team', type: 'slack', webhookUrl: '' }];
    writeFileSync(config, JSON.stringify({ sources: sources.map((s) => ({ ...s, type: 'rss', url: 'https://example.com/feed' })), watchlist, stakeholders, notifiers, alerts, index: { sqlite: { path: join(dir, 'index.db') } } }));
    // The rule fired at 09:15 on the day of the negative surge (03-03): 9.25 h after it began.
    const store = new SqliteAlertStore(join(dir, 'index.db'));
    await store.claim([{ ruleId: 'acme-negative', type: 'match', key: 'acme-negative', dedupKey: 'acme-negative/m3', at: '2026-03-03T09:15:00.000Z', headline: 'Negative Acme', reason: '', facts: [], stories: [], mentionCount: 1, search: '' }], new Date('2026-03-03T09:15:00Z'));
    await store.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the Markdown pre-read and shows progress on stderr', { timeout: 60_000 }, async () => {
    const out = join(dir, 'pre-read.md');
    const result = await runCli(['--config', config, 'report', 'pre-read', '--from', '2026-03-01', '--to', '2026-03-08', '--lang', 'fr', '--format', 'md', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`pre-read written to ${out} (md, 9 mentions in the period)`);
    expect(result.stderr).toMatch(/reading mentions .*13\/13/);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('## 1. Synthèse chiffrée');
    expect(md).toContain('Première alerte: acme-negative, 9,3 h après le début (2026-03-03 09:15 UTC).');
  });

  it('refuses an unknown brand before opening the index, and writes nothing', { timeout: 60_000 }, async () => {
    const out = join(dir, 'never.html');
    const result = await runCli(['--config', config, 'report', 'pre-read', '--from', '2026-03-01', '--brand', 'nope', '--format', 'html', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--brand: no watchlist brand has id "nope"');
    expect(existsSync(out)).toBe(false);
  });
});
