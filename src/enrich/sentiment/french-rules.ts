// Deep import on purpose: `import 'natural'` loads a String subclass that slows the process.
import PorterStemmerFr from 'natural/lib/natural/stemmers/porter_stemmer_fr.js';
import { fold } from '../../core/text/fold.js';
import { loadLexicon } from './load-lexicon.js';
import { emphasisOf, isAllCaps, punctuationEmphasis, splitUnit } from './unit-tokens.js';
import { normaliseValence, type ValenceRules } from './valence.js';

const B_INCR = 0.293;
const B_DECR = -0.293;
const C_INCR = 0.733;
const N_SCALAR = -0.74;
/**
 * Pattern polarities are on -1..1, VADER valences on -4..4: 3 is about the least-squares slope of
 * VADER valence on Pattern polarity over the English words both lexicons rate (2.97).
 */
const PATTERN_SCALE = 3;
/**
 * Pattern adjectives below this |polarity| are descriptive more than evaluative ("nouveau" 0.34,
 * "grand" 0.3). Chosen on the DEFT 2017 train split (macro-F1 0.501 → 0.528 there).
 */
const PATTERN_MIN = 0.35;
const FIRST_PERSON = new Set(['je', 'j', 'moi', 'me', 'mon', 'ma', 'mes', 'nous', 'notre', 'nos', 'on']);
const SECOND_PERSON = new Set(['tu', 'toi', 'te', 'ton', 'ta', 'tes', 'vous', 'votre', 'vos']);

const BOOSTERS = new Map<string, number>();
for (const word of `tres vraiment trop tellement si hyper extremement totalement completement absolument particulierement
  vachement grave enormement fort franchement carrement profondement hautement incroyablement terriblement
  serieusement`.split(/\s+/)) BOOSTERS.set(word, B_INCR);
for (const word of `peu plutot assez legerement moyennement presque quasi relativement quasiment`.split(/\s+/)) BOOSTERS.set(word, B_DECR);

/** Words that negate a valence within three words after them. "plus" only after "ne". */
const NEGATIONS = new Set(['ne', 'n', 'pas', 'jamais', 'rien', 'aucun', 'aucune', 'sans', 'ni', 'guere', 'nullement', 'non']);
/** The first contrast word weighs what precedes it ×0.5 and what follows ×1.5. */
const CONTRAST = new Set(['mais', 'cependant', 'pourtant', 'toutefois', 'neanmoins']);
const ELIDED = new Set(['l', 'd', 'j', 'm', 't', 's', 'c', 'n', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);

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

const EMOTICONS = /[;:]-?[)(DpP]/g;
const LAUGHS = new Set(['lol', 'mdr', 'xd', 'xdd', 'ptdr']);
/** The longest laugh or person word: longer words skip those three look-ups. */
const CUE_WORD_MAX = Math.max(...[...LAUGHS, ...FIRST_PERSON, ...SECOND_PERSON].map((word) => word.length));

/** One pass over a unit: "!", "?", @handles, #hashtags, ellipses, quotation marks. */
function punctuationCues(unit: string): { bangs: number; questions: number; handles: number; hashtags: number; ellipses: number; quotes: number } {
  const cues = { bangs: 0, questions: 0, handles: 0, hashtags: 0, ellipses: 0, quotes: 0 };
  for (let i = 0; i < unit.length; i += 1) {
    const c = unit.charCodeAt(i);
    if (c === 33) cues.bangs += 1;
    else if (c === 63) cues.questions += 1;
    else if (c === 64 && i + 1 < unit.length && isWordCode(unit.charCodeAt(i + 1))) cues.handles += 1;
    else if (c === 35 && i + 1 < unit.length && isWordCode(unit.charCodeAt(i + 1))) cues.hashtags += 1;
    else if (c === 0x2026 || (c === 46 && unit.charCodeAt(i + 1) === 46 && unit.charCodeAt(i + 2) === 46 && unit.charCodeAt(i - 1) !== 46)) cues.ellipses += 1;
    else if (c === 34 || c === 0xab || c === 0xbb || c === 0x201c || c === 0x201d) cues.quotes += 1;
  }
  return cues;
}

/** The last words of the idioms, so most words skip the idiom lookup entirely. */
const IDIOM_TAILS = new Set([...IDIOMS.keys()].map((idiom) => idiom.slice(idiom.lastIndexOf(' ') + 1)));

function idiomEndingAt(words: string[], clauseEnds: boolean[], i: number): number | undefined {
  const word = words[i]!;
  if (i > 0 && !clauseEnds[i - 1]) {
    const two = IDIOMS.get(`${words[i - 1]} ${word}`);
    if (two !== undefined) return two;
    if (i > 1 && !clauseEnds[i - 2]) return IDIOMS.get(`${words[i - 2]} ${words[i - 1]} ${word}`);
  }
  return undefined;
}

interface Token {
  word: string;
  raw: string;
}

/** Letters and digits (folded text: anything from U+00C0 up that is not punctuation counts). */
function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && !(code >= 0x2000 && code <= 0x206f) && code !== 0xab && code !== 0xbb;
}

function hasLetter(raw: string): boolean {
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && isWordCode(c))) return true;
  }
  return false;
}

/** Strips everything but letters and digits from both ends (the word itself if nothing is left). */
function trimToWord(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && !isWordCode(word.charCodeAt(start))) start += 1;
  while (end > start && !isWordCode(word.charCodeAt(end - 1))) end -= 1;
  if (start === end) return word;
  return start === 0 && end === word.length ? word : word.slice(start, end);
}

