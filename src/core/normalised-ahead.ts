import type { NormalisedItems, NormaliseSource } from './normalise-items.js';
import type { RawItem } from './raw-item.js';

interface Ahead {
  sourceId: string;
  now: number;
  normalised: NormalisedItems;
}

/** Raw item lists (the very arrays a parser returned) and their normalisation, done where they were parsed. */
const aheadOf = new WeakMap<readonly RawItem[], Ahead>();

/**
 * Records that `items`, as a parser returned them, normalise to `normalised` for `source` at `now`
 * (done on the thread that parsed them, so the caller's thread need not). Weakly held: forgotten
 * with the array.
 */
export function keepNormalised(items: readonly RawItem[], source: NormaliseSource, now: Date, normalised: NormalisedItems): void {
  aheadOf.set(items, { sourceId: source.id, now: now.getTime(), normalised });
}

/**
 * The normalisation recorded for this very array, for this source and time, once (it is forgotten
 * when taken); null when there is none: a connector that rewrites the items it parsed (a new link, a
 * new channel) returns a new array, which has none, and is normalised by the caller as usual.
 */
export function takeNormalised(items: readonly RawItem[], source: NormaliseSource, now: Date): NormalisedItems | null {
  const ahead = aheadOf.get(items);
  if (!ahead) return null;
  aheadOf.delete(items);
  return ahead.sourceId === source.id && ahead.now === now.getTime() ? ahead.normalised : null;
}
