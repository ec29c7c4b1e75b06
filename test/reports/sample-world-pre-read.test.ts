import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { startSampleServer, type SampleServer } from '../../src/samples/sample-server.js';
import { runCli } from '../support/run-cli.js';

/** The shipped configuration's pre-read of the sample world: every section has real content. */
describe('pre-read of the sample world', () => {
  let dir: string;
  let server: SampleServer;
  let configFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-sample-preread-'));
    const now = new Date();
    server = await startSampleServer({ port: 0, now: () => now });
    const port = new URL(server.url).port;
    const config = parseDocument(readFileSync('config/hubwatch.yaml', 'utf8')).toJS() as Record<string, unknown> & { fetch?: object; sources: { options?: Record<string, unknown>; url?: string }[] };
    config.samples = { serve: false };
    config.fetch = { ...(config.fetch ?? {}), allow: [{ host: '127.0.0.1', ports: [Number(port)] }] };
    config.index = { sqlite: { path: join(dir, 'hubwatch.db') } };
    const swap = <T,>(value: T): T => (typeof value === 'string' ? (value.replace(/http:\/\/127\.0\.0\.1:4719/g, server.url) as T) : value);
    config.sources = config.sources.map((s) => ({ ...s, ...(s.url ? { url: swap(s.url) } : {}), ...(s.options ? { options: Object.fromEntries(Object.entries(s.options).map(([k, v]) => [k, swap(v)])) } : {}) }));
    configFile = join(dir, 'hubwatch.yaml');
    writeFileSync(configFile, JSON.stringify(config));
    const run = await runCli(['--config', configFile, 'run', '--once'], { timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(0);
  }, 150_000);

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills the nine sections from the default stakeholders', { timeout: 60_000 }, async () => {
    const out = join(dir, 'pre-read.md');
    const result = await runCli(['--config', configFile, 'report', 'pre-read', '--from', '30d', '--format', 'md', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const md = readFileSync(out, 'utf8');
    const sections = md.split(/^## /m).slice(1);
    expect(sections.map((s) => s.split('\n')[0])).toEqual([
      '1. Summary in numbers', '2. Reputation and brand territory', '3. Presence', '4. Influence', '5. Mobilisation',
      '6. Reaction', '7. Endurance', '8. Notable mentions', '9. Questions for the workshop', 'Searches behind the figures',
    ]);
    for (const section of sections.slice(0, 9)) expect(section).not.toContain('None in this period.');
    expect(md).toMatch(/\| news \| \d+<sup>\d+<\/sup> \| 0<sup>\d+<\/sup> \| yes \|/); // talk on news, no company voice
    expect(md).toMatch(/\| Acme Rail \(@AcmeRail\) \| internal \|/);
    expect(md).toMatch(/\| Priya Natarajan \(Rail Business Review\) \| target \| 0<sup>\d+<\/sup> \| — \| no \|/);
    expect(md).toMatch(/### Negative surge: /);
    expect(md).toMatch(/mentions on news and no company voice there/);
  });
});
