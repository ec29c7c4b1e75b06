import { existsSync, readFileSync } from 'node:fs';
import type { FrenchRules } from './french-rules.js';
import { lexiconPath } from './load-lexicon.js';
import { toneScore, type ToneModel } from './tone-model.js';

/** The trained French tone model file (see docs/enrichment.md for how it was made). */
export const FRENCH_TONE_MODEL = 'fr/deft2017-tone-model.json';

/** A tone model over the rule features followed by one presence feature per vocabulary word. */
export interface BagToneModel extends ToneModel {
  vocabulary: string[];
}

/**
 * The words of a unit the bag-of-words part looks at: the French rules' tokens (folded, elisions
 * split off), 3+ characters, links and handles left out.
 */
export function bagWords(rules: FrenchRules, unit: string): Set<string> {
  const words = new Set<string>();
  rules.features(unit, words);
  return words;
}

/** The full feature vector (rule features, then word presence) used to fit and apply the model. */
export function toneFeatures(rules: FrenchRules, vocabulary: Map<string, number>, unit: string): number[] {
  const presence = new Array<number>(vocabulary.size).fill(0);
  const words = new Set<string>();
  const features = rules.features(unit, words);
  for (const word of words) {
    const index = vocabulary.get(word);
    if (index !== undefined) presence[index] = 1;
  }
  return [...features, ...presence];
}

/**
 * French scoring by a logistic model over the rule-based features plus word presence, trained on
 * the DEFT 2017 train split. Scores are sparse at run time: the constant part of absent words is
 * folded into each class's bias once.
 */
export class FrenchTone {
  private readonly vocabulary: Map<string, number>;
  private readonly dense: ToneModel;
  private readonly wordWeights: Float64Array[];

  private constructor(
    private readonly rules: FrenchRules,
    model: BagToneModel,
  ) {
    const nRule = model.mean.length - model.vocabulary.length;
    this.vocabulary = new Map(model.vocabulary.map((word, index) => [word, index]));
    const weights = model.weights.map((w) => {
      let bias = w[0]!;
      for (let v = 0; v < model.vocabulary.length; v += 1) bias -= (w[1 + nRule + v]! * model.mean[nRule + v]!) / model.std[nRule + v]!;
      return [bias, ...w.slice(1, 1 + nRule)];
    }) as [number[], number[], number[]];
    this.dense = { mean: model.mean.slice(0, nRule), std: model.std.slice(0, nRule), weights };
    this.wordWeights = model.weights.map((w) =>
      Float64Array.from(model.vocabulary.map((_, v) => w[1 + nRule + v]! / model.std[nRule + v]!)),
    );
  }

  /** Loads the shipped model, or returns null when the file is absent (rules only). */
  static load(rules: FrenchRules): FrenchTone | null {
    const path = lexiconPath(FRENCH_TONE_MODEL);
    if (!existsSync(path)) return null;
    return new FrenchTone(rules, JSON.parse(readFileSync(path, 'utf8')) as BagToneModel);
  }

  /** The -1..1 score of one unit (label = most probable class at +/-0.05). */
  score(unit: string): number {
    const words = new Set<string>();
    const features = this.rules.features(unit, words);
    const { mean, std, weights } = this.dense;
    const present: number[] = [];
    for (const word of words) {
      const index = this.vocabulary.get(word);
      if (index !== undefined) present.push(index);
    }
    const logits = [0, 0, 0];
    for (let c = 0; c < 3; c += 1) {
      const w = weights[c]!;
      let z = w[0]!;
      for (let f = 0; f < features.length; f += 1) z += w[f + 1]! * ((features[f]! - mean[f]!) / std[f]!);
      const wordWeights = this.wordWeights[c]!;
      for (const index of present) z += wordWeights[index]!;
      logits[c] = z;
    }
    const max = Math.max(logits[0]!, logits[1]!, logits[2]!);
    const e0 = Math.exp(logits[0]! - max);
    const e1 = Math.exp(logits[1]! - max);
    const e2 = Math.exp(logits[2]! - max);
    const total = e0 + e1 + e2;
    return toneScore([e0 / total, e1 / total, e2 / total]);
  }
}
