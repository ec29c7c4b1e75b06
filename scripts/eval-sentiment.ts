/**
 * Sentiment accuracy on the human-labelled sets (see ../shared/data/README.md):
 *   npm run eval:sentiment -- --data ../shared/data/sentiment [--json]
 * English (VADER sets, human mean on -4..+4): Pearson r with the mean; 3-class F1 with the truth
 * taken as mean/4 against +/-0.05, as the VADER paper does. French (DEFT 2017 tweets, labels
 * 0/1/2): macro-F1 and accuracy, train and validation reported apart, with and without the
 * trained French model. `--fit-french` refits that model (train split; L2 picked on validation).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { decodeHTML } from 'entities';
import { join, resolve } from 'node:path';
import type { SentimentLabel } from '../src/core/mention.js';
import { FrenchRules } from '../src/enrich/sentiment/french-rules.js';
import { bagWords, FRENCH_TONE_MODEL, toneFeatures, type BagToneModel } from '../src/enrich/sentiment/french-tone.js';
import { lexiconPath } from '../src/enrich/sentiment/load-lexicon.js';
import { SentimentAnalyzer } from '../src/enrich/sentiment/sentiment-analyzer.js';
import { fitToneModel, toneProbabilities, toneScore } from '../src/enrich/sentiment/tone-model.js';

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
    // The files keep Twitter's HTML escaping (`&amp;`, `&lt;3`); hubwatch's normaliser decodes
    // entities before enrichment, so the analyser is measured on the text it would really see.
    predicted.push(analyzer.analyse('en', '', decodeHTML(line.slice(second + 1))).document.score);
  }
  return {
    set,
    n: human.length,
    r: pearson(human, predicted),
    figures: classificationFigures(human.map((m) => labelOf(m / 4)), predicted.map(labelOf)),
  };
}

function readDeft(dir: string, split: string): { texts: string[]; labels: number[] } {
  const labels = readFileSync(join(dir, `${split}_labels.txt`), 'utf8').split('\n').filter((l) => l.trim() !== '').map(Number);
  const texts = readFileSync(join(dir, `${split}_text.txt`), 'utf8').split('\n').slice(0, labels.length);
  return { texts, labels };
}

const NAMES: Label3[] = ['negative', 'neutral', 'positive'];

function evalDeft(analyzer: SentimentAnalyzer, dir: string, split: string, tag = ''): SetResult {
  const { texts, labels } = readDeft(dir, split);
  const truth = labels.map((l) => NAMES[l]!);
  const predicted = truth.map((_, i) => labelOf(analyzer.analyse('fr', '', texts[i] ?? '').document.score));
  return { set: `fr_deft2017_tweets ${split}${tag}`, n: truth.length, figures: classificationFigures(truth, predicted) };
}

/** Words kept in the model's vocabulary: seen in at least this many train tweets. */
const MIN_DOCUMENT_FREQUENCY = 5;

/**
 * Fits the French tone model on the train split only; the L2 strength is picked on the
 * validation split. Writes resources/lexicons/fr/deft2017-tone-model.json.
 */
function fitFrench(dir: string): void {
  const rules = new FrenchRules();
  const train = readDeft(dir, 'train');
  const val = readDeft(dir, 'val');
  const frequency = new Map<string, number>();
  for (const text of train.texts) for (const word of bagWords(rules, text)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const vocabulary = [...frequency].filter(([, n]) => n >= MIN_DOCUMENT_FREQUENCY).map(([word]) => word).sort();
  const index = new Map(vocabulary.map((word, i) => [word, i]));
  const rows = train.texts.map((text) => toneFeatures(rules, index, text));
  const valRows = val.texts.map((text) => toneFeatures(rules, index, text));
  let best: { lambda: number; f1: number; model: BagToneModel } | null = null;
  for (const lambda of [0.1, 0.3, 1]) {
    const model = { ...fitToneModel(rows, train.labels, lambda, rows[0]!.length - vocabulary.length), vocabulary };
    const predicted = valRows.map((row) => labelOf(toneScore(toneProbabilities(model, row))));
    const f1 = classificationFigures(val.labels.map((l) => NAMES[l]!), predicted).macroF1;
    process.stderr.write(`lambda ${lambda}: validation macro-F1 ${f1.toFixed(3)}\n`);
    if (!best || f1 > best.f1) best = { lambda, f1, model };
  }
  const path = lexiconPath(FRENCH_TONE_MODEL);
  const round = (x: number): number => Math.round(x * 1e5) / 1e5;
  const model = best!.model;
  const out = { ...model, mean: model.mean.map(round), std: model.std.map(round), weights: model.weights.map((w) => w.map(round)) };
  writeFileSync(path, `${JSON.stringify(out)}\n`);
  process.stderr.write(`wrote ${path} (${vocabulary.length} words, lambda ${best!.lambda})\n`);
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
  if (argv.includes('--fit-french')) {
    fitFrench(join(dir, 'fr_deft2017_tweets'));
    return;
  }
  const analyzer = new SentimentAnalyzer();
  const results: SetResult[] = [];
  const en = join(dir, 'en_vader');
  const fr = join(dir, 'fr_deft2017_tweets');
  if (existsSync(en)) {
    results.push(evalVader(analyzer, join(en, 'tweets_GroundTruth.txt'), 'en_vader tweets'));
    results.push(evalVader(analyzer, join(en, 'nytEditorialSnippets_GroundTruth.txt'), 'en_vader nyt'));
  } else process.stderr.write(`skipped English: ${en} not found\n`);
  if (existsSync(fr)) {
    const rulesOnly = new SentimentAnalyzer({ frenchModel: false });
    results.push(evalDeft(rulesOnly, fr, 'train', ' (rules only)'));
    results.push(evalDeft(rulesOnly, fr, 'val', ' (rules only)'));
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
  process.stdout.write(`${'set'.padEnd(41)} n      r      macro-F1  weighted-F1  accuracy\n`);
  for (const { set, n, r, figures } of results) {
    process.stdout.write(
      `${set.padEnd(40)} ${String(n).padStart(5)}  ${r === undefined ? '  -  ' : r.toFixed(3)}  ${figures.macroF1.toFixed(3).padStart(8)}  ${figures.weightedF1.toFixed(3).padStart(11)}  ${figures.accuracy.toFixed(3).padStart(8)}\n`,
    );
  }
}

main(process.argv.slice(2));
