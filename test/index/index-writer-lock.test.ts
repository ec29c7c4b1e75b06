import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireIndexWriterLock, IndexWriterBusyError } from '../../src/index/sqlite/index-writer-lock.js';
import { SqliteMentionIndex } from '../../src/index/sqlite/sqlite-index.js';
import { silentLogger } from '../../src/platform/logger.js';

/** Another process holding (or refused) the lock: resolves once it said which. */
function holderProcess(indexPath: string): Promise<{ child: ChildProcess; said: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/hold-index-writer-lock.ts', indexPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ child, said: out.trim() });
    });
    child.once('exit', (code) => reject(new Error(`holder exited (${code}) before saying anything: ${out}`)));
  });
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

describe('index-writer lock', () => {
  let dir: string;
  let indexPath: string;
  const children: ChildProcess[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-writer-lock-'));
    indexPath = join(dir, 'data', 'hubwatch.db');
  });

  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.kill('SIGKILL');
      await exited(child);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second writer process, naming the holder, until the first exits', async () => {
    const first = await holderProcess(indexPath);
    children.push(first.child);
    expect(first.said).toMatch(/^held /);
    const error = (() => {
      try {
        acquireIndexWriterLock(indexPath);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(IndexWriterBusyError);
    expect((error as IndexWriterBusyError).holder).toMatchObject({ host: hostname(), pid: first.child.pid });
    expect((error as Error).message).toContain(`already written by process ${first.child.pid} on ${hostname()} since 20`);

    const second = await holderProcess(indexPath);
    children.push(second.child);
    expect(second.said).toContain(`refused ${indexPath}: the SQLite index is already written by process ${first.child.pid}`);

    first.child.kill('SIGTERM');
    await exited(first.child);
    const lock = acquireIndexWriterLock(indexPath);
    expect(lock.holder.pid).toBe(process.pid);
    lock.release();
  });

  it('is free again at once when its holder is killed with SIGKILL', async () => {
    const first = await holderProcess(indexPath);
    children.push(first.child);
    expect(() => acquireIndexWriterLock(indexPath)).toThrow(IndexWriterBusyError);
    first.child.kill('SIGKILL');
    await exited(first.child);
    const lock = acquireIndexWriterLock(indexPath);
    lock.release();
    lock.release();
  });

  it('holds within one process too, and lets readers of the index be', async () => {
    const lock = acquireIndexWriterLock(indexPath);
    expect(() => acquireIndexWriterLock(indexPath)).toThrow(/already written by process/);
    const index = SqliteMentionIndex.open({ path: indexPath, logger: silentLogger() });
    try {
      expect((await index.search({ query: null, sort: 'date', limit: 1 })).total).toBe(0);
    } finally {
      await index.close();
    }
    lock.release();
    acquireIndexWriterLock(indexPath).release();
  });
});