function tokenise(unit: string, clauseEnds: boolean[]): Token[] {
  const tokens: Token[] = [];
  const rawEnds: boolean[] = [];
  const foldedWords: string[] = [];
  const raws = splitUnit(unit, rawEnds, foldedWords);
  for (let r = 0; r < raws.length; r += 1) {
    const raw = raws[r]!;
    let word = trimToWord(foldedWords[r]!);
    // Elided articles and pronouns (l', d', qu'...) are dropped; a negating n' becomes "n".
    let apostrophe = word.indexOf("'");
    while (apostrophe > 0 && apostrophe <= 7 && apostrophe < word.length - 1) {
      const article = word.slice(0, apostrophe);
      if (!ELIDED.has(article)) break;
      if (article === 'n') {
        tokens.push({ word: 'n', raw: "n'" });
        clauseEnds.push(false);
      }
      word = word.slice(apostrophe + 1);
      apostrophe = word.indexOf("'");
    }
    tokens.push({ word, raw });
    clauseEnds.push(rawEnds[r] === true);
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
      if (!this.lexicon.has(word) && Math.abs(polarity) >= PATTERN_MIN) this.lexicon.set(word, polarity * PATTERN_SCALE);
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
    if (!hasLetter(token.raw)) return this.emoticons.get(token.raw);
    if (token.word.length < 4) return undefined;
    return this.byStem.get(this.stem(token.word));
  }

  /** Per-token valences after boosters, negation, idioms and contrast, plus counts for features. */
  private valences(unit: string): { sentiments: number[]; tokens: Token[]; negations: number } {
    const clauseEnds: boolean[] = [];
    const tokens = tokenise(unit, clauseEnds);
    const n = tokens.length;
    // A plain array: allocating a typed array for every sentence costs more than it saves.
    const sentiments = new Array<number>(n).fill(0);
    const words = new Array<string>(n);
    let caps = 0;
    for (let k = 0; k < n; k += 1) {
      const token = tokens[k]!;
      words[k] = token.word;
      if (isAllCaps(token.raw)) caps += 1;
    }
    const capDiff = caps > 0 && caps < n;
    let contrast = -1;
    let negations = 0;

    for (let i = 0; i < n; i += 1) {
      const word = words[i]!;
      if (contrast < 0 && CONTRAST.has(word)) contrast = i;
      if (NEGATIONS.has(word)) negations += 1;
      if (BOOSTERS.has(word) || NEGATIONS.has(word)) continue;
      const idiom = IDIOM_TAILS.has(word) ? idiomEndingAt(words, clauseEnds, i) : undefined;
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
        // The window stops at a comma or a sentence end, as in the English rules.
        if (clauseEnds[i - back]) break;
        const prior = words[i - back]!;
        const booster = BOOSTERS.get(prior);
        if (booster !== undefined) {
          const decay = back === 1 ? 1 : back === 2 ? 0.95 : 0.9;
          valence += (valence < 0 ? -booster : booster) * decay;
        }
        if (NEGATIONS.has(prior) || (prior === 'plus' && words.slice(Math.max(0, i - back - 3), i - back).includes('n'))) {
          negated = true;
        }
      }
      if (negated) valence *= N_SCALAR;
      sentiments[i] = valence;
    }
    if (contrast >= 0) {
      for (let i = 0; i < n; i += 1) {
        if (i < contrast) sentiments[i]! *= 0.5;
        else if (i > contrast) sentiments[i]! *= 1.5;
      }
    }
    return { sentiments, tokens, negations };
  }

  valenceSum(unit: string): number {
    const { sentiments } = this.valences(unit);
    let sum = 0;
    for (const value of sentiments) sum += value;
    if (sum === 0) return 0;
    const emphasis = punctuationEmphasis(unit);
    return sum > 0 ? sum + emphasis : sum - emphasis;
  }

  /**
   * The features the French tone model weighs: the rule-based valences split by sign, plus
   * cues of how opinionated a post is (persons addressed, punctuation, links, hashtags).
   */
  features(unit: string, bag?: Set<string>): number[] {
    const { sentiments, tokens, negations } = this.valences(unit);
    let positive = 0;
    let negative = 0;
    for (const value of sentiments) {
      if (value > 0) positive += value;
      else negative -= value;
    }
    let first = 0;
    let second = 0;
    let laughs = 0;
    for (const { word } of tokens) {
      if (bag && word.length > 2 && !word.startsWith('http') && word !== 'user') bag.add(word);
      if (word.length > CUE_WORD_MAX) continue;
      if (LAUGHS.has(word)) laughs += 1;
      if (FIRST_PERSON.has(word)) first += 1;
      else if (SECOND_PERSON.has(word)) second += 1;
    }
    const cues = punctuationCues(unit);
    const sum = positive - negative;
    return [
      positive,
      negative,
      normaliseValence(sum === 0 ? 0 : sum + Math.sign(sum) * emphasisOf(cues.bangs, cues.questions)),
      Math.min(3, negations),
      Math.min(3, first),
      Math.min(3, second),
      Math.min(3, cues.bangs),
      Math.min(3, cues.questions),
      unit.includes('http') ? 1 : 0,
      Math.min(3, cues.handles),
      Math.min(3, cues.hashtags),
      Math.min(3, cues.ellipses),
      Math.min(3, laughs + (unit.includes(':') || unit.includes(';') ? (unit.match(EMOTICONS) ?? []).length : 0)),
      cues.quotes > 0 ? 1 : 0,
      Math.log1p(tokens.length),
    ];
  }
}
