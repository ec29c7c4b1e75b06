import type { StoryMembers } from '../mention-index.js';
import type { EsHttp } from './es-client.js';
import { fromEsSource, MENTION_SOURCE_FIELDS, type EsDocument } from './es-document.js';
import { runSearch } from './es-search.js';

type Source = Pick<EsDocument, 'title' | 'text' | 'doc'>;

/** A story's size, origin and newest mentions: two term searches on `story_id`. */
export async function storyEs(http: EsHttp, alias: string, storyId: string, limit: number): Promise<StoryMembers> {
  const size = Math.max(1, Math.min(100, Math.floor(limit)));
  const query = { term: { story_id: storyId } };
  const [latest, first] = await Promise.all([
    runSearch<Source>(http, alias, { size, track_total_hits: true, _source: MENTION_SOURCE_FIELDS, query, sort: [{ published_at: 'desc' }, { id: 'desc' }] }),
    runSearch<Source>(http, alias, { size: 1, track_total_hits: false, _source: MENTION_SOURCE_FIELDS, query, sort: [{ published_at: 'asc' }, { id: 'asc' }] }),
  ]);
  const total = latest.hits.total;
  const count = typeof total === 'number' ? total : (total?.value ?? 0);
  const origin = first.hits.hits[0]?._source;
  return {
    size: count,
    origin: origin ? fromEsSource(origin) : null,
    latest: latest.hits.hits.flatMap((hit) => (hit._source ? [fromEsSource(hit._source)] : [])),
  };
}
