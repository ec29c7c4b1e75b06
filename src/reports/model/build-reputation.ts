import type { Brand } from '../../config/watchlist.js';
import type { BrandReputation, ChannelRow, CountRow, PersonReputation, ShareRow } from '../report-model.js';
import type { ReportCollector } from './collector.js';
import { keyTerms } from './keyness.js';
import { and, fold, queryValue } from './relays.js';
import type { ReportPlan } from './report-plan.js';
import type { Tracer } from './traces.js';

const KEY_TERMS = 10;

/** Words that name the brand itself or the watchlist's people: trivially key, left out. */
function ownWords(brand: Brand, people: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const name of [brand.name, ...brand.aliases, ...brand.products, ...people]) {
    for (const w of name.toLowerCase().match(/[\p{L}][\p{L}\p{N}]*/gu) ?? []) words.add(w);
  }
  return words;
}

/** Tone and key terms and themes per brand, tone per person. */
export function buildReputation(plan: ReportPlan, c: ReportCollector, t: Tracer): { brands: BrandReputation[]; people: PersonReputation[] } {
  const topicNames = new Map(plan.topics.map((topic) => [topic.id, topic.name]));
  const own = new Set(plan.brands.map((b) => b.id));
  const personNames = plan.people.flatMap((p) => [p.name, ...p.aliases]);
  const ids = new Map(c.vocabulary.words.map((word, id) => [word, id]));
  const background = { get: (term: string) => { const id = ids.get(term); return id === undefined ? undefined : c.background.count(id); } };
  const brands = [...plan.brands, ...plan.competitors].map((brand): BrandReputation => {
    const tally = c.brands.get(brand.id);
    const brandQuery = `brand:${queryValue(brand.id)}`;
    const words = tally
      ? keyTerms(tally.words.toMap(c.vocabulary), tally.words.total, background, c.background.total, { size: KEY_TERMS, minCount: 3, minScore: 3.84, exclude: ownWords(brand, personNames) })
      : [];
    const themes = tally
      ? keyTerms(tally.themes, tally.mentions, c.backgroundThemes, c.backgroundMentions, { size: 5, minCount: 2, minScore: 0, exclude: new Set() })
      : [];
    return {
      id: brand.id,
      name: brand.name,
      own: own.has(brand.id),
      mentions: t.figure(tally?.mentions ?? 0, brandQuery),
      tone: (tally?.tone ?? { tone: () => ({ positive: 0, neutral: 0, negative: 0, balance: 0 }) }).tone(),
      keyTerms: words.map((k) => ({
        term: k.term, count: k.count, ratePerTenThousand: k.rate * 10_000, referenceRatePerTenThousand: k.referenceRate * 10_000, logLikelihood: k.logLikelihood,
        trace: t.trace(and(brandQuery, queryValue(k.term))),
      })),
      keyThemes: themes.map((k) => ({
        term: topicNames.get(k.term) ?? k.term, count: k.count, ratePerTenThousand: k.rate * 10_000, referenceRatePerTenThousand: k.referenceRate * 10_000, logLikelihood: k.logLikelihood,
        trace: t.trace(and(brandQuery, `topic:${queryValue(k.term)}`)),
      })),
    };
  });
  const people = plan.people
    .map((person): PersonReputation => {
      const tally = c.people.get(person.id);
      return {
        id: person.id, name: person.name, role: person.role, organisation: person.organisation ?? null,
        mentions: t.figure(tally?.count ?? 0, `person:${queryValue(person.id)}`),
        tone: tally ? tally.tone.tone() : { positive: 0, neutral: 0, negative: 0, balance: 0 },
      };
    })
    .sort((a, b) => b.mentions.value - a.mentions.value || a.name.localeCompare(b.name));
  return { brands, people };
}

/** Volume per day, channels against the company's own voice, languages. */
export function buildPresence(plan: ReportPlan, c: ReportCollector, t: Tracer, ownVoiceQuery: string | null): {
  volume: { day: string; count: number; ownVoice: number }[];
  channels: ChannelRow[];
  languages: CountRow[];
} {
  const start = c.periodStart();
  const volume = c.days.map((d, i) => ({ day: new Date(start + i * 86_400_000).toISOString().slice(0, 10), count: d.count, ownVoice: d.own }));
  const channels = [...c.channels.entries()]
    .map(([channel, n]): ChannelRow => ({
      channel,
      mentions: t.figure(n.mentions, and(plan.scopeQuery, `channel:${channel}`)),
      ownVoice: t.figure(n.own, ownVoiceQuery ? and(and(plan.scopeQuery, `channel:${channel}`), ownVoiceQuery) : and(plan.scopeQuery, `channel:${channel}`)),
      absent: n.mentions > 0 && n.own === 0,
    }))
    .sort((a, b) => b.mentions.value - a.mentions.value || a.channel.localeCompare(b.channel));
  const languages = [...c.languages.entries()]
    .map(([key, count]): CountRow => ({ key, label: key, count: t.figure(count, key === 'unknown' ? plan.scopeQuery : and(plan.scopeQuery, `lang:${queryValue(key)}`)) }))
    .sort((a, b) => b.count.value - a.count.value || a.key.localeCompare(b.key));
  return { volume, channels, languages };
}

/** Shares of voice from the index's brand counts, the report's brands first among equals. */
export function buildShares(plan: ReportPlan, counts: readonly { key: string; count: number }[], t: Tracer): ShareRow[] {
  const names = new Map([...plan.brands, ...plan.competitors].map((b) => [b.id, b.name]));
  const own = new Set(plan.brands.map((b) => b.id));
  const total = counts.reduce((sum, row) => sum + row.count, 0);
  return counts.map((row) => ({
    key: row.key, label: names.get(row.key) ?? row.key, own: own.has(row.key), share: total === 0 ? 0 : row.count / total,
    count: t.figure(row.count, `brand:${queryValue(row.key)}`),
  }));
}

/** Folded author names, for matching `author:` values. */
export { fold };
