import { ParseError } from '../../core/errors.js';
import type { ItemProblem, RawItem } from '../../core/raw-item.js';
import type { ConnectorCursor, FetchContext, FetchOutcome, SourceDefinition } from '../connector.js';
import { asId, asNumber, asRecord, asString, audienceOf, getJson } from '../shared/json-api.js';
import type { HackerNewsOptions } from './manifest.js';

const HN_ITEM = 'https://news.ycombinator.com/item?id=';

/** Maps one Algolia hit: a story (a submission, possibly of an article) or a comment, each at its HN permalink. */
function mapHit(value: unknown, index: number): { item: RawItem | null; problem: ItemProblem | null } {
  const hit = asRecord(value);
  const id = asId(hit?.['objectID']);
  if (!hit || !id) return { item: null, problem: { index, reason: 'not-a-hit', message: `hit ${index} has no objectID`, outcome: 'dropped' } };
  const tags = Array.isArray(hit['_tags']) ? (hit['_tags'] as unknown[]) : [];
  const isComment = tags.includes('comment') || asString(hit['comment_text']) !== null;
  const storyTitle = asString(hit['story_title']) ?? asString(hit['title']);
  // A story is a submission: its identity is its HN permalink; the article it links to is what it shares.
  const shared = isComment ? null : asString(hit['url']);
  const item: RawItem = {
    guid: `hn:${id}`,
    link: `${HN_ITEM}${id}`,
    ...(shared ? { sharedUrl: shared } : {}),
    title: isComment ? (storyTitle ? `Comment on: ${storyTitle}` : null) : asString(hit['title']),
    contentHtml: isComment ? asString(hit['comment_text']) : asString(hit['story_text']),
    author: asString(hit['author']),
    published: asString(hit['created_at']),
    channel: 'forum',
    categories: [],
  };
  const audience = audienceOf({ score: asNumber(hit['points']), comments: asNumber(hit['num_comments']) });
  if (audience) item.audience = audience;
  return { item, problem: null };
}

/** Polls one `hackernews` source (see ./manifest.ts); loaded on the first poll, not with the registry. */
export async function fetchHackerNews(source: SourceDefinition<HackerNewsOptions>, cursor: ConnectorCursor, context: FetchContext): Promise<FetchOutcome> {
  const options = source.options;
  const params = new URLSearchParams({ query: options.query, tags: `(${options.kinds.join(',')})`, hitsPerPage: String(options.hitsPerPage) });
  if (cursor.position && /^\d+$/.test(cursor.position)) params.set('numericFilters', `created_at_i>${cursor.position}`);
  const url = `${options.baseUrl.replace(/\/$/, '')}/api/v1/search_by_date?${params.toString()}`;
  const { json } = await getJson(context, source.id, url);
  const hits = asRecord(json)?.['hits'];
  if (!Array.isArray(hits)) throw new ParseError(`source "${source.id}": the HN search answer has no "hits" list`, 'not-an-api-answer');
  const items: RawItem[] = [];
  const problems: ItemProblem[] = [];
  let newest = cursor.position && /^\d+$/.test(cursor.position) ? Number(cursor.position) : 0;
  hits.forEach((hit: unknown, index) => {
    const { item, problem } = mapHit(hit, index);
    if (problem) problems.push(problem);
    if (item) items.push(item);
    newest = Math.max(newest, asNumber(asRecord(hit)?.['created_at_i']) ?? 0);
  });
  return { status: 'ok', items, problems, cursor: { ...cursor, position: newest > 0 ? String(newest) : (cursor.position ?? null) }, detectedType: 'hackernews-algolia' };
}
