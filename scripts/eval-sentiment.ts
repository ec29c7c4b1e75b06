/**
 * Sentiment accuracy on every labelled set, in one table (see ../shared/data/README.md):
 *   npm run eval:sentiment -- --data ../shared/data [--json]
 * Each set is scored three times: by the default analyser (French layer, English rules), with the
 * English layer as well (off by default), and by the rules alone.
 * - English SemEval 2017 tweets (0/1/2): train (fitted on) and validation; macro-F1, accuracy.
 * - English VADER tweets and NYT snippets (human mean on -4..+4, measuring only): Pearson r with
 *   the mean; 3-class F1 with the truth taken as mean/4 against +/-0.05, as the VADER paper does.
 * - French DEFT 2017 tweets (0/1/2): train (fitted on) and validation.
 * - French Allociné TV-series reviews (negative/positive): train (fitted on) and dev; a neutral
 *   verdict counts as wrong.
 * - The entity-level check (sentences written for hubwatch): batch A (test/enrich/data/
 *   entity-sentiment.tsv) was written first and its failures shaped the clause rules; batch B
 *   (entity-sentiment-later.tsv) was written after them and measures them.
 * Refit the layers with scripts/fit-english-tone.ts and scripts/fit-french-tone.ts.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SentimentAnalyzer, type SentimentOptions } from '../src/enrich/sentiment/sentiment-analyzer.js';
import { ENTITY_CHECK_FILE, ENTITY_CHECK_LATER_FILE, readEntityCases, runEntityCheck } from './entity-check.js';
import { classificationFigures, classOf, pearson, readAllocine, readTweetSplit, readVader, sentimentDir, type ClassFigures, type Labelled } from './sentiment-data.js';

/** One row of the table. */
interface Row {
  set: string;
  split: string;
  role: 'fitted on' | 'validation' | 'measuring' | 'check';
  analyser: 'default' | '+ English' | 'rules only';
  n: number;
  r?: number;
  figures: ClassFigures;
}

/** The default analyser (French layer, English rules), with the English layer too, and rules only. */
const CONFIGS: [Row['analyser'], SentimentOptions][] = [
  ['default', {}],
  ['+ English', { englishModel: true }],
  ['rules only', { frenchModel: false, englishModel: false }],
];
const LABELS = ['negative', 'neutral', 'positive'];

function labelled(analyzer: SentimentAnalyzer, lang: string, rows: Labelled[]): ClassFigures {
  return classificationFigures(rows.map((r) => r.label), rows.map(({ text }) => classOf(analyzer.analyse(lang, '', text).document.score)));
}

function main(argv: string[]): void {
  const at = argv.indexOf('--data');
  const given = at >= 0 ? argv[at + 1] : undefined;
  if (given === undefined) {
    process.stderr.write('usage: npm run eval:sentiment -- --data <../shared/data or its sentiment/ folder> [--json]\n');
    process.exitCode = 2;
    return;
  }
  const dir = sentimentDir(resolve(given));
  const rows: Row[] = [];
  const batches: [string, ReturnType<typeof readEntityCases>][] = [
    ['entity check A', readEntityCases(ENTITY_CHECK_FILE)],
    ['entity check B', readEntityCases(ENTITY_CHECK_LATER_FILE)],
  ];
  for (const [analyser, options] of CONFIGS) {
    const analyzer = new SentimentAnalyzer(options);
    const add = (set: string, split: string, role: Row['role'], n: number, figures: ClassFigures, r?: number): void => {
      rows.push({ set, split, role, analyser, n, figures, ...(r === undefined ? {} : { r }) });
    };
    const semeval = join(dir, 'en_semeval2017_tweets');
    if (existsSync(semeval)) {
      for (const [split, role] of [['train', 'fitted on'], ['val', 'validation']] as const) {
        const data = readTweetSplit(semeval, split);
        add('en_semeval2017_tweets', split, role, data.length, labelled(analyzer, 'en', data));
      }
    } else if (analyser === 'default') process.stderr.write(`skipped: ${semeval} not found\n`);
    const vader = join(dir, 'en_vader');
    if (existsSync(vader)) {
      for (const [file, split] of [['tweets_GroundTruth.txt', 'tweets'], ['nytEditorialSnippets_GroundTruth.txt', 'nyt']] as const) {
        const data = readVader(join(vader, file));
        const scores = data.map(({ text }) => analyzer.analyse('en', '', text).document.score);
        const figures = classificationFigures(data.map((d) => classOf(d.mean / 4)), scores.map(classOf));
        add('en_vader', split, 'measuring', data.length, figures, pearson(data.map((d) => d.mean), scores));
      }
    } else if (analyser === 'default') process.stderr.write(`skipped: ${vader} not found\n`);
    // The English layer changes nothing in French: its rows would repeat the default's.
    const french = analyser !== '+ English';
    const deft = join(dir, 'fr_deft2017_tweets');
    if (french && existsSync(deft)) {
      for (const [split, role] of [['train', 'fitted on'], ['val', 'validation']] as const) {
        const data = readTweetSplit(deft, split);
        add('fr_deft2017_tweets', split, role, data.length, labelled(analyzer, 'fr', data));
      }
    } else if (french && analyser === 'default') process.stderr.write(`skipped: ${deft} not found\n`);
    const allocine = join(dir, 'fr_allocine_tvseries');
    if (french && existsSync(allocine)) {
      for (const [split, role] of [['train', 'fitted on'], ['dev', 'validation']] as const) {
        const data = readAllocine(join(allocine, `${split}.tsv`));
        add('fr_allocine_tvseries', split, role, data.length, labelled(analyzer, 'fr', data));
      }
    } else if (french && analyser === 'default') process.stderr.write(`skipped: ${allocine} not found\n`);
    for (const [set, cases] of batches) {
      const { truth, predicted } = runEntityCheck(options, cases);
      for (const lang of ['en', 'fr', 'all']) {
        const picked = cases.map((c, i) => i).filter((i) => lang === 'all' || cases[i]!.lang === lang);
        const index = (label: string): number => (LABELS.includes(label) ? LABELS.indexOf(label) : -1);
        add(set, lang, 'check', picked.length, classificationFigures(picked.map((i) => index(truth[i]!)), picked.map((i) => index(predicted[i]!))));
      }
    }
  }
  if (argv.includes('--json')) {
    for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
    return;
  }
  process.stdout.write(`${'set'.padEnd(22)} ${'split'.padEnd(7)} ${'role'.padEnd(11)} ${'analyser'.padEnd(11)}     n      r  macro-F1  weighted-F1  accuracy\n`);
  const order = [...rows].sort((a, b) => rows.findIndex((r) => r.set === a.set && r.split === a.split) - rows.findIndex((r) => r.set === b.set && r.split === b.split));
  for (const { set, split, role, analyser, n, r, figures } of order) {
    process.stdout.write(
      `${set.padEnd(22)} ${split.padEnd(7)} ${role.padEnd(11)} ${analyser.padEnd(11)} ${String(n).padStart(5)}  ${r === undefined ? '    -' : r.toFixed(3)}  ${figures.macroF1.toFixed(3).padStart(8)}  ${figures.weightedF1.toFixed(3).padStart(11)}  ${figures.accuracy.toFixed(3).padStart(8)}\n`,
    );
  }
}

main(process.argv.slice(2));
