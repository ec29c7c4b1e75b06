import { existsSync, readFileSync } from 'node:fs';
import { HubwatchError } from '../../core/errors.js';
import { lexiconPath } from './load-lexicon.js';

/**
 * A learned layer over a rule set: a multinomial logistic regression whose inputs are a few dense
 * features (rule valences, opinion cues; standardised) and the presence of vocabulary words (0/1,
 * sparse). Classes are negative, neutral, positive (three) or negative, positive (two).
 */
export interface LearnedLayer {
  /** Mean and standard deviation of each dense feature, used to standardise it. */
  mean: number[];
  std: number[];
  vocabulary: string[];
  /** Per class: bias, then one weight per dense feature. */
  dense: number[][];
  /** Per class: one weight per vocabulary word. */
  words: number[][];
}

/** One example: its dense features and the vocabulary indices of the words present. */
export interface LayerInput {
  dense: number[];
  present: number[];
}

/**
 * Class probabilities of one input. Plain loops into one array: the arrays `map` made here
 * changed their elements kind under the optimiser, which threw away the optimised code of the
 * whole sentiment analysis (this is inlined into it) three times in every fresh thread.
 */
export function layerProbabilities(layer: LearnedLayer, input: LayerInput): number[] {
  const classes = layer.dense.length;
  const out: number[] = [];
  let max = -Infinity;
  for (let c = 0; c < classes; c += 1) {
    const w = layer.dense[c]!;
    let z = w[0]!;
    for (let f = 0; f < input.dense.length; f += 1) z += w[f + 1]! * ((input.dense[f]! - layer.mean[f]!) / layer.std[f]!);
    const words = layer.words[c]!;
    for (let i = 0; i < input.present.length; i += 1) z += words[input.present[i]!]!;
    out.push(z);
    if (z > max) max = z;
  }
  let total = 0;
  for (let c = 0; c < classes; c += 1) {
    const e = Math.exp(out[c]! - max);
    out[c] = e;
    total += e;
  }
  for (let c = 0; c < classes; c += 1) out[c] = out[c]! / total;
  return out;
}

/**
 * A -1..1 score whose +/-0.05 label is the most probable class: P(positive) − P(negative),
 * pulled inside (−0.05, 0.05) when neutral wins and outside it when a polar class wins.
 */
export function layerScore(probabilities: ArrayLike<number>): number {
  const negative = probabilities[0]!;
  const positive = probabilities[probabilities.length - 1]!;
  const neutral = probabilities.length === 3 ? probabilities[1]! : 0;
  const raw = positive - negative;
  if (neutral >= negative && neutral >= positive) return Math.max(-0.049, Math.min(0.049, raw * 0.049));
  if (positive > negative) return Math.max(0.05, raw);
  return Math.min(-0.05, raw);
}

/** Fitting options: L2 strengths for the dense features and for the words; full-batch epochs. */
export interface FitOptions {
  classes: 2 | 3;
  lambdaDense: number;
  lambdaWords: number;
  epochs?: number;
  rate?: number;
  /** Weight of each example (default 1): lets a smaller data set count as much as a larger one. */
  weights?: number[];
}

/**
 * Fits a layer by full-batch gradient descent with Nesterov momentum and L2 (no sampling, so the
 * result depends on the data alone: refitting gives the same weights). Labels are 0..classes-1.
 */
