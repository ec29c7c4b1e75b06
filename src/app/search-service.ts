import type { MentionIndex, SearchHit, SearchRequest, SortOrder } from '../index/mention-index.js';
import { parseQuery } from '../index/query/parse.js';
import { hitToJson, type HitView } from './hit-view.js';
import { checkOrder } from './time-range.js';

/** A search as an entry point asks for it: the query text and already-read options. */
export interface SearchInput {
  /** Query language text (docs/query-language.md); a bad query throws `UserInputError` with its position. */
  query: string;
  limit: number;
  sort: SortOrder;
  from?: Date | undefined;
  to?: Date | undefined;
  cursor?: string | undefined;
}

/** One page of results, as plain data and as the index's hits (for entry points that format text). */
export interface SearchResult {
  hits: HitView[];
  /** The same hits as the index gave them (snippets keep their highlight markers). */
  rawHits: SearchHit[];
  total: number;
  totalIsExact: boolean;
  nextCursor: string | null;
  /** Nothing matched because the index holds no mention at all (not because of the query). */
  indexEmpty: boolean;
}

/**
 * Reads a search: parses the query (a bad one throws `UserInputError` with its position). Done
 * before the index is opened, so a mistake costs nothing.
 */
export function planSearch(input: SearchInput, names?: { from: string; to: string }): SearchRequest {
  checkOrder(input.from, input.to, names);
  return {
    query: parseQuery(input.query), sort: input.sort, limit: input.limit,
    ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}), ...(input.cursor ? { cursor: input.cursor } : {}),
  };
}

/** Runs a planned search and returns the page. */
export async function searchMentions(index: MentionIndex, request: SearchRequest): Promise<SearchResult> {
  const page = await index.search(request);
  const indexEmpty = page.total === 0 && (request.query === null || (await index.search({ query: null, sort: 'date', limit: 1 })).total === 0);
  return { hits: page.hits.map(hitToJson), rawHits: page.hits, total: page.total, totalIsExact: page.totalIsExact, nextCursor: page.nextCursor ?? null, indexEmpty };
}
