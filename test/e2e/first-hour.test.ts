import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSampleServer, type SampleServer } from '../../src/samples/sample-server.js';
import { jsonLines, runCli } from '../support/run-cli.js';
import { writeSampleWorldConfig } from '../support/sample-world-config.js';

/** Every line of a non-terminal stderr is a JSON object with no key written twice. */
function expectJsonLinesOnly(stderr: string): Record<string, unknown>[] {
  const lines = stderr.split('\n').filter((line) => line.trim() !== '');
  // A key written twice (pino's `component` from a child of a child) is lost on a parse round trip.
  for (const line of lines) expect(JSON.stringify(JSON.parse(line)), line).toBe(line);
  return jsonLines(stderr);
}

/**
 * The first hour of a new user, replayed on a fresh data directory: what they run, in order,
 * and what each step must say (docs/ and README describe the same).
 */
describe('the first hour', () => {
  let dir: string;
  let server: SampleServer;
  let configFile: string;
  let dbPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-first-hour-'));
    server = await startSampleServer({ port: 0, now: () => new Date() });
    dbPath = join(dir, 'data', 'hubwatch.db');
    configFile = writeSampleWorldConfig(dir, server.url, dbPath);
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (args: string[], env: Record<string, string> = {}) => runCli(['--config', configFile, ...args], { env, timeoutMs: 120_000 });

  it('before any run: read-only commands create nothing and say what to run', { timeout: 180_000 }, async () => {
    const search = await cli(['search', 'Acme']);
    expect(search.code).toBe(2);
    expect(search.stderr.trim()).toBe(`hubwatch: no index at ${dbPath}: run "./bin/hubwatch.js run --once" (or "npm start") to create it and fill it from the configured sources`);
    const stats = await cli(['stats', 'volume']);
    expect(stats.code).toBe(2);
    const list = await cli(['sources', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(jsonLines<{ status: string }>(list.stdout).every((s) => s.status === 'new')).toBe(true);
    expect(expectJsonLinesOnly(list.stderr)[0]!['msg']).toMatch(/^no index yet at .*run --once/);
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('a first run says how many mentions are searchable and prints a search that works as written', { timeout: 180_000 }, async () => {
    const run = await cli(['run', '--once'], { HUBWATCH_LOG_LEVEL: 'debug' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^10 sources polled \(10 ok, 0 not modified, 0 failed\)/m);
    const hint = /^(\d+) mentions searchable\. Try: \.\/bin\/hubwatch\.js (search '([^']+)')$/m.exec(run.stdout);
    expect(hint, run.stdout).not.toBeNull();
    expect(Number(hint![1])).toBeGreaterThan(300);
    // Logs, progress and notes: JSON lines only, each key once.
    const logs = expectJsonLinesOnly(run.stderr);
    expect(logs.some((line) => typeof line['progress'] === 'object')).toBe(true);
    expect(existsSync('bin/hubwatch.js')).toBe(true);
    const printed = await cli(['search', hint![3]!, '--json']);
    expect(printed.code).toBe(0);
    expect(jsonLines(printed.stdout).length).toBeGreaterThan(0);
  });

  it('relevance ranks a query that mixes text and fields by its text', { timeout: 180_000 }, async () => {
    const result = await cli(['search', '"Claire Dubois" OR person:claire-dubois', '--sort', 'relevance', '--json', '--limit', '50']);
    expect(result.code, result.stderr).toBe(0);
    const hits = jsonLines<{ score?: number; title: string }>(result.stdout);
    expect(hits.length).toBeGreaterThan(3);
    const scores = hits.map((hit) => hit.score);
    expect(scores.every((score) => typeof score === 'number')).toBe(true);
    expect([...scores].sort((a, b) => b! - a!)).toEqual(scores);
    expect(scores[0]).toBeGreaterThan(0);
  });

  it('sources list counts what paged sources delivered over the week', { timeout: 180_000 }, async () => {
    const list = await cli(['sources', 'list', '--json']);
    const sources = jsonLines<{ id: string; itemsPerDay: number; intervalSetBySource: boolean }>(list.stdout);
    expect(sources.find((s) => s.id === 'mastodon-acme')!.itemsPerDay).toBeGreaterThan(1);
    expect(sources.some((s) => s.intervalSetBySource)).toBe(true);
  });

  it('speaks with one voice: --version, one error prefix, --from after --to refused', { timeout: 180_000 }, async () => {
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
    const unknown = await runCli(['serch', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^hubwatch: unknown command 'serch'/);
    const order = await cli(['search', 'Acme', '--from', '2026-11-20', '--to', '2026-11-10']);
    expect(order.code).toBe(2);
    expect(order.stderr).toMatch(/^hubwatch: --to must be after --from/);
  });

  it('config check lists one problem of each kind in one pass, with warnings and --json', { timeout: 180_000 }, async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, `
sources:
  - { id: a, type: rss, url: "https://example.com/a", tier: 4 }
watchlist:
  brands:
    - { id: acme, name: Acme, competitors: [globex] }
notifiers:
  - { id: team, type: slack, webhookUrl: "\${FIRST_HOUR_TEAM_HOOK}" }
  - { id: spare, type: slack, webhookUrl: "\${FIRST_HOUR_SPARE_HOOK}" }
alerts:
  - { id: crisis, query: 'acme)', notify: [team] }
fetch: { timeout: 0 }
`);
    const text = await runCli(['config', 'check', '--config', bad]);
    expect(text.code).toBe(2);
    const json = await runCli(['config', 'check', '--config', bad, '--json']);
    expect(json.code).toBe(2);
    const report = JSON.parse(json.stdout) as { ok: boolean; problems: string[]; warnings: string[] };
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(expect.arrayContaining([
      'sources[0].tier: must be 1, 2 or 3',
      'watchlist.brands[0].competitors[0]: no brand has id "globex"',
      expect.stringMatching(/^alerts\[0\]\.query: unexpected '\)' at 5/),
      expect.stringMatching(/^fetch\.timeout: must be above 0/),
      expect.stringMatching(/FIRST_HOUR_TEAM_HOOK/),
    ]));
    for (const problem of report.problems) expect(text.stderr).toContain(problem);
    expect(report.warnings).toEqual([expect.stringMatching(/FIRST_HOUR_SPARE_HOOK/)]);
    const yaml = join(dir, 'broken.yaml');
    writeFileSync(yaml, 'sources:\n  - id: a\n - id: b\n');
    const broken = await runCli(['config', 'check', '--config', yaml]);
    expect(broken.code).toBe(2);
    // Each YAML problem names its place once (the parser's own message repeats it).
    const placed = broken.stderr.split('\n').filter((line) => /line \d+/.test(line));
    expect(placed.length).toBeGreaterThan(0);
    for (const line of placed) expect(line.match(/line \d+/g), line).toHaveLength(1);
  });

  it('export, then import into a fresh index, gives the same search results', { timeout: 180_000 }, async () => {
    const exported = join(dir, 'acme.ndjson');
    const out = await cli(['export', 'Acme', '--from', '3650d', '--out', exported]);
    expect(out.code, out.stderr).toBe(0);
    const freshConfig = join(dir, 'fresh.yaml');
    writeFileSync(freshConfig, JSON.stringify({ index: { sqlite: { path: join(dir, 'fresh', 'hubwatch.db') } } }));
    const imported = await runCli(['--config', freshConfig, 'import', exported]);
    expect(imported.code, imported.stderr).toBe(0);
    for (const query of ['Acme', 'Acme AND sentiment:negative', '"Claire Dubois" OR person:claire-dubois']) {
      const before = jsonLines<{ id: string }>((await cli(['search', query, '--json', '--limit', '100'])).stdout).map((hit) => hit.id);
      const after = jsonLines<{ id: string }>((await runCli(['--config', freshConfig, 'search', query, '--json', '--limit', '100'])).stdout).map((hit) => hit.id);
      expect(after, query).toEqual(before);
    }
  });

  it('an empty index says so and how to fill it', { timeout: 180_000 }, async () => {
    const emptyConfig = join(dir, 'empty.yaml');
    writeFileSync(emptyConfig, JSON.stringify({ index: { sqlite: { path: join(dir, 'empty', 'hubwatch.db') } } }));
    const run = await runCli(['--config', emptyConfig, 'run', '--once']);
    expect(run.code, run.stderr).toBe(0);
    const search = await runCli(['--config', emptyConfig, 'search', 'Acme']);
    expect(search.code).toBe(0);
    expect(search.stdout.trim()).toBe('the index is empty: run "./bin/hubwatch.js run --once" (or "npm start") to fill it from the configured sources');
  });
});
