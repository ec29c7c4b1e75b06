import { readdirSync, rmSync, statSync, truncateSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { openIndex } from '../../src/index/open-index.js';
import { parseQuery } from '../../src/index/query/parse.js';
import { createLogger } from '../../src/platform/logger.js';
import { corpus } from '../contract/fixtures.js';

/** A full-text file damaged on disk is derived data: moved aside, said once, rebuilt. */
describe('a damaged full-text file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hubwatch-fts-repair-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function filled(name: string): Promise<string> {
    const path = join(dir, name, 'hubwatch.db');
    const index = await openIndex({ sqlite: { path } }, { logger: createLogger({ level: 'silent' }) });
    await index.upsert(corpus());
    await index.close();
    return path;
  }

  async function reopen(path: string): Promise<{ found: number; warnings: Record<string, unknown>[] }> {
    const lines: string[] = [];
    const destination = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    const index = await openIndex({ sqlite: { path } }, { logger: createLogger({ level: 'warn', destination }) });
    try {
      const page = await index.search({ query: parseQuery('"Acme Cloud"'), sort: 'date', limit: 100 });
      const warnings = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => /full-text index file was damaged/.test(String(line['msg'])));
      return { found: page.total, warnings };
    } finally {
      await index.close();
    }
  }

  for (const [damage, harm] of [
    ['overwritten', (file: string) => writeFileSync(file, Buffer.alloc(64 * 1024, 0x5a))],
    ['truncated', (file: string) => truncateSync(file, Math.floor(statSync(file).size / 2))],
  ] as const) {
    it(`${damage}: the index opens, the search finds what it found before, the log says so once`, async () => {
      const path = await filled(damage);
      const before = await reopen(path);
      expect(before.found).toBeGreaterThan(0);
      expect(before.warnings).toEqual([]);
      const ftsPath = path.replace(/\.db$/, '.fts.db');
      harm(ftsPath);
      const after = await reopen(path);
      expect(after.found).toBe(before.found);
      expect(after.warnings).toHaveLength(1);
      expect(after.warnings[0]).toMatchObject({ path: ftsPath });
      expect(readdirSync(join(dir, damage)).some((file) => file.startsWith('hubwatch.fts.db.damaged-'))).toBe(true);
      const again = await reopen(path);
      expect(again).toEqual({ found: before.found, warnings: [] });
    });
  }
});
