import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { fastYamlValues, yamlValues } from '../../src/config/yaml-values.js';

/** What the yaml package alone makes of a text: the reference `yamlValues` must agree with. */
function reference(text: string): unknown {
  return parseDocument(text, { uniqueKeys: true }).toJS({ maxAliasCount: 100 });
}

/** Scalars where YAML schemas disagree (1.1 against 1.2 core, one parser's extensions against another's). */
const SCALARS = [
  '1_000', '0b101', '0x1F', '0o17', '017', '08', '00', '-0', '+1', '1e3', '1E3', '+12e03', '0.1e-2', '.5', '5.', '+.5', '1.e3', '.e3',
  '.inf', '-.Inf', '+.INF', '.NaN', '.nan', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'yes', 'no',
  'on', 'off', 'y', 'n', '2026-12-01', '2026-12-01T10:00:00Z', '12:30', '12:30:00', '0x_1', '1__0', '"1"', "'true'", '!!str 1',
  '!!int "3"', '!!float "1.5"', '!!bool "true"', '!!null ""', 'acme* AND "x"', "O'Brien", '"tab\\tand \\u00e9 \\U0001F600 \\x41"',
  '\'single \'\' quote\'', '<<', '=', '-1_0', '9007199254740993', '1e400',
];

const DOCUMENTS = [
  'sources:\n  - id: a\n    url: https://example.org/feed\n  - { id: b, type: rss }\n',
  'text: |\n  line one\n  line two\n\nkeep: |+\n  kept\n\nstrip: >-\n  folded\n  text\n',
  'indented: |2\n    two more\n  base\n',
  'flow: [1, "two", {three: 3}, [4]]\nempty: {}\nnone: []\n',
  '# a comment\nkey: value # trailing\n"quoted key": 1\n\'single\': 2\n',
  '---\nstarted: true\n...\n',
  '__proto__: { polluted: true }\nconstructor: 1\n',
  'null: 1\ntrue: 2\n1: 3\n1.5: 4\n',
  'multi: "a\n  b\n\n  c"\nplain: a\n  b\n',
  'long: "' + 'x'.repeat(5000) + '"\n',
  'nested:\n  a:\n    b:\n      c: [1, 2, {d: e}]\n',
  'query: brand:acme AND (sentiment:negative OR "Claire Dubois")\nurl: ${SLACK_URL:-https://hooks.example/x}\n',
  'é: ü\nemoji: "😀"\n',
];

describe('yamlValues', () => {
  it('gives the yaml package’s values for every scalar where schemas disagree', () => {
    for (const scalar of SCALARS) {
      const text = `value: ${scalar}\n`;
      const document = parseDocument(text, { uniqueKeys: true });
      const read = yamlValues(text);
      if (document.errors.length > 0) expect(read, scalar).toHaveProperty('problems');
      else expect(read, scalar).toStrictEqual({ values: reference(text) });
    }
  });

  it('gives the yaml package’s values for block, flow, quoted, multi-line and special-key documents', () => {
    for (const text of DOCUMENTS) expect(yamlValues(text), text.slice(0, 40)).toStrictEqual({ values: reference(text) });
    // Most of them are js-yaml's to read: the comparison above is of its values, not the fallback's.
    expect(DOCUMENTS.filter((text) => fastYamlValues(text) !== null).length).toBeGreaterThanOrEqual(DOCUMENTS.length - 2);
  });

  it('reads empty strings (quoted, block, tagged; values and keys) itself, as the yaml package does', () => {
    for (const text of ['a: ""\n', "a: ''\n", 'a: |\n\nb: 1\n', 'a: !!str\n', 'a: ["", \'\']\n', '"": 1\n', 'people:\n  - { id: p, role: "" }\n']) {
      expect(fastYamlValues(text), text).toStrictEqual({ values: reference(text) });
    }
    // An empty plain scalar is null to both, and a null key is where they differ: still the yaml package's.
    expect(fastYamlValues('? \n: 1\n')).toBeNull();
    expect(yamlValues('a:\n')).toStrictEqual({ values: { a: null } });
  });

  it('leaves to the yaml package what js-yaml reads otherwise or cannot check', () => {
    for (const text of ['null: 1\n', 'k: 1e400\n', 'k: "3"\n', 'a: &x 1\nb: *x\n', 'a: 1\na: 2\n', '', 'x: !!binary aGk=\n']) {
      expect(fastYamlValues(text), text).toBeNull();
    }
  });

  it('gives the yaml package’s values for every YAML file of the project', () => {
    const files = execFileSync('git', ['ls-files', '*.yaml', '*.yml'], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(files).toContain('config/hubwatch.yaml');
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(yamlValues(text), file).toStrictEqual({ values: reference(text) });
    }
    // The configuration every command reads is read the fast way.
    expect(fastYamlValues(readFileSync('config/hubwatch.yaml', 'utf8'))).not.toBeNull();
  });

  it('lists every syntax problem with its line and column, as the yaml package does', () => {
    const read = yamlValues('a: 1\nb: [unclosed\nc: "open\n');
    expect(read).toHaveProperty('problems');
    const problems = (read as { problems: string[] }).problems;
    expect(problems.length).toBeGreaterThan(1);
    for (const problem of problems) expect(problem).toMatch(/^line \d+, column \d+: /);
  });

  it('names a duplicate key where it is', () => {
    expect(yamlValues('a: 1\nb: 2\na: 3\n')).toStrictEqual({ problems: [expect.stringMatching(/^line 3, column 1: .*unique/i)] });
  });

  it('expands aliases as the yaml package does, and refuses a billion-laughs bomb', () => {
    const aliased = 'base: &base { a: 1 }\nother: *base\nlist: [*base, *base]\n';
    expect(yamlValues(aliased)).toStrictEqual({ values: reference(aliased) });
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`);
    expect(yamlValues(`${levels.join('\n')}\n`)).toStrictEqual({ problems: [expect.stringMatching(/billion-laughs/)] });
  });

  it('reads an empty or comment-only text as null and an unknown tag as the yaml package does', () => {
    expect(yamlValues('')).toStrictEqual({ values: null });
    expect(yamlValues('# nothing yet\n')).toStrictEqual({ values: null });
    const tagged = 'data: !!binary aGk=\n';
    const document = parseDocument(tagged, { uniqueKeys: true });
    expect(yamlValues(tagged)).toStrictEqual(document.errors.length > 0 ? { problems: expect.any(Array) } : { values: reference(tagged) });
  });
});
