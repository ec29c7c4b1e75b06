import { splitSentences } from '../text/sentences.js';
import type { FrenchRules } from './french-rules.js';
import { readLayerFile, layerProbabilities, layerScore, type LayerInput, type LearnedLayer } from './learned-layer.js';
import { punctuationEmphasis } from './unit-tokens.js';
import { normaliseValence } from './valence.js';

/** The trained French layer (see its README beside it for the data and terms). */
export const FRENCH_TONE_MODEL = 'fr/deft2017-allocine-tone-model.json';

/** A span of a text with its rule score (for entity-level sentiment). */
export interface RuleSentence {
  start: number;
  end: number;
  score: number;
}

/**
 * The French layer's input for a text, in one pass over its sentences: each sentence's rule
 * features (which also give its rule score) are summed — valences split by sign, the compound
 * of the summed valence, negations and cues capped at 3, log of the word count — and the words
 * of all sentences make the bag. A one-sentence text gets exactly the rules' own features.
 */
export function frenchInput(rules: FrenchRules, vocabulary: ReadonlyMap<string, number> | null, text: string, sentences?: RuleSentence[]): LayerInput {
  const bag = vocabulary ? new Set<string>() : undefined;
  const summed = new Array<number>(15).fill(0);
  let valence = 0;
  let words = 0;
  for (const span of splitSentences(text)) {
    const unit = text.slice(span.start, span.end);
    const features = rules.features(unit, bag);
    sentences?.push({ start: span.start, end: span.end, score: features[2]! });
    for (let f = 0; f < features.length; f += 1) summed[f]! += features[f]!;
    const sum = features[0]! - features[1]!;
    if (sum !== 0) valence += sum + Math.sign(sum) * punctuationEmphasis(unit);
    words += Math.expm1(features[14]!);
  }
  const dense = [summed[0]!, summed[1]!, normaliseValence(valence)];
  for (let f = 3; f < 14; f += 1) dense.push(f === 8 || f === 13 ? Math.min(1, summed[f]!) : Math.min(3, summed[f]!));
  dense.push(Math.log1p(Math.round(words)));
  const present: number[] = [];
  if (bag && vocabulary) {
    for (const word of bag) {
      const index = vocabulary.get(word);
      if (index !== undefined) present.push(index);
    }
  }
  return { dense, present };
}

/**
 * French scoring by a logistic layer over the rule features plus word presence, fitted on the
 * train splits of DEFT 2017 (tweets, three classes) and Allociné (reviews, negative / positive):
 * one layer for posts, reviews and articles alike.
 */
export class FrenchTone {
  private readonly vocabulary: Map<string, number>;

  private constructor(
    private readonly rules: FrenchRules,
    private readonly layer: LearnedLayer,
  ) {
    this.vocabulary = new Map(layer.vocabulary.map((word, index) => [word, index]));
  }

  /** Loads the shipped model, or returns null when its file is absent (rules only). */
  static load(rules: FrenchRules): FrenchTone | null {
    const file = readLayerFile(FRENCH_TONE_MODEL, ['tone'], 3);
    return file ? new FrenchTone(rules, file.layers.tone!) : null;
  }

  /** The -1..1 score of a text (label = most probable class at +/-0.05). */
  score(text: string): number {
    return layerScore(layerProbabilities(this.layer, frenchInput(this.rules, this.vocabulary, text)));
  }

  /** The text's score, with each sentence's rule score pushed to `sentences` on the way. */
  scoreWithSentences(text: string, sentences: RuleSentence[]): number {
    return layerScore(layerProbabilities(this.layer, frenchInput(this.rules, this.vocabulary, text, sentences)));
  }
}
