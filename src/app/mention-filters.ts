import { ParameterError, UserInputError } from '../core/errors.js';
import type { QueryField, QueryNode } from '../index/query/ast.js';
import { phraseNode } from '../index/query/leaves.js';
import { parseQuery } from '../index/query/parse.js';
import { parseTimeOption } from './time-range.js';

/** The filters every list, stats and export of mentions takes, and the query field each stands for. */
export const FILTER_FIELDS = {
  brand: 'brand', person: 'person', topic: 'topic', sentiment: 'sentiment', channel: 'channel', source: 'source', lang: 'lang',
} as const satisfies Record<string, QueryField>;
export type FilterName = keyof typeof FILTER_FIELDS;
export const FILTER_NAMES = Object.keys(FILTER_FIELDS) as FilterName[];

/** Filters as an entry point read them (URL parameters): text, nothing parsed yet. */
export type MentionFilters = { q?: string | undefined; from?: string | undefined; to?: string | undefined } & {
  [name in FilterName]?: readonly string[] | undefined;
};

/** What the filters select: one query tree and a window, ready for any `MentionIndex` call. */
export interface FilterScope {
  query: QueryNode | null;
  from?: Date;
  to?: Date;
}

const DAY_MS = 86_400_000;

/** `to` as a bare date takes in that whole day (the index's `to` is exclusive). */
function readTo(value: string, now: Date): Date {
  const to = parseTimeOption(value, 'to', now);
  return /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? new Date(to.getTime() + DAY_MS) : to;
}

/**
 * A filter value as a leaf of its field: folded and checked like a quoted query value, and a single
 * word as a term (what `brand:acme` parses to), so the index's per-entity rollups serve it.
 */
function filterLeaf(value: string, field: QueryField): QueryNode {
  const node = phraseNode(value, 0, field);
  return node.kind === 'phrase' && !node.value.includes(' ') ? { kind: 'term', value: node.value, field, position: 0 } : node;
}

/** Re-throws a mistake as one of `parameter`, keeping the parser's position. */
function about<T>(parameter: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UserInputError && !(error instanceof ParameterError)) {
      const message = error.message.startsWith(`${parameter}:`) || error.message.startsWith(`${parameter} `) ? error.message : `${parameter}: ${error.message}`;
      throw new ParameterError(parameter, message, { reason: error.reason, ...(error.position === undefined ? {} : { position: error.position }) });
    }
    throw error;
  }
}

/**
 * Composes filters into one scope: the query `q` (parsed by the one parser; a mistake throws
 * `ParameterError` for `q` with the parser's position), AND each filter, where a repeated filter is
 * an OR of its values (`brand=acme&brand=globex`). Values are matched as whole values of their field,
 * never read as query syntax. `from` takes dates, date-times and `30d`/`12h` back from `now`;
 * a bare date as `to` includes that day. `defaultFrom` applies when `from` is absent.
 */
export function planFilters(filters: MentionFilters, now: Date, options: { defaultFrom?: string } = {}): FilterScope {
  const parts: QueryNode[] = [];
  const q = filters.q === undefined ? null : about('q', () => parseQuery(filters.q ?? ''));
  if (q) parts.push(q);
  for (const name of FILTER_NAMES) {
    const values = (filters[name] ?? []).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length === 0) continue;
    const leaves = values.map((value) => about(name, () => filterLeaf(value, FILTER_FIELDS[name])));
    parts.push(leaves.length === 1 ? leaves[0]! : { kind: 'or', children: leaves });
  }
  const fromText = filters.from ?? options.defaultFrom;
  const from = fromText === undefined ? undefined : about('from', () => parseTimeOption(fromText, 'from', now));
  const to = filters.to === undefined ? undefined : about('to', () => readTo(filters.to!, now));
  if (from && to && to <= from) throw new ParameterError('to', `to must be after from (${to.toISOString()} is not after ${from.toISOString()})`);
  const query = parts.length === 0 ? null : parts.length === 1 ? parts[0]! : { kind: 'and' as const, children: parts };
  return { query, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
