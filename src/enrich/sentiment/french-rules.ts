// Deep import on purpose: `import 'natural'` loads a String subclass that slows the process.
import PorterStemmerFr from 'natural/lib/natural/stemmers/porter_stemmer_fr.js';
import { fold } from '../text/fold.js';
import { loadLexicon } from './load-lexicon.js';
import { isAllCaps, punctuationEmphasis, splitUnit } from './unit-tokens.js';
import type { ValenceRules } from './valence.js';

const B_INCR = 0.293;
const B_DECR = -0.293;
const C_INCR = 0.733;
const N_SCALAR = -0.74;
/** Pattern polarities are on -1..1; VADER valences on -4..4. */
const PATTERN_SCALE = 3;

const BOOSTERS = new Map<string, number>();
for (const word of `tres vraiment trop tellement si hyper extremement totalement completement absolument particulierement
  vachement grave enormement fort franchement carrement profondement hautement incroyablement terriblement
  serieusement`.split(/\s+/)) BOOSTERS.set(word, B_INCR);
for (const word of `peu plutot assez legerement moyennement presque quasi relativement quasiment`.split(/\s+/)) BOOSTERS.set(word, B_DECR);

/** Words that negate a valence within three words after them. "plus" only after "ne". */
const NEGATIONS = new Set(['ne', 'n', 'pas', 'jamais', 'rien', 'aucun', 'aucune', 'sans', 'ni', 'guere', 'nullement', 'non']);
/** The first contrast word weighs what precedes it ×0.5 and what follows ×1.5. */
const CONTRAST = new Set(['mais', 'cependant', 'pourtant', 'toutefois', 'neanmoins']);
const ELISION = /^(?:l|d|j|m|t|s|c|n|qu|jusqu|lorsqu|puisqu|quoiqu)'(.+)$/;

const IDIOMS = new Map<string, number>([
  ['pas terrible', -1.6],
  ['pas mal', 1.5],
  ['pas top', -1.6],
  ['pas genial', -1.6],
  ['pas fameux', -1.6],
  ['pas de souci', 1.0],
  ['pas de probleme', 1.0],
  ['sans probleme', 1.0],
  ['mort de rire', 2.0],
  ['ras le bol', -2.6],
  ['trop bien', 2.8],
  ['trop cool', 2.6],
  ['bien joue', 2.6],
  ['en avoir marre', -2.4],
  ['coup de coeur', 2.6],
  ['a suivre', 0.6],
]);

interface Token {
  word: string;
  raw: string;
}

function tokenise(unit: string): Token[] {
  const tokens: Token[] = [];
  for (const raw of splitUnit(unit)) {
    let word = fold(raw).replace(/^[#@]+/, '');
    let match = ELISION.exec(word);
    while (match) {
      const article = word.slice(0, word.length - match[1]!.length - 1);
      if (article === 'n') tokens.push({ word: 'n', raw: "n'" });
      word = match[1]!;
      match = ELISION.exec(word);
    }
    word = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '') || word;
    tokens.push({ word, raw });
  }
  return tokens;
}

/**
 * French valence rules in VADER's manner, written for this project: the hubwatch French lexicon
 * first, then Pattern's adjectives (scaled to -4..4), then the same by French Porter stem
 * (natural's stemmer, memoised); boosters ("très", "vraiment", "trop") and dampeners ("peu",
 * "plutôt"); negation ("ne ... pas/jamais/plus/rien", "pas", "sans") within three words;
 * idioms ("pas terrible", "pas mal"); contrast ("mais", "cependant", "pourtant"); capitals,
 * "!" and "?". Elisions (l', d', qu', n') are split off; emoticons use the VADER lexicon.
 */
export class FrenchRules implements ValenceRules {
  private readonly lexicon: Map<string, number>;
  private readonly byStem = new Map<string, number>();
  private readonly emoticons: Map<string, number>;
  private readonly stems = new Map<string, string>();

  constructor() {
    this.lexicon = new Map(loadLexicon('fr/hubwatch-fr.tsv'));
    for (const [word, polarity] of loadLexicon('fr/pattern-fr.tsv', fold)) {
      if (!this.lexicon.has(word)) this.lexicon.set(word, polarity * PATTERN_SCALE);
    }
    const sums = new Map<string, { total: number; count: number }>();
    for (const [word, valence] of this.lexicon) {
      const stem = this.stem(word);
      const entry = sums.get(stem) ?? { total: 0, count: 0 };
      entry.total += valence;
      entry.count += 1;
      sums.set(stem, entry);
    }
    for (const [stem, { total, count }] of sums) this.byStem.set(stem, total / count);
    this.emoticons = new Map([...loadLexicon('emoji-valence.tsv'), ...loadLexicon('en/vader-lexicon.tsv')]);
  }

  private stem(word: string): string {
    let stem = this.stems.get(word);
    if (stem === undefined) {
      stem = word.length <= 3 ? word : fold(PorterStemmerFr.stem(word));
      if (this.stems.size < 200_000) this.stems.set(word, stem);
    }
    return stem;
  }

  private valenceOf(token: Token): number | undefined {
    const direct = this.lexicon.get(token.word);
    if (direct !== undefined) return direct;
    if (!/\p{L}/u.test(token.raw)) return this.emoticons.get(token.raw);
    if (token.word.length < 4) return undefined;
    return this.byStem.get(this.stem(token.word));
  }

  valenceSum(unit: string): number {
    const tokens = tokenise(unit);
    const n = tokens.length;
    if (n === 0) return 0;
    const words = tokens.map((t) => t.word);
    let caps = 0;
    for (const token of tokens) if (isAllCaps(token.raw)) caps += 1;
    const capDiff = caps > 0 && caps < n;
    const sentiments = new Float64Array(n);
    let contrast = -1;

    for (let i = 0; i < n; i += 1) {
      const word = words[i]!;
      if (contrast < 0 && CONTRAST.has(word)) contrast = i;
      if (BOOSTERS.has(word) || NEGATIONS.has(word)) continue;
      const idiom = i > 0 ? IDIOMS.get(`${words[i - 1]} ${word}`) ?? (i > 1 ? IDIOMS.get(`${words[i - 2]} ${words[i - 1]} ${word}`) : undefined) : undefined;
      if (idiom !== undefined) {
        sentiments[i] = idiom;
        continue;
      }
      const base = this.valenceOf(tokens[i]!);
      if (base === undefined || base === 0) continue;
      let valence = base;
      if (capDiff && isAllCaps(tokens[i]!.raw)) valence += valence > 0 ? C_INCR : -C_INCR;
      let negated = false;
      for (let back = 1; back <= 3 && i - back >= 0; back += 1) {
        const prior = words[i - back]!;
        const booster = BOOSTERS.get(prior);
        if (booster !== undefined) {
          const decay = back === 1 ? 1 : back === 2 ? 0.95 : 0.9;
          valence += (valence < 0 ? -booster : booster) * decay;
        }
        if (NEGATIONS.has(prior) || (prior === 'plus' && i - back - 1 >= 0 && words.slice(Math.max(0, i - back - 3), i - back).includes('n'))) {
          negated = true;
        }
      }
      if (negated) valence *= N_SCALAR;
      sentiments[i] = valence;
    }

    let sum = 0;
    for (let i = 0; i < n; i += 1) {
      const value = sentiments[i]!;
      sum += contrast < 0 ? value : i < contrast ? value * 0.5 : i > contrast ? value * 1.5 : value;
    }
    if (sum === 0) return 0;
    const emphasis = punctuationEmphasis(unit);
    return sum > 0 ? sum + emphasis : sum - emphasis;
  }
}
