import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteMentionIndex } from '../../src/index/sqlite/sqlite-index.js';
import { silentLogger } from '../../src/platform/logger.js';
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
    writeFileSync(config, JSON.stringify({ sources: sources.map((s) => ({ ...s, type: 'rss', url: 'https://example.com/feed' })), watchlist, stakeholders, index: { sqlite: { path: join(dir, 'index.db') } } }));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the Markdown pre-read and shows progress on stderr', { timeout: 60_000 }, async () => {
    const out = join(dir, 'pre-read.md');
    const result = await runCli(['--config', config, 'report', 'pre-read', '--from', '2026-03-01', '--to', '2026-03-08', '--lang', 'fr', '--format', 'md', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`pre-read written to ${out} (md, 9 mentions in the period)`);
    expect(result.stderr).toMatch(/reading mentions .*13\/13/);
    expect(readFileSync(out, 'utf8')).toContain('## 1. Synthèse chiffrée');
  });

  it('refuses an unknown brand before opening the index, and writes nothing', { timeout: 60_000 }, async () => {
    const out = join(dir, 'never.html');
    const result = await runCli(['--config', config, 'report', 'pre-read', '--from', '2026-03-01', '--brand', 'nope', '--format', 'html', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--brand: no watchlist brand has id "nope"');
    expect(existsSync(out)).toBe(false);
  });
});
