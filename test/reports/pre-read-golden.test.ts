import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Firing } from '../../src/alerts/firing.js';
import { computePreRead, planPreRead, type PreReadAlerts } from '../../src/app/report-service.js';
import { alertRuleSchema } from '../../src/config/alert-rules.js';
import { SqliteMentionIndex } from '../../src/index/sqlite/sqlite-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { SqliteAlertStore } from '../../src/state/sqlite-alert-store.js';
import type { PreReadReport } from '../../src/reports/report-model.js';
import { renderHtml } from '../../src/reports/render/render-html.js';
import { renderMarkdown } from '../../src/reports/render/render-markdown.js';
import { fixtureConfig, fixtureMentions } from './pre-read-fixture.js';

const NOW = new Date('2026-03-10T00:00:00Z');

const RULES = [
  { id: 'acme-negative', type: 'match', query: 'brand:acme AND sentiment:negative', notify: ['team'] },
  { id: 'acme-praise', type: 'match', query: 'brand:acme AND sentiment:positive', notify: ['team'] },
  { id: 'globex-watch', type: 'match', query: 'brand:globex', notify: ['team'] },
  { id: 'tier1-gap', type: 'silence', tier: 1, notify: ['team'] },
].map((rule) => alertRuleSchema.parse(rule));

function firing(ruleId: string, dedupKey: string): Firing {
  return { ruleId, type: 'match', key: ruleId, dedupKey, at: '', headline: `${ruleId} fired`, reason: '', facts: [], stories: [], mentionCount: 1, search: '' };
}

/**
 * The alert history beside the fixture, in a real state file: acme-negative fired the evening before
 * the surge (it does not count) and at 11:30 on 03-03; before that, on 03-03, rules that do not cover
 * a negative surge of Acme (Globex, Acme's praise, a silence rule).
 */
async function alertHistory(path: string): Promise<void> {
  const store = new SqliteAlertStore(path);
  const at = (iso: string): Date => new Date(iso);
  await store.claim([firing('acme-negative', 'early')], at('2026-03-02T20:00:00Z'));
  await store.claim([firing('globex-watch', 'g1')], at('2026-03-03T09:00:00Z'));
  await store.claim([firing('acme-praise', 'p1')], at('2026-03-03T10:00:00Z'));
  await store.claim([firing('tier1-gap', 's1')], at('2026-03-03T10:30:00Z'));
  await store.claim([firing('acme-negative', 'm4')], at('2026-03-03T11:30:00Z'));
  await store.claim([firing('acme-negative', 'm5')], at('2026-03-03T12:00:00Z'));
  await store.close();
}

/**
 * The pre-read of a fixed index (a real SQLite file) against figures computed by hand from
 * pre-read-fixture.ts: the week 2026-03-01..08 holds m1-m10 (m7 is Globex only), the week before
 * p1-p2, four weeks before p3.
 */
