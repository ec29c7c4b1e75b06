import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('hubwatch serve and run', () => {
  let dir: string;
  let config: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-serve-'));
    config = join(dir, 'hubwatch.yaml');
    writeFileSync(config, `watchlist:\n  brands: [{ id: acme, name: Acme }]\nindex:\n  sqlite: { path: ${join(dir, 'data', 'hubwatch.db')} }\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves on the port asked, prints the address and a one-time token once, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--config', config, 'serve', '--port', '0'], {
      cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HUBWATCH_LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no token line within 60 s:\n${stdout}\n${stderr}`)), 60_000);
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          if (/one-time admin token/.test(stdout) && stdout.endsWith('\n')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const url = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1];
      const token = /one-time admin token \(valid until this server stops\): (\S+)$/m.exec(stdout)?.[1];
      expect(url, stdout).toBeDefined();
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect((await fetch(`${url!}healthz`)).status).toBe(200);
      expect((await fetch(`${url!}api/mentions`)).status).toBe(401);
      const session = await fetch(`${url!}api/session`, { headers: { authorization: `Bearer ${token!}` } });
      expect(await session.json()).toEqual({ role: 'admin' });
      expect(stderr).not.toContain(token!);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 120_000);

  it('run --once never starts a server', async () => {
    const once = await runCli(['--config', config, 'run', '--once']);
    expect(once.code, once.stderr).toBe(0);
    expect(once.stdout).not.toMatch(/http:\/\/|token/);
    expect(once.stderr).not.toMatch(/Server listening|http:\/\/127/);
  }, 120_000);
});
