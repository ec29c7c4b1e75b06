import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/core/errors.js';
import { emptyReport } from '../../src/workers/poll-types.js';
import { nextJobs } from '../../src/workers/transitions.js';

const parse = (yaml: string) => parseConfig(`notifiers:\n  - { id: team, type: slack, webhookUrl: "" }\n${yaml}`, 'test.yaml', { env: {} });
const problems = (yaml: string): string[] => {
  try {
    parse(yaml);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('alerts[] in the configuration', () => {
  it('reads every rule type, with its defaults; a rule without type is a match rule', () => {
    const config = parse(`alerts:
  - { id: a, query: "brand:acme", notify: [team] }
  - { id: b, type: spike, query: "brand:acme", notify: [team], window: 2h }
  - { id: c, type: negative-share, query: "brand:acme", notify: [team] }
  - { id: d, type: new-voice, query: "brand:acme", notify: [team], by: author }
  - { id: e, type: silence, tier: 1, notify: [team] }
`);
    expect(config.alerts.map((r) => r.type)).toEqual(['match', 'spike', 'negative-share', 'new-voice', 'silence']);
    expect(config.alerts[0]).toMatchObject({ minMentions: 1, window: 3600, cooldown: 3600 });
    expect(config.alerts[1]).toMatchObject({ window: 7200, baseline: 'rolling', sensitivity: 3 });
  });

  it('refuses a bad query with its column, an unknown type and an unknown notifier, all at once', () => {
    const found = problems(`alerts:
  - { id: a, query: "brand:acme AND (strike", notify: [team] }
  - { id: b, type: burst, query: "x", notify: [team] }
  - { id: c, type: negative-share, query: "acme", notify: [team], threshold: 2 }
`);
    expect(found.join('\n')).toMatch(/alerts\[0\]\.query: .*at 16/);
    expect(found.join('\n')).toMatch(/alerts\[1\]\.type/);
    expect(found.join('\n')).toMatch(/alerts\[2\]\.threshold/);
    expect(problems(`alerts:\n  - { id: a, query: acme, notify: [nobody] }\n`)).toEqual(['alerts[0].notify[0]: no notifier has id "nobody"']);
  });

  it('index-batch hands only newly indexed ids to evaluate-alerts; a re-read (all unchanged) hands nothing', () => {
    expect(nextJobs('indexBatch', { ...emptyReport('s'), indexed: 2, indexedIds: ['a', 'b'] })).toEqual([{ key: 'evaluateAlerts', payload: { ids: ['a', 'b'] } }]);
    expect(nextJobs('indexBatch', { ...emptyReport('s'), unchanged: 5 })).toEqual([]);
  });
});