describe('pre-read on a fixed index: the golden figures', () => {
  let dir: string;
  let report: PreReadReport;
  let withoutAlerts: PreReadReport;
  let quiet: PreReadReport;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-preread-'));
    const index = await SqliteMentionIndex.open({ path: join(dir, 'fixture.db'), logger: silentLogger() });
    expect((await index.upsert(fixtureMentions())).every((o) => o.outcome === 'indexed')).toBe(true);
    await index.close();
    const reopened = await SqliteMentionIndex.open({ path: join(dir, 'fixture.db'), logger: silentLogger() });
    const plan = planPreRead({ from: '2026-03-01', to: '2026-03-08', brands: [], language: 'en' }, fixtureConfig(), NOW);
    await alertHistory(join(dir, 'state.db'));
    const store = new SqliteAlertStore(join(dir, 'state.db'));
    const alerts: PreReadAlerts = { store, rules: RULES };
    report = await computePreRead(reopened, plan, undefined, alerts);
    withoutAlerts = await computePreRead(reopened, plan);
    // Only the rules that do not cover a negative surge of Acme.
    quiet = await computePreRead(reopened, plan, undefined, { store, rules: RULES.filter((r) => r.id !== 'acme-negative') });
    await store.close();
    await reopened.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('summary: mentions, stories, reach and balance against the week before', () => {
    const s = report.summary;
    // m1 m2 m3 m4 m5 m6 m8 m9 m10; before: p1 p2.
    expect([s.mentions.current.value, s.mentions.previous.value]).toEqual([9, 2]);
    // s1 (m1+m2), m3, m4, m5, m6, s8 (m8+m9), m10.
    expect([s.stories.current.value, s.stories.previous.value]).toEqual([7, 2]);
    // 10+2+10+1+1+2+2+1+10; before 10+2.
    expect([s.reach.current.value, s.reach.previous.value]).toEqual([39, 12]);
    // (4 positive − 3 negative) / 9 scored; before (1 − 0) / 2.
    expect(s.balance.current.value).toBeCloseTo(1 / 9, 10);
    expect(s.balance.previous.value).toBeCloseTo(0.5, 10);
    expect(s.mentions.current.trace).toEqual({ query: 'brand:acme', from: '2026-03-01T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z' });
    expect(s.mentions.previous.trace).toEqual({ query: 'brand:acme', from: '2026-02-22T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' });
  });

  it('reputation: tone per brand and person, keyness by log-likelihood', () => {
    const [acme, globex] = report.reputation.brands;
    expect(acme?.tone).toEqual({ positive: 4, neutral: 2, negative: 3, balance: 1 / 9 });
    expect(globex?.mentions.value).toBe(2);
    expect(globex?.tone).toEqual({ positive: 1, neutral: 0, negative: 1, balance: 0 });
    // Globex: 16 words (m3 + m7), the other 50 in the rest; "timetable" 3 times there, never elsewhere.
    // G² = 2·3·ln(3 / (16·3/66)) = 8.5024; "strike" (3 vs 2, G² 2.88) is under the 3.84 cut.
    expect(globex?.keyTerms.map((k) => [k.term, k.count, Number(k.logLikelihood.toFixed(4)), k.ratePerTenThousand, k.referenceRatePerTenThousand])).toEqual([['timetable', 3, 8.5024, 1875, 0]]);
    expect(globex?.keyTerms[0]?.trace.query).toBe('brand:globex AND timetable');
    // Acme is in 9 of the 10 mentions: no word of it stands out from the one left.
    expect(acme?.keyTerms).toEqual([]);
    // Strikes: 3 of Acme's 9 mentions, 0 of the 1 other: G² = 2·3·ln(3 / 2.7).
    expect(acme?.keyThemes.map((k) => [k.term, k.count, Number(k.logLikelihood.toFixed(4))])).toEqual([['Strikes', 3, Number((6 * Math.log(3 / 2.7)).toFixed(4))]]);
    expect(report.reputation.people).toMatchObject([{ id: 'claire-dubois', mentions: { value: 1 }, tone: { positive: 1, negative: 0, balance: 1 } }]);
  });

  it('presence: volume per day, channels against the company voice, languages', () => {
    const p = report.presence;
    expect(p.volume.map((d) => d.count)).toEqual([2, 0, 4, 0, 0, 2, 1]);
    expect(p.volume.map((d) => d.ownVoice)).toEqual([0, 0, 1, 0, 0, 1, 0]);
    expect(p.channels.map((c) => [c.channel, c.mentions.value, c.ownVoice.value, c.absent])).toEqual([
      ['social', 5, 2, false],
      ['news', 3, 0, true],
      ['blog', 1, 0, true],
    ]);
    expect(p.channels[1]?.ownVoice.trace.query).toBe('brand:acme AND channel:news AND source:acme-social');
    expect(p.languages.map((l) => [l.key, l.count.value])).toEqual([['fr', 9]]);
  });

  it('influence: share of voice, tier-1 coverage, how far own messages travel', () => {
    const i = report.influence;
    expect(i.shareOfVoice.map((s) => [s.key, s.count.value, Number(s.share.toFixed(4))])).toEqual([['acme', 9, 0.8182], ['globex', 2, 0.1818]]);
    expect(i.tier1.value).toBe(3); // m1, m3, m10 from news-1 (tier 1)
    // m6 (alone) and s8 (m8, echoed once by m9).
    expect([i.ownMessages.stories.value, i.ownMessages.amplified, i.ownMessages.amplifiers]).toEqual([2, 1, 1]);
  });

  it('mobilisation: relays classed, who broke and who amplified, targets reached or not', () => {
    const m = report.mobilisation;
    expect(m.sources.map((r) => [r.key, r.kind, r.mentions.value, r.reach, r.broke, r.amplified])).toEqual([
      ['news-1', 'external', 3, 30, 1, 0],
      ['x-src', 'external', 3, 3, 0, 1],
      ['acme-social', 'internal', 2, 4, 1, 0],
      ['blog-a', 'external', 1, 2, 0, 1],
    ]);
    expect(m.stakeholders.map((s) => [s.id, s.kind, s.voice.value, s.visibility?.value ?? null])).toEqual([
      ['acme-account', 'internal', 2, null],
      ['claire', 'internal', 0, 1],
      ['dana', 'target', 1, null],
      ['never', 'target', 0, null],
    ]);
  });

  it('reaction: the negative surge of 03-03 and the first company answer 15 h later', () => {
    // Negatives per day [0,0,3,0,0,0,0]: median 0, threshold max(3, 0) = 3. The volume spike is the same day.
    expect(report.reaction.episodes).toHaveLength(1);
    const e = report.reaction.episodes[0];
    expect(e).toMatchObject({ kind: 'negative', start: '2026-03-03', end: '2026-03-03', peak: 3, baseline: 0, count: { value: 3 } });
    expect(e?.firstAnswer).toMatchObject({ relay: 'Acme account', channel: 'social', hoursAfter: 15 });
  });

  it('reaction: how soon an alert fired, read from the alert history', () => {
    // The surge began 03-03 00:00; acme-negative's first firing after that was at 11:30: 11.5 h.
    // Earlier that day: globex-watch (not Acme), acme-praise (positive only), tier1-gap (silence).
    expect(report.reaction.alertRules).toEqual(['acme-negative', 'acme-praise']);
    expect(report.reaction.episodes[0]?.firstAlert).toEqual({ ruleId: 'acme-negative', headline: 'acme-negative fired', at: '2026-03-03T11:30:00.000Z', hoursAfter: 11.5 });
    const md = renderMarkdown(report);
    expect(md).toContain('First alert: acme-negative, 11.5 h after the start (2026-03-03 11:30 UTC).');
    expect(renderHtml(report)).toContain('First alert: acme-negative, 11.5 h after the start (2026-03-03 11:30 UTC).');
    expect(renderMarkdown({ ...report, language: 'fr' })).toContain('Première alerte: acme-negative, 11,5 h après le début');
    // The workshop question on the surge asks about the alert too.
    expect(md).toContain('The first company voice came 15.0 h later, from Acme account on social; the first alert (acme-negative) came 11.5 h after the start: who answered');
  });

  it('reaction: says so when no alert fired, and when the history was not read', () => {
    expect(quiet.reaction.episodes[0]?.firstAlert).toBeNull();
    expect(renderMarkdown(quiet)).toContain('First alert: no alert fired.');
    expect(renderMarkdown(quiet)).toContain('from Acme account on social; no alert fired: who answered');
    expect(renderHtml(quiet)).toContain('First alert: no alert fired.');
    expect(withoutAlerts.reaction.alertRules).toBeNull();
    expect(renderMarkdown(withoutAlerts)).toContain('First alert: the alert history was not read.');
  });

  it('endurance, notable mentions and questions', () => {
    expect(report.endurance.periods.map((p) => [p.from.slice(0, 10), p.mentions, p.stories, p.reach])).toEqual([
      ['2026-02-08', 1, 1, 1],
      ['2026-02-15', 0, 0, 0],
      ['2026-02-22', 2, 2, 12],
      ['2026-03-01', 9, 7, 39],
    ]);
    expect(report.endurance.trends.find((t) => t.measure === 'mentions')?.trend).toBe('grew');
    // Share of voice: 100 % in the weeks with mentions (Globex absent), 9/11 now: down 18 points.
    expect(report.endurance.trends.find((t) => t.measure === 'share')?.trend).toBe('faded');
    expect(report.notable.positive.map((n) => n.title)[0]).toBe('Acme opens a hydrogen depot');
    expect(report.notable.negative.map((n) => n.title)[0]).toBe('Strike at Acme and Globex');
    // One per story: m2 joins m1's story s1, m9 joins m8's s8; the three negatives are three stories.
    expect(report.notable.positive.map((n) => n.reach)).toEqual([10, 2]);
    expect(report.notable.negative).toHaveLength(3);
    expect(report.questions.map((q) => q.kind)).toEqual(['negative-surge', 'absent-channel', 'absent-channel', 'target-missed', 'messages-unamplified', 'measure-faded']);
  });

  it('renders nine numbered sections in Markdown (##) and HTML (<h2>), every figure traced', () => {
    const md = renderMarkdown(report);
    const headings = md.split('\n').filter((line) => /^## \d\./.test(line));
    expect(headings).toHaveLength(9);
    expect(md).toContain("hubwatch search 'brand:acme' --from 2026-03-01 --to 2026-03-08");
    const html = renderHtml(report);
    expect(html.match(/<h2>\d\./g)).toHaveLength(9);
    const links = [...html.matchAll(/<a class="fig" href="#(q\d+)" title="([^"]+)">/g)];
    expect(links.length).toBeGreaterThan(30);
    for (const [, anchor, command] of links) {
      expect(command).toMatch(/^hubwatch search /);
      expect(html).toContain(`<li id="${anchor}"><code>${command}</code></li>`);
    }
    expect(html).not.toMatch(/<script|src=|url\(|@import/i);
  });

  it('is written in French when asked', async () => {
    const fr = renderMarkdown({ ...report, language: 'fr' });
    expect(fr).toContain('## 3. Être présent');
    expect(fr).toContain('## 9. Questions pour l’atelier');
  });
});
