import type { Mention } from '../core/mention.js';
import { foldText } from '../core/text/fold.js';
import type { MentionIndex } from '../index/mention-index.js';
import type { QueryField, QueryNode } from '../index/query/ast.js';
import { parseQuery } from '../index/query/parse.js';

/** Pages read at most when collecting mentions (100 each). */
const MAX_PAGES = 50;

/** The rule's query, parsed (it was checked when the configuration loaded). */
export function ruleQuery(text: string): QueryNode {
  const node = parseQuery(text);
  if (!node) throw new Error('empty alert query');
  return node;
}

/** `query AND field:"value"` as a tree. */
export function andField(query: QueryNode | null, field: QueryField, value: string): QueryNode {
  const leaf: QueryNode = { kind: 'phrase', field, value: foldText(value), position: 0 };
  return query ? { kind: 'and', children: [query, leaf] } : leaf;
}

/** Mentions matching `query` published in [from, to). Exact, one count query. */
export async function countIn(index: MentionIndex, query: QueryNode | null, from: Date, to: Date): Promise<number> {
  if (to <= from) return 0;
  const page = await index.search({ query, from, to, sort: 'date', limit: 1 });
  return page.total;
}

/** Mentions matching `query` published in [from, to), newest first, up to 5,000. */
export async function mentionsIn(index: MentionIndex, query: QueryNode | null, from: Date, to: Date): Promise<Mention[]> {
  const out: Mention[] = [];
  if (to <= from) return out;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await index.search({ query, from, to, sort: 'date', limit: 100, ...(cursor ? { cursor } : {}) });
    out.push(...result.hits.map((hit) => hit.mention));
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return out;
}

/**
 * Of the mentions `ids`, those that match `query` and were published in [from, to): the same
 * search `hubwatch search` runs, narrowed to the span the mentions were published in.
 */
export async function matchingAmong(index: MentionIndex, query: QueryNode, ids: readonly string[], from: Date, to: Date): Promise<Mention[]> {
  const wanted = new Set(ids);
  const found = await Promise.all(ids.map((id) => index.get(id)));
  const inRange = found.filter((m): m is Mention => m !== null && Date.parse(m.publishedAt) >= from.getTime() && Date.parse(m.publishedAt) < to.getTime());
  if (inRange.length === 0) return [];
  const times = inRange.map((m) => Date.parse(m.publishedAt));
  const lo = new Date(Math.min(...times));
  const hi = new Date(Math.max(...times) + 1);
  const bySource = new Map<string, Mention[]>();
  for (const m of inRange) bySource.set(m.sourceId, [...(bySource.get(m.sourceId) ?? []), m]);
  const matched: Mention[] = [];
  for (const sourceId of bySource.keys()) {
    for (const m of await mentionsIn(index, andField(query, 'source', sourceId), lo, hi)) if (wanted.has(m.id)) matched.push(m);
  }
  return matched;
}

/** Quotes a value for a shell command line. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** The `hubwatch search` command that lists the same mentions. */
export function searchCommand(query: string, from: Date, to: Date): string {
  return `hubwatch search ${shellQuote(query)} --from ${from.toISOString()} --to ${to.toISOString()}`;
}

/** A duration in seconds for people: `90 s`, `15 min`, `2 h`, `3 d`. */
export function describeSeconds(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
