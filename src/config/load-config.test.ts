import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { parseConfig, type SourceChecker } from './load-config.js';

function problemsOf(yaml: string, env: Record<string, string> = {}, checkSource?: SourceChecker): string[] {
  try {
    parseConfig(yaml, 'test.yaml', { env, ...(checkSource ? { checkSource } : {}) });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseConfig', () => {
  it('accepts a minimal file and applies defaults', () => {
    const config = parseConfig('sources: []\n', 'test.yaml', { env: {} });
    expect(config.index.sqlite.path).toBe('data/hubwatch.db');
    expect(config.fetch.maxBytes).toBe(15 * 1024 * 1024);
    expect(config.fetch.timeout).toBe(20);
    expect(config.watchlist.brands).toEqual([]);
  });

  it('lists every problem at once, each with its path', () => {
    const problems = problemsOf(`
sources:
  - { id: ok, type: rss, url: "https://example.com/feed" }
  - { id: two, type: rss, url: "https://example.com/2" }
  - { id: three, type: rss, url: "https://example.com/3" }
  - { id: four, type: rss, url: "ftp://example.com/feed" }
  - { id: "Bad Id", type: rss, interval: "soon" }
watchlist:
  brands:
    - { id: acme, name: Acme, competitors: [globex] }
`);
    expect(problems).toContain('sources[3].url: must be an http(s) URL');
    expect(problems.some((p) => p.startsWith('sources[4].id: must be lower-case'))).toBe(true);
    expect(problems.some((p) => p.startsWith('sources[4].interval: must be a duration'))).toBe(true);
    expect(problems.length).toBeGreaterThanOrEqual(3);
  });

  it('checks references between sections', () => {
    const problems = problemsOf(`
watchlist:
  brands:
    - { id: acme, name: Acme, competitors: [globex] }
  people:
    - { id: jane, name: Jane Roe, organisation: nowhere }
alerts:
  - { id: crisis, query: "acme", notify: [slack-team] }
sources:
  - { id: a, type: rss, url: "https://example.com/a" }
  - { id: a, type: rss, url: "https://example.com/b" }
`);
    expect(problems).toContain('watchlist.brands[0].competitors[0]: no brand has id "globex"');
    expect(problems).toContain('watchlist.people[0].organisation: no brand has id "nowhere"');
    expect(problems).toContain('alerts[0].notify[0]: no notifier has id "slack-team"');
    expect(problems).toContain('sources[1].id: duplicate source id "a" (ids must be unique)');
  });

  it('names unknown keys instead of ignoring a typo', () => {
    const problems = problemsOf('fetch:\n  timout: 5\n');
    expect(problems.some((p) => p.startsWith('fetch') && p.includes('timout'))).toBe(true);
  });

  it('resolves ${VAR} references and never prints their values', () => {
    const secret = 'https://hooks.slack.com/services/T000/B000/very-secret-token';
    const config = parseConfig('notifiers:\n  - { id: team, type: slack, webhookUrl: "${SLACK_URL}" }\n', 'test.yaml', {
      env: { SLACK_URL: secret },
    });
    expect(config.notifiers[0]).toMatchObject({ webhookUrl: secret });
    const problems = problemsOf('notifiers:\n  - { id: team, type: slack, webhookUrl: "${SLACK_URL}" }\n', { SLACK_URL: 'not-a-url-secret' });
    expect(problems).toEqual(['notifiers[0].webhookUrl: must be an http(s) URL']);
    expect(problems.join('\n')).not.toContain('not-a-url-secret');
  });

  it('reports unset variables with the path that needs them', () => {
    const problems = problemsOf('index:\n  elasticsearch: { url: "${ES_URL}" }\n');
    expect(problems[0]).toBe('index.elasticsearch.url: environment variable ES_URL is not set (export it, or use ${ES_URL:-default})');
  });

  it('accepts defaults in references', () => {
    const config = parseConfig('queue:\n  redisUrl: "${REDIS_URL:-redis://127.0.0.1:6379}"\n', 'test.yaml', { env: {} });
    expect(config.queue.redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('reports YAML syntax errors with line and column', () => {
    const problems = problemsOf('sources:\n  - id: a\n   type: rss\n');
    expect(problems[0]).toMatch(/^line \d+, column \d+: /);
  });

  it('adds the problems the source checker finds, under the source path', () => {
    const checker: SourceChecker = (source) =>
      source.type === 'rss' ? [] : [{ path: 'type', message: `unknown source type "${source.type}"` }];
    const problems = problemsOf('sources:\n  - { id: a, type: rss, url: "https://e.com/" }\n  - { id: b, type: fax }\n', {}, checker);
    expect(problems).toEqual(['sources[1].type: unknown source type "fax"']);
  });
});

describe('parseConfig, everything at once', () => {
  it('checks well-formed sources even when another part of the file is invalid, and says an unset variable once', () => {
    const checker: SourceChecker = (source) =>
      source.type === 'rss' ? [] : [{ path: 'type', message: `unknown source type "${source.type}"` }];
    const problems = problemsOf(
      'sources:\n  - { id: a, type: fax }\n  - { id: b, type: rss, url: "ftp://x" }\nnotifiers:\n  - { id: t, type: slack, webhookUrl: "${HOOK}" }\n' +
        'alerts:\n  - { id: crisis, query: acme, notify: [t] }\n',
      {},
      checker,
    );
    expect(problems).toEqual([
      'notifiers[0].webhookUrl: environment variable HOOK is not set (export it, or use ${HOOK:-default}) (notifier "t" is used by an alert rule)',
      'sources[1].url: must be an http(s) URL',
      'sources[0].type: unknown source type "fax"',
    ]);
  });
});
