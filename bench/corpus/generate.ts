import { createHash } from 'node:crypto';
import type { EntityMatch, Mention, SentimentLabel } from '../../src/core/mention.js';

/** mulberry32: a small, fast, seedable PRNG, so every run generates the same corpus. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Samples ranks 0..n-1 with probability ∝ 1/(rank+1)^s, by binary search on the CDF. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    total += 1 / (i + 1) ** s;
    cdf[i] = total;
  }
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'te', 'su', 'no', 'vi', 'pe', 'da', 'ri', 'ko', 'ba', 'ne', 'zu', 'fa', 'gi', 'tho', 'lan', 'mer', 'sel', 'tor', 'ven', 'quil', 'é', 'è', 'ou', 'ain'];
const EN = ['the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'with', 'as', 'was', 'by', 'at', 'market', 'company', 'customers', 'service', 'growth'];
const FR = ['le', 'de', 'la', 'et', 'les', 'des', 'en', 'un', 'une', 'du', 'pour', 'dans', 'sur', 'avec', 'par', 'marché', 'société', 'clients', 'service', 'croissance'];
const CHANNELS = ['news', 'news', 'news', 'blog', 'social', 'social', 'forum', 'video'] as const;
const LABELS: SentimentLabel[] = ['positive', 'neutral', 'neutral', 'negative', 'unscored'];
const DAY_MS = 86_400_000;

export const BRANDS = 100;
export const SOURCES = 2000;

/** The word at a vocabulary rank: ranks below 20 are function words, the rest pseudo-words. */
export function word(rank: number, french: boolean): string {
  if (rank < 20) return (french ? FR : EN)[rank] as string;
  let n = rank;
  let text = '';
  do {
    text += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return text;
}

export interface CorpusOptions {
  seed?: number;
  /** Publication span: mentions are spread over this many days ending at `end`. */
  days?: number;
  end?: Date;
  total: number;
}

/**
 * A deterministic corpus of about 1 KB mentions: Zipf(1.07) vocabulary of 50,000 words, 70 % English
 * and 30 % French, 1–3 of 100 Zipf-weighted brands each, 2,000 sources, published in ingestion
 * order over a year (±1 day jitter). Batches come out in order; generation is not timed.
 */
export function* generateCorpus(options: CorpusOptions, batchSize: number): Generator<Mention[]> {
  const random = prng(options.seed ?? 42);
  const words = zipf(50_000, 1.07, random);
  const brands = zipf(BRANDS, 1.0, random);
  const days = options.days ?? 365;
  const end = (options.end ?? new Date('2026-11-01T00:00:00Z')).getTime();
  const start = end - days * DAY_MS;
  let batch: Mention[] = [];
  for (let i = 0; i < options.total; i += 1) {
    const french = random() < 0.3;
    const sentence = (length: number): string => {
      const parts: string[] = [];
      for (let w = 0; w < length; w += 1) parts.push(word(words(), french));
      return parts.join(' ');
    };
    const title = sentence(8);
    let text = '';
    while (text.length < 950) text += `${sentence(10 + Math.floor(random() * 10))}. `;
    const published = start + (i / options.total) * (end - start) + (random() * 2 - 1) * DAY_MS;
    const entities: EntityMatch[] = [];
    const count = 1 + Math.floor(random() * 3);
    const seen = new Set<number>();
    for (let b = 0; b < count; b += 1) {
      const brand = brands();
      if (seen.has(brand)) continue;
      seen.add(brand);
      entities.push({ kind: 'brand', id: `brand-${brand}`, name: `Brand ${brand}`, occurrences: [{ field: 'text', start: 0, end: 7, text: `Brand ${brand}` }] });
    }
    const label = LABELS[Math.floor(random() * LABELS.length)] as SentimentLabel;
    const source = Math.floor(random() * SOURCES);
    const id = createHash('sha256').update(`bench-${options.seed ?? 42}-${i}`).digest('hex').slice(0, 32);
    const at = new Date(Math.min(published, end - 1)).toISOString();
    batch.push({
      id,
      url: `https://source-${source}.example/articles/${i}`,
      canonicalUrl: `https://source-${source}.example/articles/${i}`,
      sourceId: `source-${source}`,
      sourceName: `Source ${source}`,
      channel: CHANNELS[source % CHANNELS.length] as Mention['channel'],
      title,
      text,
      author: random() < 0.7 ? `Author ${Math.floor(random() * 5000)}` : null,
      publishedAt: at,
      fetchedAt: at,
      language: french ? 'fr' : 'en',
      entities,
      sentiment: { score: label === 'positive' ? 0.5 : label === 'negative' ? -0.5 : 0, label },
      storyId: random() < 0.2 ? `story-${Math.floor(i / 10)}` : null,
      signature: null,
      reach: 1,
      audience: null,
      flags: [],
    });
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
