import type { Figure, PreReadReport, Tone } from '../report-model.js';
import type { Inline } from './outline-types.js';
import type { Format, Words } from './words.js';

/** Helpers shared by the section builders. */
export interface Ctx {
  f: Format;
  w: Words;
  report: PreReadReport;
}

export function fig(value: string, figure: Figure): Inline {
  return { text: value, trace: figure.trace };
}

export function toneCells(c: Ctx, tone: Tone): Inline[] {
  return [c.f.n(tone.positive), c.f.n(tone.neutral), c.f.n(tone.negative), c.f.balance(tone.balance)];
}

