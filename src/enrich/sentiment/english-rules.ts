import { loadLexicon } from './load-lexicon.js';
import { punctuationEmphasis } from './unit-tokens.js';
import type { ValenceRules } from './valence.js';
import { normaliseValence } from './valence.js';
import { EmojiDescriptions, isUpper, pythonRound, vaderTokens } from './vader-text.js';

// A port of the reference VADER 3.3.2 (C.J. Hutto, vaderSentiment/vaderSentiment.py, MIT): same
// constants, word lists, rules and order of application, so that it gives the reference's scores.
const B_INCR = 0.293;
const B_DECR = -0.293;
const C_INCR = 0.733;
const N_SCALAR = -0.74;

/** BOOSTER_DICT's one-word entries (its two-word ones are in BOOSTER_NGRAMS). */
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

/** NEGATE; any word containing "n't" negates as well. */
const NEGATIONS = new Set(
  `aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't didn't doesn't dont hadnt hasnt
  havent isnt mightnt mustnt neither don't hadn't hasn't haven't isn't mightn't mustn't neednt needn't never none nope nor
  not nothing nowhere oughtnt shant shouldnt uhuh wasnt werent oughtn't shan't shouldn't uh-uh wasn't weren't without wont
  wouldnt won't wouldn't rarely seldom despite`.split(/\s+/),
);

/** SPECIAL_CASES. (SENTIMENT_LADEN_IDIOMS is "future work" in the reference and never applied.) */
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

/** Words that idioms and booster n-grams contain: a unit without any cannot match one (the check is skipped). */
const FUNCTION_WORDS = new Set(['the', 'of', 'to', 'for', 'just']);
const IDIOM_WORDS = new Set(
  [...IDIOMS.keys(), ...BOOSTER_NGRAMS.keys()].flatMap((phrase) => phrase.split(' ')).filter((word) => !FUNCTION_WORDS.has(word)),
);

function isNegation(lower: string): boolean {
  return NEGATIONS.has(lower) || lower.includes("n't");
}

/** VADER's four scores of a text: proportions of negative, neutral, positive, and the compound in -1..1. */
export interface VaderScores {
  neg: number;
  neu: number;
  pos: number;
  compound: number;
}

/** The words of a unit and the valence of each, before the "but" rule and punctuation emphasis. */
interface Valences {
  lower: string[];
  sentiments: number[];
}

/**
 * English sentiment: a faithful port of VADER 3.3.2 (Hutto & Gilbert 2014). Emoji become their
 * descriptions; tokens are white-space split with edge punctuation stripped; each lexicon word's
 * valence is modified by "no", ALL CAPS (when not everything is), boosters and dampeners up to
 * three words back (×1, ×0.95, ×0.9), negations (×-0.74), "never so/this" (×1.25), "without
 * doubt", idioms, "least"; then "but" (before ×0.5, after ×1.5), then "!" and "?" emphasis.
 */
export class EnglishRules implements ValenceRules {
  private readonly lexicon: Map<string, number>;
  private readonly emoji: EmojiDescriptions;

  constructor() {
    this.lexicon = loadLexicon('en/vader-lexicon.tsv');
    this.emoji = EmojiDescriptions.load();
  }

  /** The valence sum with punctuation emphasis, before normalisation (x/√(x²+15) gives the compound). */
  valenceSum(unit: string): number {
    const text = this.emoji.substitute(unit);
    const { sentiments } = this.valences(text);
    let sum = 0;
    for (const value of sentiments) sum += value;
    if (sum === 0) return 0;
    const emphasis = punctuationEmphasis(text);
    return sum > 0 ? sum + emphasis : sum - emphasis;
  }

  /** The reference's `polarity_scores`: neg/neu/pos rounded to 3 decimals, compound to 4. */
  polarityScores(unit: string): VaderScores {
    const text = this.emoji.substitute(unit);
    const { sentiments } = this.valences(text);
    if (sentiments.length === 0) return { neg: 0, neu: 0, pos: 0, compound: 0 };
    let sum = 0;
    let posSum = 0;
    let negSum = 0;
    let neutral = 0;
    for (const value of sentiments) {
      sum += value;
      // ±1 compensates for neutral words counting 1 each (the reference's comment).
      if (value > 0) posSum += value + 1;
      if (value < 0) negSum += value - 1;
      if (value === 0) neutral += 1;
    }
    const emphasis = punctuationEmphasis(text);
    const compound = normaliseValence(sum > 0 ? sum + emphasis : sum < 0 ? sum - emphasis : 0);
    if (posSum > Math.abs(negSum)) posSum += emphasis;
    else if (posSum < Math.abs(negSum)) negSum -= emphasis;
    const total = posSum + Math.abs(negSum) + neutral;
    return {
      neg: pythonRound(Math.abs(negSum / total), 3),
      neu: pythonRound(Math.abs(neutral / total), 3),
      pos: pythonRound(Math.abs(posSum / total), 3),
      compound: pythonRound(compound, 4),
    };
  }

