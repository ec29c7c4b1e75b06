import { loadLexicon } from './load-lexicon.js';
import { elongationVariants, isAllCaps, punctuationEmphasis, splitUnit } from './unit-tokens.js';
import type { ValenceRules } from './valence.js';

// VADER's empirically derived constants (Hutto & Gilbert 2014).
const B_INCR = 0.293;
const B_DECR = -0.293;
const C_INCR = 0.733;
const N_SCALAR = -0.74;

const BOOSTERS = new Map<string, number>();
for (const word of `absolutely amazingly awfully completely considerable considerably decidedly deeply effing enormous
  enormously entirely especially exceptional exceptionally extreme extremely fabulously flipping flippin frackin fracking
  fricking frickin frigging friggin fully fuckin fucking fuggin fugging greatly hella highly hugely incredible incredibly
  intensely major majorly more most particularly purely quite really remarkably so substantially thoroughly total totally
  tremendous tremendously uber unbelievably unusually utter utterly very`.split(/\s+/)) BOOSTERS.set(word, B_INCR);
for (const word of `almost barely hardly kinda kindof kind-of less little marginal marginally occasional occasionally partly
  scarce scarcely slight slightly somewhat sorta sortof sort-of`.split(/\s+/)) BOOSTERS.set(word, B_DECR);
const BOOSTER_NGRAMS = new Map<string, number>([
  ['just enough', B_DECR],
  ['kind of', B_DECR],
  ['sort of', B_DECR],
]);

const NEGATIONS = new Set(
  `aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't didn't doesn't dont hadnt hasnt
  havent isnt mightnt mustnt neither don't hadn't hasn't haven't isn't mightn't mustn't neednt needn't never none nope nor
  not nothing nowhere oughtnt shant shouldnt uhuh wasnt werent oughtn't shan't shouldn't uh-uh wasn't weren't without wont
  wouldnt won't wouldn't rarely seldom despite`.split(/\s+/),
);

const IDIOMS = new Map<string, number>([
  ['the shit', 3],
  ['the bomb', 3],
  ['bad ass', 1.5],
  ['badass', 1.5],
  ['bus stop', 0],
  ['yeah right', -2],
  ['kiss of death', -1.5],
  ['to die for', 3],
  ['beating heart', 3.1],
  ['broken heart', -2.9],
]);

/** The words idioms and booster n-grams are made of: units without any skip the idiom check. */
const FUNCTION_WORDS = new Set(['the', 'of', 'to', 'for', 'just']);
const IDIOM_WORDS = new Set(
  [...IDIOMS.keys(), ...BOOSTER_NGRAMS.keys()].flatMap((phrase) => phrase.split(' ')).filter((word) => !FUNCTION_WORDS.has(word)),
);

function wordAt(lower: string[], k: number): string {
  return lower[k] ?? '';
}

function isNegation(lower: string): boolean {
  return NEGATIONS.has(lower) || lower.includes("n't");
}

/**
 * English valence rules after VADER (Hutto & Gilbert 2014), written for this project: the VADER
 * lexicon, boosters and dampeners up to three words before, negation window of three words,
 * "never so/this", "without doubt", "least", "no", idioms, "but" contrast (before ×0.5,
 * after ×1.5), ALL-CAPS emphasis when the text is not all caps, "!" and "?" amplification.
 */
export class EnglishRules implements ValenceRules {
  private readonly lexicon: Map<string, number>;
  /** The lexicon's emoticons (entries without a letter a-z, or short ones with punctuation: ":D"). */
  private readonly emoticons: Set<string>;

  constructor() {
    this.lexicon = new Map([...loadLexicon('emoji-valence.tsv'), ...loadLexicon('en/vader-lexicon.tsv')]);
    this.emoticons = new Set([...this.lexicon.keys()].filter((key) => key.length <= 4 && /[^\p{L}\p{N}\s]/u.test(key)));
  }

