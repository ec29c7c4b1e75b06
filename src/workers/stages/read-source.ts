import type { Connector, ConnectorCursor, FetchContext, FetchOutcome, SourceDefinition } from '../../connectors/connector.js';
import type { NormalisedItem } from '../../core/normalise.js';
import { normaliseItems } from '../../core/normalise-items.js';
import { takeNormalised } from '../../core/normalised-ahead.js';
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
 * Cleans what a connector delivered: every raw item through `normaliseItems` (or its result, when the
 * thread that parsed the document normalised it too), after the connector's own problems.
 */
export function normaliseOutcome(outcome: FetchOutcome, source: SourceDefinition, now: Date): Omit<SourceReading, 'outcome'> {
  const { items, rawIndexes, problems } = takeNormalised(outcome.items, source, now) ?? normaliseItems(outcome.items, source, now);
  return { items, rawIndexes, problems: [...outcome.problems, ...problems] };
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