export function fitLearnedLayer(inputs: LayerInput[], labels: number[], vocabulary: string[], options: FitOptions): LearnedLayer {
  const { classes, lambdaDense, lambdaWords } = options;
  const epochs = options.epochs ?? 600;
  const rate = options.rate ?? 0.5;
  const nd = inputs[0]?.dense.length ?? 0;
  const nv = vocabulary.length;
  const n = inputs.length;
  const rowWeights = options.weights ?? new Array<number>(n).fill(1);
  const totalWeight = rowWeights.reduce((a, b) => a + b, 0) || 1;
  const mean = new Array<number>(nd).fill(0);
  const std = new Array<number>(nd).fill(0);
  for (const { dense } of inputs) dense.forEach((v, f) => (mean[f]! += v / n));
  for (const { dense } of inputs) dense.forEach((v, f) => (std[f]! += (v - mean[f]!) ** 2 / n));
  for (let f = 0; f < nd; f += 1) std[f] = Math.sqrt(std[f]!) || 1;
  const standard = inputs.map(({ dense }) => dense.map((v, f) => (v - mean[f]!) / std[f]!));
  const size = 1 + nd + nv;
  const w = Array.from({ length: classes }, () => new Float64Array(size));
  const velocity = Array.from({ length: classes }, () => new Float64Array(size));
  const look = Array.from({ length: classes }, () => new Float64Array(size));
  const momentum = 0.9;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let c = 0; c < classes; c += 1) for (let k = 0; k < size; k += 1) look[c]![k] = w[c]![k]! + momentum * velocity[c]![k]!;
    const grads = Array.from({ length: classes }, () => new Float64Array(size));
    const logits = new Float64Array(classes);
    for (let r = 0; r < n; r += 1) {
      const x = standard[r]!;
      const present = inputs[r]!.present;
      let max = -Infinity;
      for (let c = 0; c < classes; c += 1) {
        const wc = look[c]!;
        let z = wc[0]!;
        for (let f = 0; f < nd; f += 1) z += wc[f + 1]! * x[f]!;
        for (const index of present) z += wc[1 + nd + index]!;
        logits[c] = z;
        if (z > max) max = z;
      }
      let total = 0;
      for (let c = 0; c < classes; c += 1) total += (logits[c] = Math.exp(logits[c]! - max));
      for (let c = 0; c < classes; c += 1) {
        const err = (rowWeights[r]! * (logits[c]! / total - (labels[r] === c ? 1 : 0)) * n) / totalWeight;
        const g = grads[c]!;
        g[0]! += err;
        for (let f = 0; f < nd; f += 1) g[f + 1]! += err * x[f]!;
        for (const index of present) g[1 + nd + index]! += err;
      }
    }
    for (let c = 0; c < classes; c += 1) {
      for (let k = 0; k < size; k += 1) {
        const l2 = k === 0 ? 0 : (k <= nd ? lambdaDense : lambdaWords) * look[c]![k]!;
        const v = momentum * velocity[c]![k]! - rate * (grads[c]![k]! / n + l2);
        velocity[c]![k] = v;
        w[c]![k]! += v;
      }
    }
  }
  const round = (x: number): number => Math.round(x * 1e5) / 1e5;
  return {
    mean: mean.map(round),
    std: std.map(round),
    vocabulary,
    dense: w.map((wc) => Array.from(wc.subarray(0, 1 + nd), round)),
    words: w.map((wc) => Array.from(wc.subarray(1 + nd), round)),
  };
}

function checkLayer(path: string, name: string, layer: Partial<LearnedLayer> | undefined, classes: number, vocabulary?: number): LearnedLayer {
  const nd = layer?.mean?.length ?? -1;
  const nv = layer?.vocabulary?.length ?? -1;
  const ok =
    layer !== undefined &&
    nd >= 0 &&
    nv >= 0 &&
    (vocabulary === undefined || nv === vocabulary) &&
    layer.std?.length === nd &&
    layer.dense?.length === classes &&
    layer.words?.length === classes &&
    layer.dense.every((w) => w.length === nd + 1) &&
    layer.words.every((w) => w.length === nv);
  if (!ok) throw new HubwatchError(`${path}: "${name}" is not a ${classes}-class sentiment layer (missing, or mean/std/dense/words sizes disagree)`, { reason: 'bad-model-file', retryable: false });
  return layer as LearnedLayer;
}

/** A model file's parsed content: what it was fitted on and its named layers. */
export interface LayerFile {
  fittedOn: string;
  layers: Record<string, LearnedLayer>;
}

/**
 * Parses a model file holding the named layers (same vocabulary); `path` only names it in errors.
 * A file of the wrong shape is an install error, said plainly.
 */
export function parseLayerFile(path: string, content: string, names: string[], classes: number): LayerFile {
  let file: Record<string, unknown>;
  try {
    file = JSON.parse(content) as Record<string, unknown>;
  } catch (error) {
    throw new HubwatchError(`${path}: not JSON (${(error as Error).message})`, { reason: 'bad-model-file', retryable: false });
  }
  const layers: Record<string, LearnedLayer> = {};
  let vocabulary: number | undefined;
  for (const name of names) {
    layers[name] = checkLayer(path, name, file[name] as Partial<LearnedLayer> | undefined, classes, vocabulary);
    vocabulary = layers[name].vocabulary.length;
  }
  return { fittedOn: typeof file.fittedOn === 'string' ? file.fittedOn : '', layers };
}

/** Reads a model file under resources/lexicons, or returns null when it is absent (rules only). */
export function readLayerFile(relativePath: string, names: string[], classes: number): LayerFile | null {
  const path = lexiconPath(relativePath);
  if (!existsSync(path)) return null;
  return parseLayerFile(path, readFileSync(path, 'utf8'), names, classes);
}
