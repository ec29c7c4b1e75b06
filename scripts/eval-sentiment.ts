/**
 * Sentiment accuracy on the human-labelled sets (see ../shared/data/README.md):
 *   npm run eval:sentiment -- --data ../shared/data/sentiment [--json]
 * English (VADER sets, human mean on -4..+4): Pearson r with the mean; 3-class F1 with the truth
 * taken as mean/4 against +/-0.05, as the VADER paper does. French (DEFT 2017 tweets, labels
 * 0/1/2): macro-F1 and accuracy, train and validation reported apart. Nothing here tunes anything.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SentimentLabel } from '../src/core/mention.js';
import { SentimentAnalyzer } from '../src/enrich/sentiment/sentiment-analyzer.js';

/** Pearson correlation of two equally long series. */
function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i += 1) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

interface ClassFigures {
  accuracy: number;
  macroF1: number;
  /** F1 per class weighted by the class's share of the truth. */
  weightedF1: number;
  perClass: Record<string, { precision: number; recall: number; f1: number; support: number }>;
}

/** Accuracy, macro- and support-weighted F1 over the classes present in the truth. */
function classificationFigures(truth: string[], predicted: string[]): ClassFigures {
  const classes = [...new Set(truth)].sort();
  const perClass: ClassFigures['perClass'] = {};
  let correct = 0;
  for (let i = 0; i < truth.length; i += 1) if (truth[i] === predicted[i]) correct += 1;
  let macro = 0;
  let weighted = 0;
  for (const label of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < truth.length; i += 1) {
      const t = truth[i] === label;
      const p = predicted[i] === label;
      if (t && p) tp += 1;
      else if (p) fp += 1;
      else if (t) fn += 1;
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[label] = { precision, recall, f1, support: tp + fn };
    macro += f1;
    weighted += f1 * (tp + fn);
  }
  return {
    accuracy: truth.length === 0 ? 0 : correct / truth.length,
    macroF1: classes.length === 0 ? 0 : macro / classes.length,
    weightedF1: truth.length === 0 ? 0 : weighted / truth.length,
    perClass,
  };
}

type Label3 = Exclude<SentimentLabel, 'unscored'>;

function labelOf(score: number): Label3 {
  return score >= 0.05 ? 'positive' : score <= -0.05 ? 'negative' : 'neutral';
}

interface SetResult {
  set: string;
  n: number;
  r?: number;
  figures: ClassFigures;
}

function evalVader(analyzer: SentimentAnalyzer, file: string, set: string): SetResult {
  const human: number[] = [];
  const predicted: number[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const first = line.indexOf('\t');
    const second = line.indexOf('\t', first + 1);
    if (first < 0 || second < 0) continue;
    const mean = Number(line.slice(first + 1, second));
    if (!Number.isFinite(mean)) continue;
    human.push(mean);
    predicted.push(analyzer.analyse('en', '', line.slice(second + 1)).document.score);
  }
  return {
    set,
    n: human.length,
    r: pearson(human, predicted),
    figures: classificationFigures(human.map((m) => labelOf(m / 4)), predicted.map(labelOf)),
  };
}

function evalDeft(analyzer: SentimentAnalyzer, dir: string, split: string): SetResult {
  const texts = readFileSync(join(dir, `${split}_text.txt`), 'utf8').split('\n');
  const labels = readFileSync(join(dir, `${split}_labels.txt`), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const names: Label3[] = ['negative', 'neutral', 'positive'];
  const truth = labels.map((l) => names[Number(l)]!);
  const predicted = truth.map((_, i) => labelOf(analyzer.analyse('fr', '', texts[i] ?? '').document.score));
  return { set: `fr_deft2017_tweets ${split}`, n: truth.length, figures: classificationFigures(truth, predicted) };
}

function main(argv: string[]): void {
  const at = argv.indexOf('--data');
  const given = at >= 0 ? argv[at + 1] : undefined;
  if (given === undefined) {
    process.stderr.write('usage: npm run eval:sentiment -- --data <dir with en_vader/ and fr_deft2017_tweets/> [--json]\n');
    process.exitCode = 2;
    return;
  }
  let dir = resolve(given);
  if (existsSync(join(dir, 'sentiment', 'en_vader'))) dir = join(dir, 'sentiment');
  const analyzer = new SentimentAnalyzer();
  const results: SetResult[] = [];
  const en = join(dir, 'en_vader');
  const fr = join(dir, 'fr_deft2017_tweets');
  if (existsSync(en)) {
    results.push(evalVader(analyzer, join(en, 'tweets_GroundTruth.txt'), 'en_vader tweets'));
    results.push(evalVader(analyzer, join(en, 'nytEditorialSnippets_GroundTruth.txt'), 'en_vader nyt'));
  } else process.stderr.write(`skipped English: ${en} not found\n`);
  if (existsSync(fr)) {
    results.push(evalDeft(analyzer, fr, 'train'));
    results.push(evalDeft(analyzer, fr, 'val'));
  } else process.stderr.write(`skipped French: ${fr} not found\n`);
  if (results.length === 0) {
    process.stderr.write(`no data set found under ${dir}\n`);
    process.exitCode = 1;
    return;
  }
  if (argv.includes('--json')) {
    for (const result of results) process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  process.stdout.write('set                          n      r      macro-F1  weighted-F1  accuracy\n');
  for (const { set, n, r, figures } of results) {
    process.stdout.write(
      `${set.padEnd(28)} ${String(n).padStart(5)}  ${r === undefined ? '  -  ' : r.toFixed(3)}  ${figures.macroF1.toFixed(3).padStart(8)}  ${figures.weightedF1.toFixed(3).padStart(11)}  ${figures.accuracy.toFixed(3).padStart(8)}\n`,
    );
  }
}

main(process.argv.slice(2));
