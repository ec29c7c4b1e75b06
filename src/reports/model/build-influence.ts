import type { Figure, OwnMessage, RelayRow, StakeholderRow } from '../report-model.js';
import type { Kept, ReportCollector } from './collector.js';
import { and, queryValue, visibilityQuery, voiceQuery } from './relays.js';
import type { ReportPlan } from './report-plan.js';
import type { RelayTally } from './tally.js';
import type { Tracer } from './traces.js';

const TOP_RELAYS = 10;

/** Tier-1 coverage and how far the company's own messages travel. */
export function buildReach(plan: ReportPlan, c: ReportCollector, t: Tracer, ownVoiceQuery: string | null): {
  tier1: Figure;
  tier1Sources: string[];
  ownMessages: { stories: Figure; amplified: number; amplifiers: number; top: OwnMessage[] };
} {
  const tier1Query = plan.tier1Sources.length === 0 ? and(plan.scopeQuery, 'source:none') : and(plan.scopeQuery, `(${plan.tier1Sources.map((id) => `source:${queryValue(id)}`).join(' OR ')})`);
  const start = c.periodStart();
  const own: OwnMessage[] = [];
  for (const [story, origin] of c.origins) {
    if (origin.kind !== 'internal' || origin.published < start) continue;
    own.push({ title: origin.title, url: origin.url, relay: origin.relay, publishedAt: new Date(origin.published).toISOString(), amplifiers: c.outsideEchoes.get(story) ?? 0 });
  }
  own.sort((a, b) => b.amplifiers - a.amplifiers || a.publishedAt.localeCompare(b.publishedAt));
  return {
    tier1: t.figure(c.tier1, tier1Query),
    tier1Sources: plan.tier1Sources,
    ownMessages: {
      stories: t.figure(own.length, ownVoiceQuery ?? 'source:none'),
      amplified: own.filter((m) => m.amplifiers > 0).length,
      amplifiers: own.reduce((sum, m) => sum + m.amplifiers, 0),
      top: own.slice(0, 5),
    },
  };
}

/** Who broke and who joined the stories of two mentions or more (per source id and per author). */
function storyRoles(c: ReportCollector): void {
  const byStory = new Map<string, Kept[]>();
  for (const k of c.kept) {
    const list = byStory.get(k.story) ?? [];
    list.push(k);
    byStory.set(k.story, list);
  }
  for (const [story, list] of byStory) {
    if (list.length < 2) continue;
    const origin = c.origins.get(story);
    list.forEach((k, i) => {
      const broke = i === 0 && origin?.published === k.published;
      for (const tally of [c.sources.get(k.sourceId), k.author ? c.authors.get(k.author) : undefined]) {
        if (!tally) continue;
        if (broke) tally.broke += 1;
        else tally.amplified += 1;
      }
    });
  }
}

function rows(plan: ReportPlan, c: ReportCollector, t: Tracer, map: Map<string, RelayTally>, field: 'source' | 'author'): RelayRow[] {
  return [...map.entries()]
    .sort((a, b) => b[1].count - a[1].count || b[1].reach - a[1].reach || a[0].localeCompare(b[0]))
    .slice(0, TOP_RELAYS)
    .map(([key, tally]) => {
      const voice = field === 'source' ? c.classifier.kindOfSource(key) : c.classifier.kindOfAuthor(key);
      return {
        key, name: tally.name, kind: voice.kind, stakeholder: voice.stakeholder?.name ?? null,
        mentions: t.figure(tally.count, and(plan.scopeQuery, `${field}:${queryValue(key)}`)),
        reach: tally.reach, tone: tally.tone.tone(), broke: tally.broke, amplified: tally.amplified,
      };
    });
}

/** Top sources and authors, and every configured stakeholder's voice, visibility and tone. */
export function buildMobilisation(plan: ReportPlan, c: ReportCollector, t: Tracer): { sources: RelayRow[]; authors: RelayRow[]; stakeholders: StakeholderRow[] } {
  storyRoles(c);
  const stakeholders = plan.stakeholders.map((s): StakeholderRow => {
    const v = c.voices.get(s.id);
    const voice = voiceQuery(s);
    const visibility = visibilityQuery(s);
    return {
      id: s.id, name: s.name, kind: s.kind,
      voice: t.figure(v?.count ?? 0, voice ? and(plan.scopeQuery, voice) : 'source:none'),
      visibility: visibility ? t.figure(v?.visibility ?? 0, visibility) : null,
      tone: v ? v.tone.tone() : { positive: 0, neutral: 0, negative: 0, balance: 0 },
      channels: v ? [...v.channels].sort() : [],
    };
  });
  return { sources: rows(plan, c, t, c.sources, 'source'), authors: rows(plan, c, t, c.authors, 'author'), stakeholders };
}
