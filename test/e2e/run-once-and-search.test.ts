import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfUtcDay } from '../../src/samples/seeded.js';
import { buildSampleItems } from '../../src/samples/sample-feeds.js';
import { startSampleServer, type SampleServer } from '../../src/samples/sample-server.js';
import { jsonLines, runCli } from '../support/run-cli.js';
import { writeSampleWorldConfig } from '../support/sample-world-config.js';

interface Hit {
  id: string;
  title: string;
  url: string | null;
  source: string;
  publishedAt: string;
  language: string | null;
  sentiment: { score: number; label: string };
  entities: { kind: string; id: string; name: string }[];
  storyId: string | null;
}

/** The whole pipeline as a user runs it: `run --once` against feeds on loopback, then `search`. */
describe('hubwatch run --once, then search', () => {
  let dir: string;
  let server: SampleServer;
  let configFile: string;
  const now = new Date();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-e2e-'));
    server = await startSampleServer({ port: 0, now: () => now });
    // The shipped configuration, pointed at this test's own server and index file.
    configFile = writeSampleWorldConfig(dir, server.url, join(dir, 'hubwatch.db'));
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function searchAll(query: string): Promise<Hit[]> {
    const hits: Hit[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const result = await runCli(['--config', configFile, 'search', query, '--json', '--limit', '100', ...(cursor ? ['--cursor', cursor] : [])]);
      expect(result.code, result.stderr).toBe(0);
      hits.push(...jsonLines<Hit>(result.stdout));
      // stderr is not a terminal here: JSON lines only; the next page's cursor is a field of one.
      const notes = jsonLines<{ msg: string; nextCursor?: string }>(result.stderr);
      cursor = notes.find((note) => note.nextCursor)?.nextCursor;
      if (!cursor) break;
    }
    return hits;
  }

  it('ingests, tags and indexes every sample item, and search finds them', { timeout: 120_000 }, async () => {
    const first = await runCli(['--config', configFile, 'run', '--once']);
    expect(first.code, first.stderr).toBe(0);
    const expected = buildSampleItems(startOfUtcDay(now));
    const indexed = Number(/(\d+) new mentions indexed/.exec(first.stdout)?.[1]);
    expect(indexed).toBe(expected.length);
    expect(first.stdout).toMatch(/0 failed/);

    const all = await searchAll('');
    expect(all).toHaveLength(expected.length);
    expect(new Set(all.map((hit) => hit.id)).size).toBe(all.length);
    for (const hit of all) {
      expect(hit.id).toMatch(/^[0-9a-f]{32}$/);
      expect(['en', 'fr']).toContain(hit.language);
      expect(['positive', 'neutral', 'negative']).toContain(hit.sentiment.label);
      expect(hit.title.length).toBeGreaterThan(0);
      expect(Date.parse(hit.publishedAt)).not.toBeNaN();
    }

    // Tags: every item a reader would tag Acme is tagged Acme, and the homonym traps are not.
    const byUrl = new Map(all.map((hit) => [hit.url, hit]));
    let sentimentAgrees = 0;
    let languageAgrees = 0;
    for (const item of expected) {
      const hit = byUrl.get(item.url);
      expect(hit, `sample ${item.key} (${item.url}) was not found`).toBeDefined();
      if (!hit) continue;
      const tagged = new Set(hit.entities.map((e) => e.id));
      for (const entity of item.entities) expect(tagged.has(entity), `${item.key}: ${entity} not tagged (got ${[...tagged].join(', ')})`).toBe(true);
      if (item.trap) expect(tagged.has('acme'), `${item.key}: homonym tagged as Acme`).toBe(false);
      if (hit.sentiment.label === item.expected) sentimentAgrees++;
      if (hit.language === item.lang) languageAgrees++;
    }
    expect(languageAgrees).toBe(expected.length);
    expect(sentimentAgrees / expected.length).toBeGreaterThanOrEqual(0.75);

    const negative = await runCli(['--config', configFile, 'search', 'Acme AND sentiment:negative', '--json', '--limit', '100']);
    expect(negative.code, negative.stderr).toBe(0);
    const negatives = jsonLines<Hit>(negative.stdout);
    expect(negatives.length).toBeGreaterThan(5);
    for (const hit of negatives) {
      expect(hit.sentiment.label).toBe('negative');
      expect(hit.entities.some((e) => e.id === 'acme')).toBe(true);
    }

    // Syndicated copies of one wire story share a story id.
    const storyIds = new Map<string, Set<string | null>>();
    for (const item of expected.filter((candidate) => candidate.storyKey)) {
      const set = storyIds.get(item.storyKey!) ?? new Set<string | null>();
      set.add(byUrl.get(item.url)?.storyId ?? null);
      storyIds.set(item.storyKey!, set);
    }
    expect(storyIds.size).toBeGreaterThan(0);
    for (const [key, ids] of storyIds) {
      expect(ids.has(null), `wire story ${key}: a copy has no story id`).toBe(false);
      expect(ids.size, `wire story ${key} split into ${ids.size} stories`).toBe(1);
    }
  });

  it('adds nothing on a second run: same items, same ids, no duplicates', { timeout: 120_000 }, async () => {
    const before = await searchAll('');
    const second = await runCli(['--config', configFile, 'run', '--once']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/ 0 new mentions indexed/);
    const after = await searchAll('');
    expect(after.map((h) => h.id).sort()).toEqual(before.map((h) => h.id).sort());
  });

  it('lists the sources with their health after the runs', async () => {
    const result = await runCli(['--config', configFile, 'sources', 'list', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const sources = jsonLines<{ id: string; status: string; lastSuccessAt: string | null; lastError: string | null }>(result.stdout);
    expect(sources.length).toBeGreaterThanOrEqual(5);
    for (const source of sources) {
      expect(source.status).toBe('ok');
      expect(source.lastSuccessAt).not.toBeNull();
      expect(source.lastError).toBeNull();
    }
  });

  it('writes every line of a long --json listing even when the reader is slow to drain the pipe', async () => {
    // Regression: exiting right after writing dropped what was still queued for a full pipe.
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn('sh', ['-c', `"${process.execPath}" --import tsx src/cli/main.ts --config "${configFile}" search '' --json --limit 100 | (sleep 2; wc -l)`], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HUBWATCH_LOG_LEVEL: 'warn' },
      });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout }));
    });
    expect(result.code).toBe(0);
    expect(Number(result.stdout.trim())).toBe(100);
  });

  it('answers a user mistake with one clear line and a non-zero exit', async () => {
    const result = await runCli(['--config', configFile, 'search', 'acme AND (', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^hubwatch: .*\d/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
