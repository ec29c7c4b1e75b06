import { UserInputError } from '../../core/errors.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import type { SearchHit, SearchPage, SearchRequest } from '../mention-index.js';
import { answerError, type EsHttp } from './es-client.js';
import { positiveText, scopeQuery, type EsQuery } from './es-compile.js';
import { fromEsSource, MENTION_SOURCE_FIELDS, type EsDocument } from './es-document.js';

/** Counting stops here, as in the SQLite adapter (`totalIsExact: false` beyond). */
const COUNT_LIMIT = 10_000;
const PLAIN_SNIPPET_CHARS = 200;

interface EsHit {
  _id: string;
  _score: number | null;
  _source: Pick<EsDocument, 'title' | 'text' | 'doc' | 'published_at'>;
  sort?: unknown[];
  highlight?: { text?: string[]; title?: string[] };
}

export interface EsSearchAnswer {
  hits: { total: { value: number; relation: 'eq' | 'gte' }; hits: EsHit[] };
}

function plainSnippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= PLAIN_SNIPPET_CHARS ? flat : `${flat.slice(0, PLAIN_SNIPPET_CHARS).replace(/\s\S*$/, '')}…`;
}

/** Sends a search, turning a refused query (too many clauses) into a user error. */
export async function runSearch(http: EsHttp, alias: string, body: Record<string, unknown>): Promise<EsSearchAnswer> {
  const answer = await http.request<EsSearchAnswer>('POST', `/${alias}/_search`, { body });
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  const text = JSON.stringify(answer.body);
  if (answer.status === 400 && /too_many_(nested_)?clauses|maxClauseCount/i.test(text)) {
    throw new UserInputError('query too expensive: it expands to too many terms; narrow the wildcards or split the query', 'query-too-expensive');
  }
  throw answerError('POST', `/${alias}/_search`, answer);
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
  const body: Record<string, unknown> = {
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
    const boost: EsQuery = { multi_match: { query: text.join(' '), fields: ['title.fr^2', 'text.fr', 'title.en^2', 'text.en'] } };
    body.query = { bool: { must: [query], should: [boost] } };
    body.sort = [{ _score: 'desc' }, { id: 'desc' }];
    body.from = offset;
    const answer = await runSearch(http, alias, body);
    const rows = answer.hits.hits;
    return {
      total: answer.hits.total.value,
      totalIsExact: answer.hits.total.relation === 'eq',
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
    total: answer.hits.total.value,
    totalIsExact: answer.hits.total.relation === 'eq',
    hits: page.map((hit) => ({ ...toHit(hit), score: undefined })).map(({ score: _score, ...hit }) => hit),
    nextCursor:
      rows.length > request.limit && last
        ? encodeCursor({ sort: 'date', published: Date.parse(last._source.published_at), after: last._id })
        : null,
  };
}

function toHit(hit: EsHit): SearchHit {
  const snippets: string[] = [];
  const textSnippet = hit.highlight?.text?.[0];
  snippets.push(textSnippet ?? plainSnippet(hit._source.text));
  const title = hit.highlight?.title?.[0];
  if (title) snippets.push(title);
  const result: SearchHit = { mention: fromEsSource(hit._source), snippets };
  if (typeof hit._score === 'number') result.score = hit._score;
  return result;
}
