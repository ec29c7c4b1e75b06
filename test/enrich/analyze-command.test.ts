import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../support/run-cli.js';

interface AnalyzedLine {
  id: string;
  language: string | null;
  sentiment: { score: number; label: string };
  entities: { id: string; kind: string; role?: string; occurrences: { field: string; start: number; end: number; text: string }[]; sentiment?: { label: string } }[];
}

/** `hubwatch analyze` as a user runs it: stdin in, one JSON object per line out. */
describe('hubwatch analyze', () => {
  let dir: string;
  let config: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-analyze-'));
    config = join(dir, 'hubwatch.json');
    writeFileSync(
      config,
      JSON.stringify({
        index: { sqlite: { path: join(dir, 'index.db') } },
        watchlist: {
          brands: [
            { id: 'orange', name: 'Orange', context: { exclude: ['jus', 'juice'] } },
            { id: 'globex', name: 'Globex', role: 'competitor' },
          ],
          people: [{ id: 'claire-dubois', name: 'Claire Dubois', organisation: 'orange' }],
        },
      }),
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops writing quietly when the reader of its output goes away (| head)', async () => {
    const input = Array.from({ length: 3000 }, (_, i) => `Orange line ${i} is great, Globex is not.`).join('\n');
    const result = await runCli(['--config', config, 'analyze', '--json'], { input, closeStdoutAfterFirstChunk: true });
    expect(result.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(result.code).toBe(0);
    expect(jsonLines<AnalyzedLine>(result.stdout.slice(0, result.stdout.lastIndexOf('\n')))[0]).toMatchObject({ id: 'line-1' });
  });

  it('tags plain and JSON lines with offsets, language and sentiment', async () => {
    const title = "Orange : Claire Dubois salue d'excellents résultats";
    const input = [
      'Globex is not good at all. Orange is great!',
      JSON.stringify({ id: 'm-2', title, text: "Un verre de jus d'orange.", lang: 'fr' }),
      JSON.stringify({ id: 3, text: 'Orange hat die Preise gesenkt und Globex folgt heute.' }),
    ].join('\n');
    const result = await runCli(['--config', config, 'analyze', '--json'], { input });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [first, second, third] = jsonLines<AnalyzedLine>(result.stdout);
    expect(first).toMatchObject({ id: 'line-1', language: 'en' });
    expect(first!.entities.map((e) => [e.id, e.role, e.sentiment?.label])).toEqual([
      ['globex', 'competitor', 'negative'],
      ['orange', 'own', 'positive'],
    ]);
    expect(second).toMatchObject({ id: 'm-2', language: 'fr', sentiment: { label: 'positive' } });
    expect(second!.entities.map((e) => e.id)).toEqual(['orange', 'claire-dubois']);
    const person = second!.entities[1]!.occurrences[0]!;
    expect(title.slice(person.start, person.end)).toBe('Claire Dubois');
    expect(second!.entities[0]!.occurrences).toHaveLength(1);
    expect(third).toMatchObject({ id: '3', language: 'de', sentiment: { score: 0, label: 'unscored' } });
  });

  it('reports a bad line with its number, goes on, and exits non-zero', async () => {
    const input = ['Orange rocks', '{"id": "x", "text": ', JSON.stringify({ id: 'y', text: 42 }), 'Globex too'].join('\n');
    const result = await runCli(['--config', config, 'analyze', '--json'], { input });
    expect(result.code).toBe(1);
    expect(jsonLines<AnalyzedLine>(result.stdout).map((l) => l.id)).toEqual(['line-1', 'line-4']);
    expect(result.stderr).toMatch(/line 2: not JSON/);
    expect(result.stderr).toMatch(/line 3: "text" must be a string/);
  });

  it('forces the language with --lang and prints a readable line without --json', async () => {
    const result = await runCli(['--config', config, 'analyze', '--lang', 'fr'], { input: 'Orange est pas terrible' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^line-1\tfr\tnegative -0\.\d+\tbrand:orange ×1 negative\n$/);
    const bad = await runCli(['--config', config, 'analyze', '--lang', 'french!'], { input: '' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--lang "french!": expected a two-letter language code/);
  });
});
