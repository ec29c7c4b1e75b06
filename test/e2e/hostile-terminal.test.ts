import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { startLoopbackServer, type LoopbackServer } from '../connectors/support/loopback-server.js';

/** Raw control characters a terminal would act on (tab and newline are harmless). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\r';

/** Bytes from hostile feeds and pages, through every command that prints them. */
describe('nothing from outside reaches a terminal raw', () => {
  let server: LoopbackServer;
  let dir: string;
  let configFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-hostile-'));
    server = await startLoopbackServer((req, res) => {
      if (req.url === '/feed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
        return void res.end(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed ${HOSTILE}title</title>
          <item><title>Item ${HOSTILE}title</title><link>https://hostile.example/a</link><author>x@y (Ann ${HOSTILE})</author><description>Body ${HOSTILE} text</description></item>
          <item><title>Dropped ${HOSTILE}item</title></item></channel></rss>`);
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><head><title>Welcome ${HOSTILE}page</title></head><body>no feed</body></html>`);
    });
    const port = Number(new URL(server.url('/')).port);
    configFile = join(dir, 'hubwatch.yaml');
    writeFileSync(configFile, JSON.stringify({
      sources: [
        { id: 'hostile-feed', type: 'rss', url: server.url('/feed.xml') },
        { id: 'hostile-page', type: 'rss', url: server.url('/page.html') },
      ],
      index: { sqlite: { path: join(dir, 'hubwatch.db') } },
      fetch: { allow: [{ host: '127.0.0.1', ports: [port] }], perHost: { concurrency: 2, minDelay: 0 } },
    }));
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sources test, as text and as JSON', async () => {
    for (const format of [[], ['--json']]) {
      const result = await runCli(['--config', configFile, 'sources', 'test', server.url('/feed.xml'), '--allow-private', ...format]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('Feed');
      expect(result.stdout).not.toMatch(RAW_CONTROL);
      expect(result.stderr).not.toMatch(RAW_CONTROL);
    }
    const page = await runCli(['--config', configFile, 'sources', 'test', server.url('/page.html'), '--allow-private', '--type', 'rss']);
    expect(page.code).toBe(1);
    expect(page.stderr).toMatch(/not a feed \(found an HTML page titled "Welcome/);
    expect(page.stderr).not.toMatch(RAW_CONTROL);
  });

  it('run, sources list and the errors stored in the state', async () => {
    const run = await runCli(['--config', configFile, 'run', '--once'], { env: { HUBWATCH_LOG_LEVEL: 'debug' } });
    expect(run.stderr).toMatch(/not a feed/);
    expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
    for (const format of [[], ['--json']]) {
      const list = await runCli(['--config', configFile, 'sources', 'list', ...format]);
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(/not a feed/);
      expect(list.stdout + list.stderr).not.toMatch(RAW_CONTROL);
    }
    const db = new Database(join(dir, 'hubwatch.db'), { readonly: true });
    try {
      const states = db.prepare('SELECT state FROM source_state').all() as { state: string }[];
      const lastErrors = states.map((row) => (JSON.parse(row.state) as { lastError: string | null }).lastError).filter(Boolean);
      expect(lastErrors.length).toBeGreaterThan(0);
      for (const error of lastErrors) expect(error).not.toMatch(RAW_CONTROL);
    } finally {
      db.close();
    }
    const search = await runCli(['--config', configFile, 'search', 'title', '--json']);
    expect(search.stdout).not.toMatch(RAW_CONTROL);
  });
});
