/**
 * A small multinomial logistic regression over a rule set's features: it turns the lexicon
 * valences and opinion cues into negative / neutral / positive probabilities.
 */
export interface ToneModel {
  /** Per feature: mean and standard deviation used to standardise it. */
  mean: number[];
  std: number[];
  /** Per class (negative, neutral, positive): bias then one weight per feature. */
  weights: [number[], number[], number[]];
}

/** Class probabilities (negative, neutral, positive). */
export function toneProbabilities(model: ToneModel, features: number[]): [number, number, number] {
  const logits = model.weights.map((w) => {
    let z = w[0]!;
    for (let f = 0; f < features.length; f += 1) z += w[f + 1]! * ((features[f]! - model.mean[f]!) / model.std[f]!);
    return z;
  });
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const total = exps[0]! + exps[1]! + exps[2]!;
  return [exps[0]! / total, exps[1]! / total, exps[2]! / total];
}

/**
 * A -1..1 score whose +/-0.05 label is the most probable class: P(positive) − P(negative),
 * pulled inside (−0.05, 0.05) when neutral wins and outside it when a polar class wins.
 */
export function toneScore(probabilities: [number, number, number]): number {
  const [negative, neutral, positive] = probabilities;
  const raw = positive - negative;
  if (neutral >= negative && neutral >= positive) return Math.max(-0.049, Math.min(0.049, raw * 0.049));
  if (positive > negative) return Math.max(0.05, raw);
  return Math.min(-0.05, raw);
}

/**
 * Fits a model by batch gradient descent with L2 (used by the eval script's --fit-french). The
 * first `lightFeatures` features get a hundredth of the penalty, so the model leans on them
 * (the rule-based features) and uses the others (word presence) only where the data insist.
 */
export function fitToneModel(rows: number[][], labels: number[], lambda: number, lightFeatures = 0, epochs = 400, rate = 0.5): ToneModel {
  const nf = rows[0]?.length ?? 0;
  const mean = new Array<number>(nf).fill(0);
  const std = new Array<number>(nf).fill(0);
  for (const row of rows) row.forEach((v, f) => (mean[f]! += v / rows.length));
  for (const row of rows) row.forEach((v, f) => (std[f]! += (v - mean[f]!) ** 2 / rows.length));
  for (let f = 0; f < nf; f += 1) std[f] = Math.sqrt(std[f]!) || 1;
  const weights: [number[], number[], number[]] = [0, 1, 2].map(() => new Array<number>(nf + 1).fill(0)) as [number[], number[], number[]];
  const model: ToneModel = { mean, std, weights };
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    const grads = weights.map(() => new Array<number>(nf + 1).fill(0));
    rows.forEach((row, r) => {
      const p = toneProbabilities(model, row);
      for (let c = 0; c < 3; c += 1) {
        const err = p[c]! - (labels[r] === c ? 1 : 0);
        grads[c]![0]! += err;
        for (let f = 0; f < nf; f += 1) grads[c]![f + 1]! += err * ((row[f]! - mean[f]!) / std[f]!);
      }
    });
    for (let c = 0; c < 3; c += 1) {
      for (let k = 0; k <= nf; k += 1) {
        const l2 = k === 0 ? 0 : (k <= lightFeatures ? lambda / 100 : lambda) * weights[c]![k]!;
        weights[c]![k]! -= rate * (grads[c]![k]! / rows.length + l2);
      }
    }
  }
  return model;
}
