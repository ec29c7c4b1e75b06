/**
 * Readers for the human-labelled sentiment sets in ../shared/data/sentiment (see its README), and
 * the figures computed on them. Shared by the eval and fitting scripts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';

/** A labelled text: label 0 negative, 1 neutral, 2 positive (binary sets use 0 and 2). */
export interface Labelled {
  text: string;
  label: number;
}

/** A text with the human mean rating on -4..+4 (VADER sets). */
export interface Rated {
  text: string;
  mean: number;
}

/** cardiffnlp-style split: `<split>_text.txt` and `<split>_labels.txt` (0/1/2), one a line. */
export function readTweetSplit(dir: string, split: string): Labelled[] {
  const labels = readFileSync(join(dir, `${split}_labels.txt`), 'utf8').split('\n').filter((l) => l.trim() !== '').map(Number);
  const texts = readFileSync(join(dir, `${split}_text.txt`), 'utf8').split('\n');
  return labels.map((label, i) => ({ label, text: texts[i] ?? '' }));
}

/** Allociné: `label<TAB>text`, 1 positive, 0 negative (mapped to 2 and 0). */
export function readAllocine(file: string): Labelled[] {
  const rows: Labelled[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    rows.push({ label: line.slice(0, tab) === '1' ? 2 : 0, text: line.slice(tab + 1) });
  }
  return rows;
}

/**
 * VADER ground truth: `id<TAB>mean<TAB>text`. The files keep Twitter's HTML escaping (`&amp;`,
 * `&lt;3`); hubwatch's normaliser decodes entities before enrichment, so texts are decoded here.
 */
export function readVader(file: string): Rated[] {
  const rows: Rated[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const first = line.indexOf('\t');
    const second = line.indexOf('\t', first + 1);
    if (first < 0 || second < 0) continue;
    const mean = Number(line.slice(first + 1, second));
    if (Number.isFinite(mean)) rows.push({ mean, text: decodeHTML(line.slice(second + 1)) });
  }
  return rows;
}

/** The sentiment directory: `dir` itself or `dir/sentiment`. */
export function sentimentDir(dir: string): string {
  return existsSync(join(dir, 'sentiment', 'en_vader')) || existsSync(join(dir, 'sentiment', 'fr_allocine_tvseries')) ? join(dir, 'sentiment') : dir;
}

/** Pearson correlation of two equally long series. */
export function pearson(xs: number[], ys: number[]): number {
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

/** Accuracy, macro- and support-weighted F1 over the classes present in the truth. */
export interface ClassFigures {
  accuracy: number;
  macroF1: number;
  weightedF1: number;
}

export function classificationFigures(truth: number[], predicted: number[]): ClassFigures {
  const classes = [...new Set(truth)].sort();
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
    macro += f1;
    weighted += f1 * (tp + fn);
  }
  return {
    accuracy: truth.length === 0 ? 0 : correct / truth.length,
    macroF1: classes.length === 0 ? 0 : macro / classes.length,
    weightedF1: truth.length === 0 ? 0 : weighted / truth.length,
  };
}

/** 0 negative, 1 neutral, 2 positive for a -1..1 score at +/-0.05. */
export function classOf(score: number): number {
  return score >= 0.05 ? 2 : score <= -0.05 ? 0 : 1;
}
