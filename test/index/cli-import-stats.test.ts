import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus } from '../contract/fixtures.js';
import { jsonLines, runCli } from '../support/run-cli.js';

/** `hubwatch import` and `hubwatch stats` as a user runs them, on a real SQLite file. */
describe('hubwatch import and stats', () => {
  let dir: string;
  let config: string;
  let ndjson: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-import-'));
    config = join(dir, 'hubwatch.json');
    writeFileSync(
      config,
      JSON.stringify({
        index: { sqlite: { path: join(dir, 'data', 'index.db') } },
        watchlist: {
          brands: [
            { id: 'acme', name: 'Acme Cloud' },
            { id: 'globex', name: 'Globex', role: 'competitor' },
          ],
        },
      }),
    );
    const lines = corpus().map((m) => JSON.stringify(m));
    lines.splice(2, 0, '{not json', JSON.stringify({ ...corpus()[0], id: 'short' }), '');
    ndjson = join(dir, 'mentions.ndjson');
    writeFileSync(ndjson, `${lines.join('\n')}\n`);
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports NDJSON, reporting rejected lines, and is idempotent', { timeout: 120_000 }, async () => {
    const first = await runCli(['--config', config, 'import', ndjson]);
    expect(first.stdout).toContain('6 indexed, 0 unchanged, 2 rejected (9 lines)');
    expect(first.stdout).toMatch(/line 3: not JSON/);
    expect(first.stdout).toMatch(/line 4: id: must be 32 lower-case hex characters/);
    expect(first.code).toBe(1);
    const again = await runCli(['--config', config, 'import', '-', '--json'], { input: corpus().map((m) => JSON.stringify(m)).join('\n') });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ indexed: 0, unchanged: 6, rejected: 0, lines: 6 });
    const missing = await runCli(['--config', config, 'import', join(dir, 'nope.ndjson')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.ndjson: cannot read \(ENOENT\)/);
  });

  it('prints volume, share of voice, sentiment, sources and authors', { timeout: 120_000 }, async () => {
    await runCli(['--config', config, 'import', ndjson]);
    const window = ['--from', '2026-03-01', '--to', '2026-03-03', '--json'];
    const volume = await runCli(['--config', config, 'stats', 'volume', '--query', 'brand:acme', ...window]);
    expect(jsonLines(volume.stdout)).toEqual([{ key: '2026-03-01', count: 2 }, { key: '2026-03-02', count: 1 }]);
    const sov = await runCli(['--config', config, 'stats', 'sov', ...window]);
    expect(jsonLines(sov.stdout)).toEqual([
      { key: 'acme', count: 3, share: 0.75 },
      { key: 'globex', count: 1, share: 0.25 },
    ]);
    const sentiment = await runCli(['--config', config, 'stats', 'sentiment', '--interval', 'week', ...window]);
    expect(jsonLines(sentiment.stdout)).toEqual([
      { key: '2026-02-23', positive: 2, neutral: 0, negative: 0, unscored: 0 },
      { key: '2026-03-02', positive: 0, neutral: 0, negative: 1, unscored: 0 },
    ]);
    const sources = await runCli(['--config', config, 'stats', 'sources', '--from', '2026-01-01', '--to', '2026-04-01']);
    expect(sources.stdout.split('\n')[0]).toMatch(/^le-monde\s+2\s+█+$/);
    const authors = await runCli(['--config', config, 'stats', 'authors', '--from', '2026-01-01', '--to', '2026-04-01', '--json', '-n', '1']);
    expect(jsonLines(authors.stdout)).toEqual([{ key: 'Jean Dupont', count: 2 }]);
    const bad = await runCli(['--config', config, 'stats', 'volume', '--query', 'acme)']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unexpected ')' at 5");
  });
});
