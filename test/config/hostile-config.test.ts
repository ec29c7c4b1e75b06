import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConfigText } from '../../src/config/load-config.js';
import { runCli } from '../support/run-cli.js';

// Configuration files as a damaged disk or a hostile colleague would write them.

const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'sources: [*g]',
  '',
].join('\n');

/** Bytes that are not text: every byte value, NULs and all, as a bad copy would leave them. */
/**
 * Bytes that look random but are the same on every run: with random bytes, how many problems the
 * YAML parser reports varied from run to run (sometimes under 50), and so did the test's outcome.
 */
function binaryJunk(size: number, seed = 0x9e3779b9): Buffer {
  const bytes = Buffer.alloc(size);
  let state = seed >>> 0;
  for (let i = 0; i < size; i++) {
    // xorshift32
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    bytes[i] = state & 0xff;
  }
  for (let i = 0; i < size; i += 97) bytes[i] = 0;
  return bytes;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hubwatch-hostile-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile configuration files', () => {
  it('a YAML alias bomb is a problem in the file, not a fault', () => {
    const check = checkConfigText(BILLION_LAUGHS, { env: {} });
    expect(check.config).toBeNull();
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatch(/^YAML: .*alias/i);
  });

  it('the CLI refuses the alias bomb with exit 2, naming the file', async () => {
    const file = join(dir, 'laughs.yaml');
    writeFileSync(file, BILLION_LAUGHS);
    const result = await runCli(['--config', file, 'sources', 'list']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`${file}: 1 problem`);
    expect(result.stderr).toMatch(/alias/i);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a multi-megabyte binary file lists its first problems and says how many more', () => {
    const check = checkConfigText(binaryJunk(3 * 1024 * 1024).toString('utf8'), { env: {} });
    expect(check.config).toBeNull();
    expect(check.problems).toHaveLength(50);
    expect(check.moreProblems).toBeGreaterThan(0);
  });

  it('the CLI prints at most 50 problem lines for it, the header counting them all', async () => {
    const file = join(dir, 'binary.yaml');
    writeFileSync(file, binaryJunk(3 * 1024 * 1024));
    const result = await runCli(['--config', file, 'config', 'check']);
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(52);
    // The parser quotes the junk it choked on: each line stays readable.
    for (const line of lines) expect(line.length).toBeLessThan(400);
    const total = Number(/: (\d+) problems/.exec(lines[0] ?? '')?.[1]);
    expect(total).toBeGreaterThan(50);
    expect(lines.at(-1)).toContain(`… and ${total - 50} more`);
    const json = await runCli(['--config', file, 'config', 'check', '--json']);
    const report = JSON.parse(json.stdout) as { problems: string[]; moreProblems: number };
    expect(report.problems).toHaveLength(50);
    expect(report.moreProblems).toBe(total - 50);
  });
});
