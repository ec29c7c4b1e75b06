import type { Figure, Trace } from '../report-model.js';
import type { Period } from './report-plan.js';

/** Makes figures traced to searches over one period. */
export class Tracer {
  constructor(private readonly period: Period) {}

  trace(query: string, period: Period = this.period): Trace {
    return { query, from: period.from.toISOString(), to: period.to.toISOString() };
  }

  figure(value: number, query: string, period: Period = this.period): Figure {
    return { value, trace: this.trace(query, period) };
  }
}
