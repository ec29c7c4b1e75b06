import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

// Line numbers in import's rejects are the ones an editor shows: a line ends at \n, \r\n or a lone \r.

let dir: string;
let configFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hubwatch-import-lines-'));
  configFile = join(dir, 'hubwatch.yaml');
  writeFileSync(configFile, JSON.stringify({ index: { sqlite: { path: join(dir, 'hubwatch.db') } } }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('import line numbers', () => {
  it('counts \\n, \\r\\n and a lone \\r as one line end each, also where a read chunk ends between \\r and \\n', { timeout: 60_000 }, async () => {
    // The padding line puts the \r\n that ends line 3 across the file stream's 64 KiB chunk boundary.
    const padding = `"${'x'.repeat(64 * 1024 - 'bad 1\n'.length - 'bad 2\r'.length - 2 - 1)}"`;
    const text = ['bad 1', '\n', 'bad 2', '\r', padding, '\r\n', 'bad 4', '\r', '\r\n', 'bad 6', '\r', 'bad 7', '\n'].join('');
    expect(text.indexOf('\r\n', 100)).toBe(64 * 1024 - 1);
    const file = join(dir, 'lines.ndjson');
    writeFileSync(file, text);
    const result = await runCli(['--config', configFile, 'import', file, '--json']);
    expect(result.code, result.stderr).toBe(1);
    const summary = JSON.parse(result.stdout) as { lines: number; rejects: { line: number; reason: string }[] };
    expect(summary.lines).toBe(7);
    expect(summary.rejects.map((r) => [r.line, /"(bad \d)"|not a JSON object/.exec(r.reason)?.[1] ?? r.reason])).toEqual([
      [1, 'bad 1'],
      [2, 'bad 2'],
      [3, 'not a JSON object'],
      [4, 'bad 4'],
      [6, 'bad 6'],
      [7, 'bad 7'],
    ]);
  });
});
