import type { Connector, ConnectorCursor, FetchContext, FetchOutcome, SourceDefinition } from '../../connectors/connector.js';
import { normaliseItem, type NormalisedItem } from '../../core/normalise.js';
import type { ItemProblem } from '../../core/raw-item.js';

/** What reading a source gives: the connector's outcome and its items as ingestion will store them. */
export interface SourceReading {
  outcome: FetchOutcome;
  /** Items that survive normalisation, one per mention id, in document order. */
  items: NormalisedItem[];
  /** The raw index (position in the document) of each item in `items`. */
  rawIndexes: number[];
  /** The connector's problems and normalisation's (dropped or repaired items). */
  problems: ItemProblem[];
}

/**
 * Cleans what a connector delivered: every raw item through `normaliseItem`, duplicates within the
 * document collapsed on the mention id. The one place the drop rules run, for `run` and for
 * `sources test` alike.
 */
export function normaliseOutcome(outcome: FetchOutcome, source: SourceDefinition, now: Date): Omit<SourceReading, 'outcome'> {
  const items: NormalisedItem[] = [];
  const rawIndexes: number[] = [];
  const problems: ItemProblem[] = [...outcome.problems];
  const ids = new Set<string>();
  outcome.items.forEach((raw, index) => {
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

/**
 * Fetches a source once through its connector and normalises what came back. Throws what the
 * connector throws (`FetchError`, `ParseError`) when the whole source is unusable.
 */
export async function readSource(
  connector: Connector,
  source: SourceDefinition,
  cursor: ConnectorCursor,
  context: FetchContext,
  now: Date,
): Promise<SourceReading> {
  const outcome = await connector.fetch(source, cursor, context);
  if (outcome.status === 'not-modified') return { outcome, items: [], rawIndexes: [], problems: [...outcome.problems] };
  return { outcome, ...normaliseOutcome(outcome, source, now) };
}