  private valences(text: string): Valences {
    const words = vaderTokens(text);
    const n = words.length;
    const lower = new Array<string>(n);
    let caps = 0;
    let idiomWords = false;
    for (let k = 0; k < n; k += 1) {
      const word = words[k]!;
      if (isUpper(word)) caps += 1;
      const folded = word.toLowerCase();
      if (IDIOM_WORDS.has(folded)) idiomWords = true;
      lower[k] = folded;
    }
    const capDiff = caps > 0 && caps < n;
    const lexicon = this.lexicon;
    const sentiments = new Array<number>(n).fill(0);

    for (let i = 0; i < n; i += 1) {
      const item = lower[i]!;
      if (BOOSTERS.has(item)) continue;
      if (i < n - 1 && item === 'kind' && lower[i + 1] === 'of') continue;
      const base = lexicon.get(item);
      if (base === undefined) continue;
      let valence = base;
      // "no" before a lexicon word is a determiner: no valence of its own, it negates that word.
      if (item === 'no' && i !== n - 1 && lexicon.has(lower[i + 1]!)) valence = 0;
      if (
        (i > 0 && lower[i - 1] === 'no') ||
        (i > 1 && lower[i - 2] === 'no') ||
        (i > 2 && lower[i - 3] === 'no' && (lower[i - 1] === 'or' || lower[i - 1] === 'nor'))
      ) {
        valence = base * N_SCALAR;
      }
      if (isUpper(words[i]!) && capDiff) valence += valence > 0 ? C_INCR : -C_INCR;
      for (let back = 0; back < 3; back += 1) {
        if (i <= back || lexicon.has(lower[i - back - 1]!)) continue;
        let scalar = this.scalarIncDec(lower[i - back - 1]!, words[i - back - 1]!, valence, capDiff);
        if (back === 1) scalar *= 0.95;
        if (back === 2) scalar *= 0.9;
        valence += scalar;
        valence = negationCheck(valence, lower, back, i);
        if (back === 2 && idiomWords) valence = idiomCheck(valence, lower, i);
      }
      sentiments[i] = this.leastCheck(valence, lower, i);
    }
    butCheck(lower, sentiments);
    return { lower, sentiments };
  }

  private scalarIncDec(lower: string, word: string, valence: number, capDiff: boolean): number {
    const booster = BOOSTERS.get(lower);
    if (booster === undefined) return 0;
    let scalar = valence < 0 ? -booster : booster;
    if (isUpper(word) && capDiff) scalar += valence > 0 ? C_INCR : -C_INCR;
    return scalar;
  }

  private leastCheck(valence: number, lower: string[], i: number): number {
    if (i > 0 && lower[i - 1] === 'least' && !this.lexicon.has('least')) {
      if (i > 1 && (lower[i - 2] === 'at' || lower[i - 2] === 'very')) return valence;
      return valence * N_SCALAR;
    }
    return valence;
  }
}

function negationCheck(valence: number, lower: string[], back: number, i: number): number {
  const w1 = lower[i - 1]!;
  if (back === 0) return isNegation(w1) ? valence * N_SCALAR : valence;
  const w2 = lower[i - 2]!;
  if (back === 1) {
    if (w2 === 'never' && (w1 === 'so' || w1 === 'this')) return valence * 1.25;
    if (w2 === 'without' && w1 === 'doubt') return valence;
    return isNegation(w2) ? valence * N_SCALAR : valence;
  }
  const w3 = lower[i - 3]!;
  // The reference's precedence: (never and so/this two back) or so/this one back.
  if ((w3 === 'never' && (w2 === 'so' || w2 === 'this')) || w1 === 'so' || w1 === 'this') return valence * 1.25;
  if (w3 === 'without' && (w2 === 'doubt' || w1 === 'doubt')) return valence;
  return isNegation(w3) ? valence * N_SCALAR : valence;
}

function idiomCheck(valence: number, lower: string[], i: number): number {
  const n = lower.length;
  const oneZero = `${lower[i - 1]} ${lower[i]}`;
  const twoOneZero = `${lower[i - 2]} ${lower[i - 1]} ${lower[i]}`;
  const twoOne = `${lower[i - 2]} ${lower[i - 1]}`;
  const threeTwoOne = `${lower[i - 3]} ${lower[i - 2]} ${lower[i - 1]}`;
  const threeTwo = `${lower[i - 3]} ${lower[i - 2]}`;
  let result = valence;
  for (const sequence of [oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo]) {
    const value = IDIOMS.get(sequence);
    if (value !== undefined) {
      result = value;
      break;
    }
  }
  if (n - 1 > i) {
    const value = IDIOMS.get(`${lower[i]} ${lower[i + 1]}`);
    if (value !== undefined) result = value;
  }
  if (n - 1 > i + 1) {
    const value = IDIOMS.get(`${lower[i]} ${lower[i + 1]} ${lower[i + 2]}`);
    if (value !== undefined) result = value;
  }
  for (const ngram of [threeTwoOne, threeTwo, twoOne]) {
    const booster = BOOSTER_NGRAMS.get(ngram);
    if (booster !== undefined) result += booster;
  }
  return result;
}

/**
 * The reference's `_but_check`, including its quirk: each value is located with `list.index`,
 * i.e. at the first position holding an equal value, so repeated values are scaled where they
 * first occur. Reproduced so that scores match the reference.
 */
function butCheck(lower: string[], sentiments: number[]): void {
  const bi = lower.indexOf('but');
  if (bi < 0) return;
  for (let k = 0; k < sentiments.length; k += 1) {
    const value = sentiments[k]!;
    const si = sentiments.indexOf(value);
    if (si < bi) sentiments[si] = value * 0.5;
    else if (si > bi) sentiments[si] = value * 1.5;
  }
}
