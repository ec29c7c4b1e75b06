import { expect, it } from 'vitest';
import type { Mention } from '../../src/core/mention.js';
import type { AggregationScope, MentionIndex, TermBucket } from '../../src/index/mention-index.js';
import { seededRandom } from '../../src/samples/seeded.js';
import { parseQuery } from '../../src/index/query/parse.js';
import { brand, idOf, mention } from './fixtures.js';

const HOUR_MS = 3_600_000;
const START = Date.parse('2026-04-01T00:00:00.000Z');

/** 60 mentions over four UTC days, at uneven minutes: several sources, authors, stories, shares and brands. */
function spread(): Mention[] {
  const random = seededRandom(5);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const brands = [brand('acme', 'Acme'), brand('globex', 'Globex'), brand('initech', 'Initech')];
  const lead = mention('lead', { sourceId: 'src-a', sourceName: 'A', publishedAt: new Date(START + 30 * HOUR_MS).toISOString() });
  const rest = Array.from({ length: 59 }, (_, i) => {
    const name = `w-${i}`;
    const sourceId = pick(['src-a', 'src-b', 'src-c', 'src-d']);
    const extra = random() < 0.3 ? pick(['src-e', 'src-b']) : null;
    const story = pick([null, null, 'story-1', 'story-2', 'story-3', 'story-4', idOf('lead')]);
    return mention(name, {
      sourceId,
      sourceName: sourceId.toUpperCase(),
      ...(extra && extra !== sourceId ? { sources: [{ id: sourceId, name: sourceId.toUpperCase() }, { id: extra, name: extra.toUpperCase() }] } : {}),
      author: pick([null, 'Ann', 'Bob', 'Cyd', 'Dee']),
      storyId: story,
      ...(story !== null && random() < 0.3 ? { sharedUrl: lead.url! } : {}),
      entities: brands.filter(() => random() < 0.5),
      sentiment: pick([{ score: 0.5, label: 'positive' }, { score: -0.5, label: 'negative' }, { score: 0, label: 'neutral' }] as const),
      // Minutes apart at random: no two mentions share a time stamp.
      publishedAt: new Date(START + i * 97 * 60_000 + Math.floor(random() * 90) * 60_000).toISOString(),
    });
  });
  return [lead, ...rest];
}

/** The windows asked: on and off day boundaries, inside one day, across one, open at either end. */
const WINDOWS: { from?: string; to?: string }[] = [
  {},
  { from: '2026-04-01T00:00:00Z', to: '2026-04-03T00:00:00Z' },
  { from: '2026-04-01T13:17:00Z', to: '2026-04-03T05:41:00Z' },
  { from: '2026-04-02T03:00:00Z', to: '2026-04-02T20:00:00Z' },
  { from: '2026-04-01T23:30:00Z', to: '2026-04-02T00:30:00Z' },
  { from: '2026-04-02T11:00:00Z' },
  { to: '2026-04-02T11:00:00Z' },
];

const byCount = (a: TermBucket, b: TermBucket): number => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function counted(keys: string[]): TermBucket[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort(byCount);
}

/** What every answer should be, counted plainly from the mentions the index holds. */
function expected(held: readonly Mention[], window: { from?: string; to?: string }, size: number) {
  const inside = held.filter((m) => (!window.from || m.publishedAt >= new Date(window.from).toISOString()) && (!window.to || m.publishedAt < new Date(window.to).toISOString()));
  const sourcesOf = (m: Mention): string[] => [...new Set([m.sourceId, ...(m.sources ?? []).map((s) => s.id)])];
  const stories = new Map<string, Mention[]>();
  for (const m of inside) stories.set(m.storyId ?? m.id, [...(stories.get(m.storyId ?? m.id) ?? []), m]);
  const ranked = [...stories].map(([storyId, members]) => {
    const first = members.map((m) => m.publishedAt).sort()[0]!;
    const origin = [...members].sort((a, b) => Number(a.sharedUrl !== undefined) - Number(b.sharedUrl !== undefined) || a.publishedAt.localeCompare(b.publishedAt) || (a.id < b.id ? -1 : 1))[0]!;
    return { storyId, count: members.length, amplifiers: members.filter((m) => m.sharedUrl !== undefined).length, first, origin: origin.id };
  });
  ranked.sort((a, b) => b.count - a.count || a.first.localeCompare(b.first) || (a.storyId < b.storyId ? -1 : 1));
  return {
    sources: counted(inside.flatMap(sourcesOf)).slice(0, size),
    authors: counted(inside.flatMap((m) => (m.author === null ? [] : [m.author]))).slice(0, size),
    brands: counted(inside.flatMap((m) => m.entities.filter((e) => e.kind === 'brand').map((e) => e.id))),
    stories: ranked.slice(0, size).map(({ first: _first, ...rest }) => rest),
    acmeNegative: inside.filter((m) => m.sentiment.label === 'negative' && m.entities.some((e) => e.kind === 'brand' && e.id === 'acme')).length,
  };
}

async function answers(index: MentionIndex, window: { from?: string; to?: string }, size: number) {
  const scope: AggregationScope = { query: null, ...(window.from ? { from: new Date(window.from) } : {}), ...(window.to ? { to: new Date(window.to) } : {}) };
  return {
    sources: await index.topTerms({ ...scope, dimension: 'source', size }),
    authors: await index.topTerms({ ...scope, dimension: 'author', size }),
    brands: await index.shareOfVoice(scope),
    stories: (await index.topStories({ ...scope, size })).map((s) => ({ storyId: s.storyId, count: s.count, amplifiers: s.amplifiers, origin: s.origin.id })),
    acmeNegative: (await index.search({ ...scope, query: parseQuery('brand:acme AND sentiment:negative'), sort: 'date', limit: 1 })).total,
  };
}

/**
 * Contract cases on the top lists over time windows (top sources, authors, stories, share of
 * voice, and a brand's mentions of one sentiment): windows that do not fall on UTC day boundaries count exactly the mentions inside them,
 * and the answers follow edits (a mention moved to another day, another author, story or sentiment) and
 * retention cut in the middle of a day. Called inside `describeMentionIndexContract`.
 */
export function windowCases(index: () => MentionIndex): void {
  async function check(held: readonly Mention[]): Promise<void> {
    for (const window of WINDOWS) {
      for (const size of [3, 20]) {
        expect({ window, size, ...(await answers(index(), window, size)) }).toEqual({ window, size, ...expected(held, window, size) });
      }
    }
  }

  it('counts the top lists of a window exactly, whole days or not, through edits and retention', async () => {
    const mentions = spread();
    await index().upsert(mentions);
    await check(mentions);
    // Edits: other days, authors, stories and shares; one that joins the lead's story, one that leaves it.
    const edited = mentions.map((m, i) =>
      i % 7 === 3
        ? { ...m, publishedAt: new Date(Date.parse(m.publishedAt) + 26 * HOUR_MS).toISOString(), author: m.author === null ? 'Eve' : null, storyId: i % 2 ? idOf('lead') : 'story-9', sentiment: m.sentiment.label === 'negative' ? { score: 0.5, label: 'positive' as const } : { score: -0.5, label: 'negative' as const }, text: `${m.text} (edited)` }
        : m,
    );
    await index().upsert(edited.filter((_, i) => i % 7 === 3));
    await check(edited);
    const cutoff = '2026-04-02T09:30:00.000Z';
    const kept = edited.filter((m) => m.publishedAt >= cutoff);
    expect(await index().deleteOlderThan(new Date(cutoff))).toBe(edited.length - kept.length);
    await check(kept);
  });
}
