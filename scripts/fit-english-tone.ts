/**
 * Fits the English tone layer (resources/lexicons/en/semeval2017-tone-model.json):
 *   node --import tsx scripts/fit-english-tone.ts --data ../shared/data
 * On the TRAIN split of the SemEval 2017 English tweets only (3 classes); the vocabulary's minimum
 * document frequency and the L2 strength are chosen on its validation split (macro-F1). The VADER
 * sets are not looked at here: they stay for measuring (npm run eval:sentiment).
 * Deterministic: full-batch gradient descent from zero weights, no sampling.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EnglishRules } from '../src/enrich/sentiment/english-rules.js';
import { ENGLISH_TONE_MODEL, englishInput, englishWords, withRuleIntensity } from '../src/enrich/sentiment/english-tone.js';
import { fitLearnedLayer, layerProbabilities, layerScore, type LearnedLayer } from '../src/enrich/sentiment/learned-layer.js';
import { lexiconPath } from '../src/enrich/sentiment/load-lexicon.js';
import { classificationFigures, classOf, readTweetSplit, sentimentDir } from './sentiment-data.js';

const at = process.argv.indexOf('--data');
const dir = join(sentimentDir(resolve(process.argv[at + 1] ?? '../shared/data')), 'en_semeval2017_tweets');
const train = readTweetSplit(dir, 'train');
const val = readTweetSplit(dir, 'val');
const rules = new EnglishRules();

const frequency = new Map<string, number>();
for (const { text } of train) {
  const bag = new Set<string>();
  englishWords(text, bag, { first: 0, second: 0, words: 0 });
  for (const word of bag) frequency.set(word, (frequency.get(word) ?? 0) + 1);
}
const rulesOnly = classificationFigures(val.map((r) => r.label), val.map(({ text }) => classOf(rules.polarityScores(text).compound))).macroF1;
process.stderr.write(`rules alone: validation macro-F1 ${rulesOnly.toFixed(3)}\n`);

let best: { f1: number; layer: LearnedLayer; label: string } | null = null;
for (const minDf of [3, 5]) {
  const vocabulary = [...frequency].filter(([, n]) => n >= minDf).map(([word]) => word).sort();
  const index = new Map(vocabulary.map((word, i) => [word, i]));
  const inputs = train.map(({ text }) => englishInput(rules, index, text));
  const valInputs = val.map(({ text }) => englishInput(rules, index, text));
  for (const lambda of [0.003, 0.01, 0.03, 0.1]) {
    for (const denseRatio of [100, 10]) {
      const layer = fitLearnedLayer(inputs, train.map((r) => r.label), vocabulary, { classes: 3, lambdaDense: lambda / denseRatio, lambdaWords: lambda });
      const predicted = valInputs.map((input) => classOf(withRuleIntensity(layerScore(layerProbabilities(layer, input)), input.dense[0]!)));
      const f1 = classificationFigures(val.map((r) => r.label), predicted).macroF1;
      const label = `min df ${minDf} (${vocabulary.length} words), L2 ${lambda} (rule features 1/${denseRatio} of it)`;
      process.stderr.write(`${label}: validation macro-F1 ${f1.toFixed(3)}\n`);
      if (!best || f1 > best.f1) best = { f1, layer, label };
    }
  }
}
const chosen = best!;
const fittedOn = `train split of SemEval 2017 English tweets (cardiffnlp/xlm-t); ${chosen.label}, chosen on its validation split`;
const path = lexiconPath(ENGLISH_TONE_MODEL);
writeFileSync(path, `${JSON.stringify({ fittedOn, tone: chosen.layer })}\n`);
process.stderr.write(`wrote ${path}: ${chosen.label}\n`);
