import type { Mention, SentimentLabel } from '../../core/mention.js';
import type { Tone } from '../report-model.js';

/** Sentiment labels counted as they come. */
export class ToneTally {
  positive = 0;
  neutral = 0;
  negative = 0;
  unscored = 0;

  add(label: SentimentLabel): void {
    this[label] += 1;
  }

  tone(): Tone {
    const scored = this.positive + this.neutral + this.negative;
    return { positive: this.positive, neutral: this.neutral, negative: this.negative, balance: scored === 0 ? 0 : (this.positive - this.negative) / scored };
  }
}

/** The label of an entity in a mention: its own sentiment when the enricher gave one, else the mention's. */
export function entityLabel(mention: Mention, kind: string, id: string): SentimentLabel {
  const entity = mention.entities.find((e) => e.kind === kind && e.id === id);
  return entity?.sentiment?.label ?? mention.sentiment.label;
}

/** Counts per key, kept in a map. */
export function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** A publisher's figures (a source or an author). */
export interface RelayTally {
  name: string;
  count: number;
  reach: number;
  tone: ToneTally;
  broke: number;
  amplified: number;
}

export function relayTally(name: string): RelayTally {
  return { name, count: 0, reach: 0, tone: new ToneTally(), broke: 0, amplified: 0 };
}
