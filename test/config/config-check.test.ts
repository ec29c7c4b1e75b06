import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/core/errors.js';
import { runCli } from '../support/run-cli.js';

function problemsOf(yaml: string, env: Record<string, string> = {}): string[] {
  try {
    parseConfig(yaml, 'test.yaml', { env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('config check: every problem in one pass', () => {
  it('checks references between sections in the same pass as the schema', () => {
    const problems = problemsOf(`
sources:
  - { id: a, type: rss, url: "https://example.com/a", tier: 4 }
watchlist:
  brands:
    - { id: acme, name: Acme, competitors: [globex] }
  people:
    - { id: jane, name: Jane Roe, organisation: nowhere }
notifiers:
  - { id: team, type: slack, webhookUrl: "https://hooks.example/1" }
alerts:
  - { id: crisis, query: acme, notify: [team, pager] }
`);
    expect(problems).toEqual([
      'sources[0].tier: must be 1, 2 or 3',
      'watchlist.brands[0].competitors[0]: no brand has id "globex"',
      'watchlist.people[0].organisation: no brand has id "nowhere"',
      'alerts[0].notify[1]: no notifier has id "pager"',
    ]);
  });

  it('does not name a malformed reference twice', () => {
    const problems = problemsOf('watchlist:\n  brands:\n    - { id: acme, name: Acme, competitors: ["Not An Id"] }\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^watchlist\.brands\[0\]\.competitors\[0\]: must be lower-case/);
  });

  it('parses alert queries with the query language and refuses them with the position', () => {
    const problems = problemsOf(`
notifiers:
  - { id: team, type: slack, webhookUrl: "https://hooks.example/1" }
alerts:
  - { id: ok, query: 'acme AND sentiment:negative', notify: [team] }
  - { id: bad, query: 'acme)', notify: [team] }
  - { id: worse, query: 'sentiment:angry', notify: [team] }
log: { level: loud }
`);
    expect(problems).toEqual([
      'log.level: must be "fatal", "error", "warn", "info", "debug", "trace" or "silent"',
      "alerts[1].query: unexpected ')' at 5 (see docs/query-language.md)",
      'alerts[2].query: sentiment:angry at 11: use one of negative, neutral, positive, unscored (see docs/query-language.md)',
    ]);
  });

  it('says what enums and ranges must be, in plain words', () => {
    const problems = problemsOf(`
sources:
  - { id: a, type: rss, url: "https://example.com/a", tier: 0, channel: tv }
fetch:
  timeout: 0
  maxRedirects: 20
  maxBytes: 0
samples: { port: 0 }
notifiers:
  - { id: a, type: fax }
watchlist:
  topics:
    - { id: t, name: "", terms: [] }
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'sources[0].tier: must be 1, 2 or 3',
        'sources[0].channel: must be "news", "blog", "social", "forum", "video" or "podcast"',
        'fetch.timeout: must be above 0',
        'fetch.maxRedirects: must be at most 10',
        'fetch.maxBytes: must be above 0',
        'samples.port: must be at least 1',
        'notifiers[0].type: must be "slack" or "webhook"',
        'watchlist.topics[0].name: must not be empty',
        'watchlist.topics[0].terms: a topic needs at least one term',
      ]),
    );
    expect(problems.join('\n')).not.toMatch(/Invalid input|Too small|Too big/);
    expect(problemsOf('fetch:\n  timeout: "0s"\n')).toEqual(['fetch.timeout: must be above 0']);
    expect(parseConfig('fetch:\n  timeout: 5\n', 't.yaml', { env: {} }).fetch.timeout).toBe(5);
  });

  it('says the line of a YAML syntax error once', () => {
    const problems = problemsOf('sources:\n  - id: a\n   type: rss\n');
    expect(problems).toEqual(['line 3, column 1: Sequence item without - indicator']);
    expect(problemsOf('a: 1\na: 2\n')).toEqual(['line 2, column 1: Map keys must be unique']);
  });

  it('warns about a notifier whose secret is unset when no rule uses it, and refuses it when one does', () => {
    const yaml = `
notifiers:
  - { id: team, type: slack, webhookUrl: "https://hooks.example/1" }
  - { id: spare, type: slack, webhookUrl: "\${SPARE_HOOK}" }
  - { id: audit, type: webhook, url: "https://audit.example/", secret: "\${AUDIT_SECRET}" }
alerts:
  - { id: crisis, query: acme, notify: [team, audit] }
`;
    const warnings: string[] = [];
    expect(problemsOf(yaml, { AUDIT_SECRET: 's3cret-long-enough-for-hmac' })).toEqual([]);
    const config = parseConfig(yaml, 't.yaml', { env: { AUDIT_SECRET: 's3cret-long-enough-for-hmac' }, onWarning: (w) => warnings.push(w) });
    expect(config.notifiers.map((n) => n.id)).toEqual(['team', 'audit']);
    expect(warnings).toEqual([
      'notifiers[1].webhookUrl: environment variable SPARE_HOOK is not set; notifier "spare" is used by no alert rule, so it is left out until the variable is set',
    ]);
    expect(problemsOf(yaml)).toEqual([
      'notifiers[2].secret: environment variable AUDIT_SECRET is not set (export it, or use ${AUDIT_SECRET:-default}) (notifier "audit" is used by an alert rule)',
    ]);
    // A schema problem after the left-out notifier keeps the file's numbering.
    expect(problemsOf(`${yaml}  - { id: other, query: acme, notify: [bogus-ref] }\n`, { AUDIT_SECRET: 'x-long-enough-for-hmac' })).toEqual([
      'alerts[1].notify[0]: no notifier has id "bogus-ref"',
    ]);
    expect(problemsOf(yaml.replace('"https://audit.example/"', '"ftp://audit"'), { AUDIT_SECRET: 'x-long-enough-for-hmac' })).toEqual(['notifiers[2].url: must be an http(s) URL']);
  });
});

describe('hubwatch config check (the command)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-config-check-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, yaml: string): string => {
    const file = join(dir, name);
    writeFileSync(file, yaml);
    return file;
  };

  it('prints warnings and exits 0 when only warnings are found', async () => {
    const file = write('warn.yaml', 'notifiers:\n  - { id: spare, type: slack, webhookUrl: "${SPARE_HOOK}" }\n');
    const result = await runCli(['config', 'check', '--config', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${file}: OK (0 sources`);
    expect(result.stdout).toContain('  warning: notifiers[0].webhookUrl: environment variable SPARE_HOOK is not set');
  });

  it('--json prints one object with the problems, the warnings, the counts and the overrides', async () => {
    const bad = write('bad.yaml', 'sources:\n  - { id: a, type: rss, url: "https://e.example/", tier: 5 }\nalerts:\n  - { id: x, query: "(acme", notify: [nobody] }\n');
    const failed = await runCli(['config', 'check', '--config', bad, '--json']);
    expect(failed.code).toBe(2);
    expect(JSON.parse(failed.stdout)).toEqual({
      file: bad,
      ok: false,
      problems: [
        'sources[0].tier: must be 1, 2 or 3',
        'alerts[0].notify[0]: no notifier has id "nobody"',
        "alerts[0].query: missing ')' for the '(' at 1 (see docs/query-language.md)",
      ],
      moreProblems: 0,
      warnings: [],
      summary: null,
      environment: [{ variable: 'HUBWATCH_LOG_LEVEL', setting: 'log.level' }],
    });
    const good = write('good.yaml', 'sources:\n  - { id: a, type: rss, url: "https://e.example/", tier: 1 }\nwatchlist:\n  brands: [{ id: acme, name: Acme }]\n');
    const passed = await runCli(['config', 'check', '--config', good, '--json'], { env: { REDIS_URL: 'redis://127.0.0.1:6390' } });
    expect(passed.code).toBe(0);
    expect(JSON.parse(passed.stdout)).toMatchObject({
      ok: true,
      problems: [],
      summary: { sources: 1, brands: 1, people: 0, topics: 0, notifiers: 0, alertRules: 0, index: { kind: 'sqlite', path: 'data/hubwatch.db' } },
      environment: [
        { variable: 'HUBWATCH_LOG_LEVEL', setting: 'log.level' },
        { variable: 'REDIS_URL', setting: 'queue.redisUrl' },
      ],
    });
  });
});
