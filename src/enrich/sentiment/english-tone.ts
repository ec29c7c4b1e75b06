import type { EnglishRules } from './english-rules.js';
import { layerProbabilities, layerScore, readLayerFile, type LayerInput, type LearnedLayer } from './learned-layer.js';

/** The trained English layer (see its README beside it for the data and terms). */
export const ENGLISH_TONE_MODEL = 'en/semeval2017-tone-model.json';

const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'we', 'us', 'our', "i'm", "i've", "i'll", "i'd", 'im']);
const SECOND_PERSON = new Set(['you', 'your', 'yours', "you're", 'u', 'ur']);

/** Lower-cased words of 3+ characters (letters, digits, apostrophes), links and @handles left out. */
export function englishWords(text: string, bag: Set<string>, counts: { first: number; second: number; words: number }): void {
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}'#@]+/u)) {
    const word = raw.replace(/^'+|'+$/g, '');
    if (word === '') continue;
    counts.words += 1;
    if (FIRST_PERSON.has(word)) counts.first += 1;
    else if (SECOND_PERSON.has(word)) counts.second += 1;
    if (word.length > 2 && word[0] !== '@' && !word.startsWith('http')) bag.add(word);
  }
}

/**
 * The English layer's input: VADER's four scores (compound, neg, neu, pos), opinion cues (first
 * and second person, "!", "?", @handles, #hashtags, links, words in capitals) and word presence.
 */
export function englishInput(rules: EnglishRules, vocabulary: ReadonlyMap<string, number> | null, text: string): LayerInput {
  const vader = rules.polarityScores(text);
  const bag = new Set<string>();
  const counts = { first: 0, second: 0, words: 0 };
  englishWords(text, bag, counts);
  let bangs = 0;
  let questions = 0;
  let handles = 0;
  let hashtags = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 33) bangs += 1;
    else if (c === 63) questions += 1;
    else if (c === 64) handles += 1;
    else if (c === 35) hashtags += 1;
  }
  const capitals = (text.match(/\b[A-Z]{3,}\b/g) ?? []).length;
  const dense = [
    vader.compound,
    vader.neg,
    vader.neu,
    vader.pos,
    Math.min(3, counts.first),
    Math.min(3, counts.second),
    Math.min(3, bangs),
    Math.min(3, questions),
    Math.min(3, handles),
    Math.min(3, hashtags),
    text.includes('http') ? 1 : 0,
    Math.min(3, capitals),
    Math.log1p(counts.words),
  ];
  const present: number[] = [];
  if (vocabulary) {
    for (const word of bag) {
      const index = vocabulary.get(word);
      if (index !== undefined) present.push(index);
    }
  }
  return { dense, present };
}

/**
 * Joins the layer's verdict with the rules' score: the label is the layer's; where the rules
 * agree on it their score is kept (so VADER's graded intensities survive), otherwise the layer's.
 */
export function withRuleIntensity(layer: number, rule: number): number {
  const layerLabel = layer >= 0.05 ? 1 : layer <= -0.05 ? -1 : 0;
  const ruleLabel = rule >= 0.05 ? 1 : rule <= -0.05 ? -1 : 0;
  return layerLabel === ruleLabel ? rule : layer;
}

/**
 * English scoring of short posts by a logistic layer over VADER's scores, cues and word presence,
 * fitted on the SemEval 2017 tweets' train split; the label is the layer's, the intensity the
 * rules' where they agree.
 */
export class EnglishTone {
  private readonly vocabulary: Map<string, number>;

  private constructor(
    private readonly rules: EnglishRules,
    private readonly layer: LearnedLayer,
  ) {
    this.vocabulary = new Map(layer.vocabulary.map((word, index) => [word, index]));
  }

  /** Loads the shipped layer, or returns null when its file is absent (rules only). */
  static load(rules: EnglishRules): EnglishTone | null {
    const file = readLayerFile(ENGLISH_TONE_MODEL, ['tone'], 3);
    return file ? new EnglishTone(rules, file.layers.tone!) : null;
  }

  /** The -1..1 score of a post. */
  score(text: string): number {
    const input = englishInput(this.rules, this.vocabulary, text);
    return withRuleIntensity(layerScore(layerProbabilities(this.layer, input)), input.dense[0]!);
  }
}
