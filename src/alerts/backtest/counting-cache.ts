import type { MentionIndex, SearchPage, SearchRequest } from '../../index/mention-index.js';

/**
 * A view of an index that remembers count queries (limit 1, no cursor): a replay asks for the same
 * windows again and again (each window is the next step's baseline), and history does not change.
 */
export function countingCache(index: MentionIndex): MentionIndex {
  const cache = new Map<string, Promise<SearchPage>>();
  const view = Object.create(index) as MentionIndex;
  view.search = (request: SearchRequest): Promise<SearchPage> => {
    if (request.limit !== 1 || request.cursor) return index.search(request);
    const key = JSON.stringify([request.query, request.from?.getTime(), request.to?.getTime(), request.sort]);
    const known = cache.get(key);
    if (known) return known;
    const page = index.search(request);
    cache.set(key, page);
    return page;
  };
  return view;
}
