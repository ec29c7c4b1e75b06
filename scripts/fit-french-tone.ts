/**
 * Fits the French tone layer (resources/lexicons/fr/deft2017-allocine-tone-model.json):
 *   node --import tsx scripts/fit-french-tone.ts --data ../shared/data
 * On the TRAIN splits only: DEFT 2017 tweets (3 classes) and Allociné TV-series reviews (negative /
 * positive). The L2 strengths and the weight of DEFT rows (Allociné has more) are chosen on the
 * validation splits by the goals they serve: the best Allociné dev accuracy among the settings
 * that keep DEFT val macro-F1 at 0.64 or more; failing that, the best DEFT figure among those
 * reaching 0.85 on Allociné; failing that, the best DEFT figure.
 * Deterministic: full-batch gradient descent from zero weights, no sampling.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FrenchRules } from '../src/enrich/sentiment/french-rules.js';
import { FRENCH_TONE_MODEL, frenchInput } from '../src/enrich/sentiment/french-tone.js';
import { fitLearnedLayer, layerProbabilities, layerScore, type LayerInput, type LearnedLayer } from '../src/enrich/sentiment/learned-layer.js';
import { lexiconPath } from '../src/enrich/sentiment/load-lexicon.js';
import { classificationFigures, classOf, readAllocine, readTweetSplit, sentimentDir, type Labelled } from './sentiment-data.js';

/** DEFT val macro-F1 to keep while choosing on Allociné dev. */
const DEFT_FLOOR = 0.64;
/** Allociné dev accuracy aimed at. */
const ALLOCINE_GOAL = 0.85;
/** Words kept: seen in at least this many train texts (DEFT and Allociné together). */
const MIN_DOCUMENT_FREQUENCY = 5;

const at = process.argv.indexOf('--data');
const dir = sentimentDir(resolve(process.argv[at + 1] ?? '../shared/data'));
const deftTrain = readTweetSplit(join(dir, 'fr_deft2017_tweets'), 'train');
const deftVal = readTweetSplit(join(dir, 'fr_deft2017_tweets'), 'val');
const alloTrain = readAllocine(join(dir, 'fr_allocine_tvseries', 'train.tsv'));
const alloDev = readAllocine(join(dir, 'fr_allocine_tvseries', 'dev.tsv'));
const train = [...deftTrain, ...alloTrain];
const rules = new FrenchRules();

const frequency = new Map<string, number>();
for (const { text } of train) {
  const bag = new Set<string>();
  rules.features(text, bag);
  for (const word of bag) frequency.set(word, (frequency.get(word) ?? 0) + 1);
}
const vocabulary = [...frequency].filter(([, n]) => n >= MIN_DOCUMENT_FREQUENCY).map(([word]) => word).sort();
const index = new Map(vocabulary.map((word, i) => [word, i]));
const input = (rows: Labelled[]): LayerInput[] => rows.map(({ text }) => frenchInput(rules, index, text));
const inputs = input(train);
const deftValInputs = input(deftVal);
const alloDevInputs = input(alloDev);
const predict = (layer: LearnedLayer, rows: LayerInput[]): number[] => rows.map((x) => classOf(layerScore(layerProbabilities(layer, x))));

let best: { score: number; layer: LearnedLayer; label: string } | null = null;
for (const lambda of [0.001, 0.002]) {
  for (const deftWeight of [1, 2, 3]) {
    for (const ruleShare of [100, 10]) {
      const weights = train.map((_, i) => (i < deftTrain.length ? deftWeight : 1));
      const layer = fitLearnedLayer(inputs, train.map((r) => r.label), vocabulary, { classes: 3, lambdaDense: lambda / ruleShare, lambdaWords: lambda, weights });
      const deft = classificationFigures(deftVal.map((r) => r.label), predict(layer, deftValInputs)).macroF1;
      const allo = classificationFigures(alloDev.map((r) => r.label), predict(layer, alloDevInputs)).accuracy;
      const label = `${vocabulary.length} words (min df ${MIN_DOCUMENT_FREQUENCY}), L2 ${lambda} (rule features 1/${ruleShare} of it), DEFT rows x${deftWeight}`;
      process.stderr.write(`${label}: DEFT val macro-F1 ${deft.toFixed(3)}, Allociné dev accuracy ${allo.toFixed(3)}\n`);
      const score = deft >= DEFT_FLOOR ? 2 + allo : allo >= ALLOCINE_GOAL ? 1 + deft : deft;
      if (!best || score > best.score) best = { score, layer, label };
    }
  }
}
const chosen = best!;
const fittedOn = `train splits of DEFT 2017 French tweets (cardiffnlp/xlm-t) and Allociné TV-series reviews; ${chosen.label}; chosen on DEFT val + Allociné dev`;
const path = lexiconPath(FRENCH_TONE_MODEL);
writeFileSync(path, `${JSON.stringify({ fittedOn, tone: chosen.layer })}\n`);
process.stderr.write(`wrote ${path}: ${chosen.label}\n`);
