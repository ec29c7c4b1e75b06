import { STOPWORDS } from './stopwords.js';

/** Per UTF-16 unit: 0 not yet classed, 1 letter, 2 digit, 3 neither (filled as met). */
const CLASSES = new Uint8Array(65_536);
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;

function classOf(code: number): number {
  let c = CLASSES[code] as number;
  if (c === 0) {
    // Surrogate halves are neither: letters outside the BMP are too rare to pay for.
    const char = code >= 0xd800 && code <= 0xdfff ? '' : String.fromCharCode(code);
    c = char !== '' && LETTER.test(char) ? 1 : char !== '' && DIGIT.test(char) ? 2 : 3;
    CLASSES[code] = c;
  }
  return c;
}

/**
 * Words of texts as keyness counts them: in lower case, runs of letters and digits from their first
 * letter, 3 or more long, function words left out. Each word gets a small integer id once, so that
 * counting it is an array increment. A pre-read counts every word of every mention of its period,
 * so the scan hashes words as it reads them and finds known ones in its own open-addressing table
 * without cutting a string out of the text (a global regular expression and a Map of sliced
 * strings cost 2.5x more here).
 */
export class Vocabulary {
  readonly words: string[] = [];
  private readonly hashes: number[] = [];
  private readonly stop: boolean[] = [];
  private table = new Int32Array(1 << 16);

  constructor() {
    for (const word of STOPWORDS) {
      const lower = word.toLowerCase();
      this.insert(lower, 0, lower.length, hashOf(lower, 0, lower.length), true);
    }
  }

  private insert(text: string, start: number, end: number, hash: number, stop: boolean): number {
    if ((this.words.length + 1) * 2 > this.table.length) this.grow();
    const id = this.words.push(text.slice(start, end)) - 1;
    this.hashes.push(hash);
    this.stop.push(stop);
    const mask = this.table.length - 1;
    let slot = hash & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = id + 1;
    return id;
  }

  private grow(): void {
    this.table = new Int32Array(this.table.length * 2);
    const mask = this.table.length - 1;
    this.hashes.forEach((hash, id) => {
      let slot = hash & mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & mask;
      this.table[slot] = id + 1;
    });
  }

  private find(text: string, start: number, end: number, hash: number): number {
    const mask = this.table.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot] as number;
      if (entry === 0) return this.insert(text, start, end, hash, false);
      const id = entry - 1;
      const word = this.words[id] as string;
      if (this.hashes[id] === hash && word.length === length && text.startsWith(word, start)) return id;
    }
  }

  /** Writes the ids of a text's words into `out` (reused) and returns how many there are. */
  tokens(text: string, out: number[]): number {
    const lower = text.toLowerCase();
    const length = lower.length;
    let n = 0;
    let i = 0;
    while (i < length) {
      // Skip to the next letter; a word never starts with a digit.
      while (i < length && (CLASSES[lower.charCodeAt(i)] || classOf(lower.charCodeAt(i))) !== 1) i += 1;
      const start = i;
      let hash = 0x811c9dc5;
      while (i < length) {
        const code = lower.charCodeAt(i);
        if ((CLASSES[code] || classOf(code)) === 3) break;
        hash = Math.imul(hash ^ code, 0x01000193);
        i += 1;
      }
      if (i - start < 3) continue;
      const id = this.find(lower, start, i, hash >>> 0);
      if (!this.stop[id]) out[n++] = id;
    }
    return n;
  }
}

/** FNV-1a over UTF-16 units, as `tokens` computes it while scanning. */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Occurrences per word id, and their total. */
export class WordCounts {
  private data = new Int32Array(4096);
  total = 0;

  add(ids: readonly number[], n: number): void {
    for (let i = 0; i < n; i += 1) {
      const id = ids[i] as number;
      if (id >= this.data.length) {
        const grown = new Int32Array(Math.max(id + 1, this.data.length * 2));
        grown.set(this.data);
        this.data = grown;
      }
      this.data[id] = (this.data[id] as number) + 1;
    }
    this.total += n;
  }

  count(id: number): number {
    return id >= 0 && id < this.data.length ? (this.data[id] as number) : 0;
  }

  /** The counted words by name (for the few targets keyness is computed on). */
  toMap(vocabulary: Vocabulary): Map<string, number> {
    const out = new Map<string, number>();
    const limit = Math.min(this.data.length, vocabulary.words.length);
    for (let id = 0; id < limit; id += 1) if ((this.data[id] as number) > 0) out.set(vocabulary.words[id] as string, this.data[id] as number);
    return out;
  }
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
  background: { get(term: string): number | undefined },
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
