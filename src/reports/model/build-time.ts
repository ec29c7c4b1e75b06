import type { Episode, MentionRef, PeriodFigures, PreReadReport, StoryRef, Trend } from '../report-model.js';
import type { Kept, PeriodTally, ReportCollector } from './collector.js';
import { firstAlert, type AlertEvidence } from './alert-cover.js';
import { and } from './relays.js';
import type { ReportPlan } from './report-plan.js';
import { findRuns } from './spikes.js';
import type { Tracer } from './traces.js';

const DAY_MS = 86_400_000;
const MAX_EPISODES = 4;

function topStories(c: ReportCollector, kept: readonly Kept[]): StoryRef[] {
  const counts = new Map<string, { first: Kept; count: number }>();
  for (const k of kept) {
    const entry = counts.get(k.story) ?? { first: k, count: 0 };
    entry.count += 1;
    counts.set(k.story, entry);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[1].first.published - b[1].first.published)
    .slice(0, 3)
    .map(([story, { first, count }]) => {
      const origin = c.origins.get(story);
      return { title: origin?.title ?? first.title, url: origin?.url ?? first.url, source: origin?.sourceName ?? first.sourceName, count };
    });
}

/** Spikes of volume and surges of negative mentions, with their stories, the company's first answer and the first alert. */
export function buildReaction(plan: ReportPlan, c: ReportCollector, t: Tracer, alerts: AlertEvidence | null): Episode[] {
  const start = c.periodStart();
  const end = start + c.days.length * DAY_MS;
  const day = (i: number): string => new Date(start + i * DAY_MS).toISOString().slice(0, 10);
  const episodes: Episode[] = [];
  for (const kind of ['negative', 'spike'] as const) {
    const runs = findRuns(c.days.map((d) => (kind === 'spike' ? d.count : d.negative)));
    for (const run of runs) {
      const from = start + run.startIndex * DAY_MS;
      const to = Math.min(end, start + (run.endIndex + 1) * DAY_MS);
      const inRun = c.kept.filter((k) => k.published >= from && k.published < to && (kind === 'spike' || k.label === 'negative'));
      const answer = c.kept.find((k) => k.published >= from && k.kind === 'internal');
      const query = kind === 'spike' ? plan.scopeQuery : and(plan.scopeQuery, 'sentiment:negative');
      episodes.push({
        kind, start: day(run.startIndex), end: day(run.endIndex), peak: run.peak, baseline: run.baseline,
        count: t.figure(inRun.length, query, { from: new Date(from), to: new Date(to) }),
        stories: topStories(c, inRun),
        firstAnswer: answer
          ? { relay: answer.stakeholder?.name ?? answer.sourceName, channel: answer.channel, at: new Date(answer.published).toISOString(), hoursAfter: (answer.published - from) / 3_600_000, title: answer.title, url: answer.url }
          : null,
        firstAlert: alerts ? firstAlert(alerts, kind, from, to) : null,
      });
    }
  }
  // Negative surges first (they are what the workshop rehearses), then volume spikes that are not the same days.
  const seen = new Set<string>();
  return episodes.filter((e) => {
    const key = `${e.start}/${e.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, MAX_EPISODES);
}

function trend(values: readonly number[], absolute: boolean, counted?: readonly boolean[]): Trend {
  const current = values[values.length - 1] ?? 0;
  // A rate (tone, share) of a period without mentions is no figure: it is left out of the mean.
  const earlier = values.slice(0, -1).filter((_v, i) => counted?.[i] !== false);
  const before = earlier.length === 0 ? current : earlier.reduce((a, b) => a + b, 0) / earlier.length;
  if (absolute) return current - before >= 0.1 ? 'grew' : before - current >= 0.1 ? 'faded' : 'lasted';
  if (before === 0) return current > 0 ? 'grew' : 'lasted';
  const ratio = current / before;
  return ratio >= 1.2 ? 'grew' : ratio <= 0.8 ? 'faded' : 'lasted';
}

/** The key figures of each period, and what grew, lasted or faded. */
export function buildEndurance(plan: ReportPlan, periods: readonly PeriodTally[]): PreReadReport['endurance'] {
  const figures = periods.map((p, i): PeriodFigures => ({
    from: (plan.periods[i] as { from: Date }).from.toISOString(),
    to: (plan.periods[i] as { to: Date }).to.toISOString(),
    mentions: p.mentions, stories: p.stories.size, reach: p.reach, balance: p.tone.tone().balance,
    share: p.allBrandHits === 0 ? 0 : p.ownBrandHits / p.allBrandHits,
  }));
  const measures = ['mentions', 'stories', 'reach', 'balance', 'share'] as const;
  const counted = figures.map((f) => f.mentions > 0);
  const trends = measures.map((measure) => {
    const rate = measure === 'balance' || measure === 'share';
    return { measure, trend: trend(figures.map((f) => f[measure]), rate, rate ? counted : undefined) };
  });
  const themes = plan.topics
    .map((topic) => ({ name: topic.name, counts: periods.map((p) => p.themes.get(topic.id) ?? 0) }))
    .filter((theme) => theme.counts.some((n) => n > 0))
    .map((theme) => ({ ...theme, trend: trend(theme.counts, false) }));
  return { periods: figures, trends, themes };
}

function ref(k: Kept): MentionRef {
  return { title: k.title, url: k.url, source: k.sourceName, author: k.author, channel: k.channel, publishedAt: new Date(k.published).toISOString(), reach: k.reach, score: k.score };
}

/** The most reached positive and negative mentions, one per story (ties: the stronger tone, then the earlier). */
export function buildNotable(c: ReportCollector): PreReadReport['notable'] {
  const pick = (label: 'positive' | 'negative'): MentionRef[] => {
    const stories = new Set<string>();
    return c.kept
      .filter((k) => k.label === label)
      .sort((a, b) => b.reach - a.reach || Math.abs(b.score) - Math.abs(a.score) || a.published - b.published)
      .filter((k) => !stories.has(k.story) && stories.add(k.story) !== undefined)
      .slice(0, 5)
      .map(ref);
  };
  return { positive: pick('positive'), negative: pick('negative') };
}