  valenceSum(unit: string): number {
    const clauseEnds: boolean[] = [];
    const words = splitUnit(unit, clauseEnds, undefined, this.emoticons);
    const n = words.length;
    if (n === 0) return 0;
    const lexicon = this.lexicon;
    // Lengthened words ("goooood") are read as the word, with emphasis (Brody & Diakopoulos 2011).
    const lengthened = new Uint8Array(n);
    const lower = new Array<string>(n);
    let caps = 0;
    let idiomWords = false;
    for (let k = 0; k < n; k += 1) {
      const word = words[k]!;
      if (isAllCaps(word)) caps += 1;
      let folded = word.toLowerCase();
      if (!lexicon.has(folded) && !BOOSTERS.has(folded)) {
        for (const variant of elongationVariants(folded)) {
          if (lexicon.has(variant) || BOOSTERS.has(variant)) {
            folded = variant;
            lengthened[k] = 1;
            break;
          }
        }
      }
      if (IDIOM_WORDS.has(folded)) idiomWords = true;
      lower[k] = folded;
    }
    const capDiff = caps > 0 && caps < n;
    const sentiments = new Float64Array(n);

    for (let i = 0; i < n; i += 1) {
      const item = lower[i]!;
      if (BOOSTERS.has(item)) continue;
      if (item === 'kind' && lower[i + 1] === 'of') continue;
      const base = lexicon.get(item);
      if (base === undefined) continue;
      let valence = base;
      // "no" as a determiner: no valence of its own before a rated word, and it negates the word
      // right after it (or two after, or "no X or/nor Y"), as VADER 3.3 does.
      if (item === 'no' && i < n - 1 && lexicon.has(lower[i + 1]!)) valence = 0;
      if (
        (i > 0 && lower[i - 1] === 'no') ||
        (i > 1 && lower[i - 2] === 'no') ||
        (i > 2 && lower[i - 3] === 'no' && (lower[i - 1] === 'or' || lower[i - 1] === 'nor'))
      ) {
        valence = base * N_SCALAR;
      }
      if (capDiff && isAllCaps(words[i]!)) valence += valence > 0 ? C_INCR : -C_INCR;
      if (lengthened[i]) valence += valence > 0 ? B_INCR : -B_INCR;
      for (let back = 0; back < 3; back += 1) {
        // Negation and boosters reach back three words, but not across a comma or a sentence end.
        if (i <= back || clauseEnds[i - back - 1]) break;
        const prior = lower[i - back - 1]!;
        if (lexicon.has(prior)) continue;
        let scalar = this.boost(prior, words[i - back - 1]!, valence, capDiff);
        if (back === 1) scalar *= 0.95;
        if (back === 2) scalar *= 0.9;
        valence += scalar;
        valence = this.negationCheck(valence, lower, back, i);
        if (back === 2 && idiomWords) valence = this.idiomCheck(valence, lower, i);
      }
      valence = this.leastCheck(valence, lower, i);
      sentiments[i] = valence;
    }

    const but = lower.indexOf('but');
    let sum = 0;
    for (let i = 0; i < n; i += 1) {
      const value = sentiments[i]!;
      sum += but < 0 ? value : i < but ? value * 0.5 : i > but ? value * 1.5 : value;
    }
    if (sum === 0) return 0;
    const emphasis = punctuationEmphasis(unit);
    return sum > 0 ? sum + emphasis : sum - emphasis;
  }

  private boost(lower: string, word: string, valence: number, capDiff: boolean): number {
    const booster = BOOSTERS.get(lower);
    if (booster === undefined) return 0;
    let scalar = valence < 0 ? -booster : booster;
    if (capDiff && isAllCaps(word)) scalar += valence > 0 ? C_INCR : -C_INCR;
    return scalar;
  }

  private negationCheck(valence: number, lower: string[], back: number, i: number): number {
    const w1 = lower[i - 1];
    const w2 = lower[i - 2];
    const w3 = lower[i - 3];
    if (back === 0) return isNegation(w1!) ? valence * N_SCALAR : valence;
    if (back === 1) {
      if (w2 === 'never' && (w1 === 'so' || w1 === 'this')) return valence * 1.25;
      if (w2 === 'without' && w1 === 'doubt') return valence;
      return isNegation(w2!) ? valence * N_SCALAR : valence;
    }
    if ((w3 === 'never' && (w2 === 'so' || w2 === 'this')) || w1 === 'so' || w1 === 'this') return valence * 1.25;
    if (w3 === 'without' && (w2 === 'doubt' || w1 === 'doubt')) return valence;
    return isNegation(w3!) ? valence * N_SCALAR : valence;
  }

  private idiomCheck(valence: number, lower: string[], i: number): number {
    const w = (k: number): string => wordAt(lower, k);
    const sequences = [
      `${w(i - 1)} ${w(i)}`,
      `${w(i - 2)} ${w(i - 1)} ${w(i)}`,
      `${w(i - 2)} ${w(i - 1)}`,
      `${w(i - 3)} ${w(i - 2)} ${w(i - 1)}`,
      `${w(i - 3)} ${w(i - 2)}`,
    ];
    let result = valence;
    for (const sequence of sequences) {
      const value = IDIOMS.get(sequence);
      if (value !== undefined) {
        result = value;
        break;
      }
    }
    if (i + 1 < lower.length) {
      const next = IDIOMS.get(`${w(i)} ${w(i + 1)}`);
      if (next !== undefined) result = next;
    }
    if (i + 2 < lower.length) {
      const next = IDIOMS.get(`${w(i)} ${w(i + 1)} ${w(i + 2)}`);
      if (next !== undefined) result = next;
    }
    for (const ngram of [sequences[3]!, sequences[4]!, sequences[2]!]) {
      const booster = BOOSTER_NGRAMS.get(ngram);
      if (booster !== undefined) result += booster;
    }
    return result;
  }

  private leastCheck(valence: number, lower: string[], i: number): number {
    if (i > 0 && lower[i - 1] === 'least' && !this.lexicon.has('least')) {
      if (i > 1 && (lower[i - 2] === 'at' || lower[i - 2] === 'very')) return valence;
      return valence * N_SCALAR;
    }
    return valence;
  }
}
