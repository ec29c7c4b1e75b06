import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deletePrefix, freePort, TEST_REDIS_URL, uniquePrefix, waitFor } from '../support/redis-test.js';
import { writeSampleWorldConfig } from '../support/sample-world-config.js';

/** Mentions in an index file, read directly (the worker holds it open); 0 before it exists. */
function mentionCount(path: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** `REDIS_URL=… hubwatch worker --role all` with the shipped configuration indexes the sample world as `run` does. */
describe('hubwatch worker --role all', () => {
  let dir: string;
  const prefix = uniquePrefix('worker-all');

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-worker-'));
  });

  afterAll(async () => {
    await deletePrefix(TEST_REDIS_URL, prefix);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the bundled samples from the fetch role, indexes every sample mention, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const indexPath = join(dir, 'hubwatch.db');
    const file = writeSampleWorldConfig(dir, `http://127.0.0.1:${port}`, indexPath);
    const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    // The shipped setting: the process with the fetch role serves the samples itself.
    writeFileSync(file, JSON.stringify({ ...config, samples: { serve: true, port }, queue: { prefix } }));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--role', 'all'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HUBWATCH_CONFIG: file, REDIS_URL: TEST_REDIS_URL, HUBWATCH_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    try {
      await waitFor(() => mentionCount(indexPath) >= 353 || child.exitCode !== null, 'the sample world indexed', 90_000, 250);
      expect(child.exitCode, stderr).toBeNull();
      expect(stderr).toContain(`serving the bundled sample feeds at http://127.0.0.1:${port}`);
      // The same count `run --once` reports for the sample world.
      expect(mentionCount(indexPath)).toBe(353);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('worker stopped');
  }, 120_000);
});
