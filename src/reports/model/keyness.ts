import { STOPWORDS } from './stopwords.js';

/** Words of a text as keyness counts them: lower-case runs of letters, 3+ long, no function words. */
export function countWords(text: string, into: Map<string, number>): number {
  let total = 0;
  for (const match of text.toLowerCase().matchAll(/[\p{L}][\p{L}\p{N}]{2,}/gu)) {
    const word = match[0];
    if (STOPWORDS.has(word)) continue;
    into.set(word, (into.get(word) ?? 0) + 1);
    total += 1;
  }
  return total;
}

function xlnx(x: number, e: number): number {
  return x === 0 ? 0 : x * Math.log(x / e);
}

/**
 * Dunning's log-likelihood G² of a word seen `a` times in a target of `c` words and `b` times in a
 * reference of `d` words: how surprising the difference in rates is (3.84 is p < 0.05, 6.63 is
 * p < 0.01, 10.83 is p < 0.001 on one degree of freedom).
 */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  if (c === 0 || d === 0) return 0;
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  return 2 * (xlnx(a, e1) + xlnx(b, e2));
}

export interface Keyness {
  term: string;
  count: number;
  rate: number;
  referenceRate: number;
  logLikelihood: number;
}

/**
 * The words over-represented in a target against a reference (the rest of the period), by G²,
 * most key first; only words seen `minCount` times or more, above `minScore`, and not excluded.
 */
export function keyTerms(
  target: ReadonlyMap<string, number>,
  targetTotal: number,
  background: ReadonlyMap<string, number>,
  backgroundTotal: number,
  options: { size: number; minCount: number; minScore: number; exclude: ReadonlySet<string> },
): Keyness[] {
  const referenceTotal = backgroundTotal - targetTotal;
  const out: Keyness[] = [];
  for (const [term, a] of target) {
    if (a < options.minCount || options.exclude.has(term)) continue;
    const b = Math.max(0, (background.get(term) ?? a) - a);
    const rate = a / targetTotal;
    const referenceRate = referenceTotal > 0 ? b / referenceTotal : 0;
    if (rate <= referenceRate) continue;
    const score = logLikelihood(a, b, targetTotal, referenceTotal);
    if (score < options.minScore) continue;
    out.push({ term, count: a, rate, referenceRate, logLikelihood: score });
  }
  out.sort((x, y) => y.logLikelihood - x.logLikelihood || y.count - x.count || (x.term < y.term ? -1 : 1));
  return out.slice(0, options.size);
}
