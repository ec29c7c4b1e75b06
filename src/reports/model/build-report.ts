import type { Compared, PreReadReport } from '../report-model.js';
import { buildPresence, buildReputation, buildShares } from './build-reputation.js';
import { buildMobilisation, buildReach } from './build-influence.js';
import { buildEndurance, buildNotable, buildReaction } from './build-time.js';
import type { AlertEvidence } from './alert-cover.js';
import type { ReportCollector } from './collector.js';
import { drawQuestions } from './questions.js';
import { voiceQuery } from './relays.js';
import { currentPeriod, type Period, type ReportPlan } from './report-plan.js';
import { Tracer } from './traces.js';

/** The query of everything the company's internal relays published, or null when none is listed. */
export function ownVoiceQuery(plan: Pick<ReportPlan, 'stakeholders'>): string | null {
  const parts = plan.stakeholders.filter((s) => s.kind === 'internal').map(voiceQuery).filter((q): q is string => q !== null);
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
}

/**
 * The pre-read from what the scan collected and the index's brand counts (share of voice), as
 * plain data; renderers only word and lay it out. `alerts`: what fired (null: the history was not read).
 */
export function buildPreRead(plan: ReportPlan, c: ReportCollector, shareCounts: readonly { key: string; count: number }[], alerts: AlertEvidence | null = null): PreReadReport {
  const period = currentPeriod(plan);
  const previous = plan.periods[plan.periods.length - 2] as Period;
  const t = new Tracer(period);
  const now = c.periods[c.periods.length - 1];
  const before = c.periods[c.periods.length - 2];
  const compare = (value: (p: NonNullable<typeof now>) => number): Compared => ({
    current: t.figure(now ? value(now) : 0, plan.scopeQuery),
    previous: t.figure(before ? value(before) : 0, plan.scopeQuery, previous),
  });
  const own = ownVoiceQuery(plan);
  const report: Omit<PreReadReport, 'questions'> = {
    language: plan.language,
    generatedAt: plan.now.toISOString(),
    window: { from: period.from.toISOString(), to: period.to.toISOString() },
    previousWindow: { from: previous.from.toISOString(), to: previous.to.toISOString() },
    brands: plan.brands.map((b) => ({ id: b.id, name: b.name })),
    scopeQuery: plan.scopeQuery,
    empty: (now?.mentions ?? 0) === 0,
    summary: {
      mentions: compare((p) => p.mentions),
      stories: compare((p) => p.stories.size),
      reach: compare((p) => p.reach),
      balance: compare((p) => p.tone.tone().balance),
    },
    reputation: buildReputation(plan, c, t),
    presence: buildPresence(plan, c, t, own),
    influence: { shareOfVoice: buildShares(plan, shareCounts, t), ...buildReach(plan, c, t, own) },
    mobilisation: buildMobilisation(plan, c, t),
    reaction: { episodes: buildReaction(plan, c, t, alerts), alertRules: alerts ? alerts.rules.map((r) => r.id) : null },
    endurance: buildEndurance(plan, c.periods),
    notable: buildNotable(c),
  };
  return { ...report, questions: drawQuestions(report) };
}
