import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { openIndex } from '../../src/index/open-index.js';
import { createLogger } from '../../src/platform/logger.js';

describe('a main index file of 0 bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hubwatch-empty-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is opened as a new index, and the log says so once, naming the file', async () => {
    const path = join(dir, 'hubwatch.db');
    writeFileSync(path, '');
    const lines: string[] = [];
    const destination = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    const index = await openIndex({ sqlite: { path } }, { logger: createLogger({ level: 'warn', destination }) });
    try {
      expect((await index.search({ query: null, sort: 'date', limit: 1 })).total).toBe(0);
    } finally {
      await index.close();
    }
    const warnings = lines.map((line) => JSON.parse(line) as { msg: string; path?: string }).filter((line) => /0 bytes/.test(line.msg));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.path).toBe(path);
  });
});

describe('a main index file that is not a database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hubwatch-notadb-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes sources list fail naming the file', async () => {
    const { runCli } = await import('../support/run-cli.js');
    const path = join(dir, 'hubwatch.db');
    writeFileSync(path, 'this is not a database, just text that fills the first page of the file'.repeat(100));
    const config = join(dir, 'c.yaml');
    writeFileSync(config, JSON.stringify({ index: { sqlite: { path } } }));
    const result = await runCli(['--config', config, 'sources', 'list']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(path);
    expect(result.stderr).toMatch(/SQLITE_NOTADB/);
  });
});
