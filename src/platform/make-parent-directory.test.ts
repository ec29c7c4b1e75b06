import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeParentDirectory } from './make-parent-directory.js';

describe('makeParentDirectory', () => {
  const made: string[] = [];
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'hubwatch-mkdir-'));
    made.push(dir);
    return dir;
  };
  afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('creates every missing level of a file path and accepts one that exists', () => {
    const root = scratch();
    makeParentDirectory(join(root, 'a', 'b', 'c', 'index.db'));
    expect(statSync(join(root, 'a', 'b', 'c')).isDirectory()).toBe(true);
    expect(() => makeParentDirectory(join(root, 'a', 'b', 'c', 'other.db'))).not.toThrow();
  });

  it('refuses a level that is a file, naming it', () => {
    const root = scratch();
    writeFileSync(join(root, 'plain'), '');
    expect(() => makeParentDirectory(join(root, 'plain', 'sub', 'index.db'))).toThrow(/ENOTDIR.*plain/);
  });

  it('fails where a level cannot be created, instead of spinning (recursive mkdirSync loops forever under /proc)', () => {
    // In a child process with a deadline: a regression would block this thread for good.
    const script = `import { makeParentDirectory } from ${JSON.stringify(new URL('./make-parent-directory.ts', import.meta.url).href)};
      try { makeParentDirectory('/proc/hubwatch-missing/sub/index.db'); } catch (error) { console.log(error.code); }`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 20_000, encoding: 'utf8' });
    expect(child.signal).toBeNull();
    expect(child.stdout.trim()).toMatch(/^(ENOENT|EACCES|EPERM)$/);
  });
});
