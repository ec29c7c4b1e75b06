import type { SourceDefinition } from '../connectors/connector.js';
import { normaliseItem, type NormalisedItem } from './normalise.js';
import type { ItemProblem, RawItem } from './raw-item.js';

/** A document's raw items as ingestion stores them. */
export interface NormalisedItems {
  /** Items that survive normalisation, one per mention id, in document order. */
  items: NormalisedItem[];
  /** The raw index (position in the document) of each item in `items`. */
  rawIndexes: number[];
  /** Normalisation's problems (dropped or repaired items), in document order. */
  problems: ItemProblem[];
}

/** What normalisation reads of a source: plain data, so that it can cross to another thread. */
export type NormaliseSource = Pick<SourceDefinition, 'id' | 'name' | 'channel' | 'url'>;

/**
 * Every raw item of one document through `normaliseItem`, duplicates within the document collapsed
 * on the mention id. The one place the drop rules run, for `run` and `sources test` alike, on
 * whichever thread parsed the document.
 */
export function normaliseItems(raws: readonly RawItem[], source: NormaliseSource, now: Date): NormalisedItems {
  const items: NormalisedItem[] = [];
  const rawIndexes: number[] = [];
  const problems: ItemProblem[] = [];
  const ids = new Set<string>();
  raws.forEach((raw, index) => {
    const result = normaliseItem(raw, source, { now, index });
    if (!result.ok) {
      problems.push(result.problem);
      return;
    }
    problems.push(...result.problems);
    // Duplicates within one document (a repeated GUID or link) collapse on the mention id.
    if (ids.has(result.item.id)) return;
    ids.add(result.item.id);
    items.push(result.item);
    rawIndexes.push(index);
  });
  return { items, rawIndexes, problems };
}
