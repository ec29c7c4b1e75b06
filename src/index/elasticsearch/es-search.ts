import type { estypes } from '@elastic/elasticsearch';
import { IndexError, UserInputError } from '../../core/errors.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { plainSnippet } from '../plain-snippet.js';
import type { SearchHit, SearchPage, SearchRequest } from '../mention-index.js';
import { answerError, isFailure, type EsHttp } from './es-client.js';
import { positiveText, scopeQuery, type EsQuery } from './es-compile.js';
import { fromEsSource, MENTION_SOURCE_FIELDS, type EsDocument } from './es-document.js';

/** Counting stops here, as in the SQLite adapter (`totalIsExact: false` beyond). */
const COUNT_LIMIT = 10_000;

/** The `_source` fields a search reads. */
export type EsHitSource = Pick<EsDocument, 'title' | 'text' | 'doc' | 'published_at'>;
type EsHit = estypes.SearchHit<EsHitSource>;

/**
 * Sends a search (typed request, typed answer), turning a refused query (too many clauses) into a
 * user error.
 */
export async function runSearch<TSource = EsHitSource, TAggs = Record<string, estypes.AggregationsAggregate>>(
  http: EsHttp,
  alias: string,
  request: Omit<estypes.SearchRequest, 'index'>,
): Promise<estypes.SearchResponse<TSource, TAggs>> {
  const what = `POST /${alias}/_search`;
  const answer = await http.call(what, (client, options) => client.search<TSource, TAggs>({ index: alias, ...request }, options));
  if (!isFailure(answer)) return answer.body;
  if (answer.status === 400 && /too_many_(nested_)?clauses|maxClauseCount/i.test(JSON.stringify(answer.body))) {
    throw new UserInputError('query too expensive: it expands to too many terms; narrow the wildcards or split the query', 'query-too-expensive');
  }
  throw answerError(what, answer);
}

function totalOf(answer: estypes.SearchResponse<EsHitSource>): { total: number; totalIsExact: boolean } {
  const total = answer.hits.total;
  if (typeof total === 'number') return { total, totalIsExact: true };
  return { total: total?.value ?? 0, totalIsExact: total?.relation === 'eq' };
}

/**
 * Search on Elasticsearch. By date: `search_after` on (published_at, id), stable under inserts.
 * By relevance: offset pages over the documents indexed before the first page (`indexed_at`).
 */
export async function searchEs(http: EsHttp, alias: string, request: SearchRequest, now: Date): Promise<SearchPage> {
  if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > 100) {
    throw new UserInputError(`limit must be an integer from 1 to 100 (got ${request.limit})`, 'invalid-limit');
  }
  const text = positiveText(request.query);
  const relevance = request.sort === 'relevance' && text.length > 0;
  const body: Omit<estypes.SearchRequest, 'index'> = {
    size: request.limit + 1,
    track_total_hits: COUNT_LIMIT,
    _source: [...MENTION_SOURCE_FIELDS, 'published_at'],
    highlight: {
      pre_tags: ['\u0002'],
      post_tags: ['\u0003'],
      fields: { text: { fragment_size: 160, number_of_fragments: 1 }, title: { number_of_fragments: 0 } },
    },
  };
  let offset = 0;
  if (relevance) {
    const cursor = request.cursor ? decodeCursor(request.cursor, 'relevance') : null;
    const snapshot = cursor?.sort === 'relevance' ? cursor.snapshot : now.toISOString();
    offset = cursor?.sort === 'relevance' ? cursor.offset : 0;
    const query = scopeQuery(request.query, request.from, request.to, [{ range: { indexed_at: { lte: snapshot } } }]);
    // Stemmed French and English fields only add to the score; matching is the folded fields'.
    const words = text.join(' ');
    const boost: EsQuery[] = (['title.fr', 'text.fr', 'title.en', 'text.en'] as const).map((field) => ({
      match: { [field]: { query: words, ...(field.startsWith('title') ? { boost: 2 } : {}) } },
    }));
    body.query = { bool: { must: [query], should: boost } };
    body.sort = [{ _score: { order: 'desc' } }, { id: 'desc' }];
    body.from = offset;
    const answer = await runSearch(http, alias, body);
    const rows = answer.hits.hits;
    return {
      ...totalOf(answer),
      hits: rows.slice(0, request.limit).map(toHit),
      nextCursor: rows.length > request.limit ? encodeCursor({ sort: 'relevance', offset: offset + request.limit, snapshot }) : null,
    };
  }
  const cursor = request.cursor ? decodeCursor(request.cursor, 'date') : null;
  body.query = scopeQuery(request.query, request.from, request.to);
  body.sort = [{ published_at: 'desc' }, { id: 'desc' }];
  if (cursor?.sort === 'date') body.search_after = [cursor.published, cursor.after];
  const answer = await runSearch(http, alias, body);
  const rows = answer.hits.hits;
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return {
    ...totalOf(answer),
    hits: page.map((hit) => ({ ...toHit(hit), score: undefined })).map(({ score: _score, ...hit }) => hit),
    nextCursor:
      rows.length > request.limit && last
        ? encodeCursor({ sort: 'date', published: Date.parse(sourceOf(last).published_at), after: String(last._id) })
        : null,
  };
}

function sourceOf(hit: EsHit): EsHitSource {
  if (!hit._source) throw new IndexError(`elasticsearch: hit ${String(hit._id)} came without its _source`, { reason: 'bad-answer', retryable: false });
  return hit._source;
}

function toHit(hit: EsHit): SearchHit {
  const source = sourceOf(hit);
  const snippets: string[] = [];
  const textSnippet = hit.highlight?.text?.[0];
  snippets.push(textSnippet ?? plainSnippet(source.text));
  const title = hit.highlight?.title?.[0];
  if (title) snippets.push(title);
  const result: SearchHit = { mention: fromEsSource(source), snippets };
  if (typeof hit._score === 'number') result.score = hit._score;
  return result;
}
