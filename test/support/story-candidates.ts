import { watchlistSchema } from '../../src/config/watchlist.js';
import { createEnricher } from '../../src/enrich/create-enricher.js';
import type { StoryCandidate } from '../../src/enrich/story-memory.js';
import { seededRandom } from '../../src/samples/seeded.js';

const WORDS = (
  'acme orange merger board deal regulators brussels unions jobs paris outage network operator software update ' +
  'customers signal inquiry compensation revenue forecasts cloud demand shares outlook energy margins factories ' +
  'germany poland rail workers pensions trains minister commuters buses reform strike holidays bank rates inflation ' +
  'housing market prices tenants council budget schools teachers hospital nurses vaccine trial results patients'
).split(' ');


/**
 * `count` candidates drawn from `stories` made-up articles: each candidate is a copy of one of them,
 * sometimes cut or with a word changed, published within a few days; a few have no signature.
 * Deterministic for a seed.
 */
export function storyCandidates(count: number, stories: number, seed = 15): StoryCandidate[] {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const articles = Array.from({ length: stories }, () => Array.from({ length: 60 }, () => pick(WORDS)));
  const enricher = createEnricher(watchlistSchema.parse({}), { frenchModel: false });
  const start = Date.parse('2026-03-01T00:00:00.000Z');
  return Array.from({ length: count }, (_, i) => {
    const words = [...pick(articles)];
    if (next() < 0.3) words.splice(Math.floor(words.length * 0.6));
    if (next() < 0.3) words[Math.floor(next() * words.length)] = pick(WORDS);
    const publishedAt = new Date(start + Math.floor(next() * 10 * 86_400_000)).toISOString();
    const signature = next() < 0.05 ? null : (enricher.enrich({ title: '', text: words.join(' ') }).signature ?? null);
    return { id: `m${i}`, signature, publishedAt };
  });
}
