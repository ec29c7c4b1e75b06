import { ParseError } from '../../core/errors.js';
import type { ItemProblem, RawItem } from '../../core/raw-item.js';
import type { ConnectorCursor, FetchContext, FetchOutcome, SourceDefinition } from '../connector.js';
import { asId, asRecord, getJson } from '../shared/json-api.js';
import { mapStatus, newerId } from './map-status.js';
import type { MastodonOptions } from './manifest.js';



/** Polls one `mastodon` source (see ./manifest.ts); loaded on the first poll, not with the registry. */
export async function fetchMastodon(source: SourceDefinition<MastodonOptions>, cursor: ConnectorCursor, context: FetchContext): Promise<FetchOutcome> {
  const options = source.options;
  const instance = options.instance.replace(/\/$/, '');
  let base: string;
  if (options.hashtag !== undefined) {
    base = `${instance}/api/v1/timelines/tag/${encodeURIComponent(options.hashtag)}`;
  } else {
    const acct = options.account!.replace(/^@/, '');
    const { json } = await getJson(context, source.id, `${instance}/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`);
    const id = asId(asRecord(json)?.['id']);
    if (id === null) throw new ParseError(`source "${source.id}": ${instance} has no account ${acct}`, 'not-found');
    base = `${instance}/api/v1/accounts/${id}/statuses`;
  }
  const since = cursor.position ?? null;
  const items: RawItem[] = [];
  const problems: ItemProblem[] = [];
  let newest = since;
  let maxId: string | null = null;
  let seen = 0;
  for (let page = 0; page < options.maxPages; page += 1) {
    const params = new URLSearchParams({ limit: String(options.limit) });
    if (since) params.set('since_id', since);
    if (maxId) params.set('max_id', maxId);
    const { json } = await getJson(context, source.id, `${base}?${params.toString()}`);
    if (!Array.isArray(json)) throw new ParseError(`source "${source.id}" (${base}): expected a list of statuses`, 'not-an-api-answer');
    let oldest: string | null = null;
    json.forEach((value: unknown) => {
      const { item, problem } = mapStatus(value, seen++);
      if (problem) problems.push(problem);
      if (item) items.push(item);
      const id = asId(asRecord(value)?.['id']);
      if (id !== null) {
        newest = newerId(newest, id);
        oldest = oldest === null || newerId(oldest, id) === oldest ? id : oldest;
      }
    });
    // A full page may hide more: page back (max_id) until a short page, the known position, or maxPages.
    if (json.length < options.limit || oldest === null) break;
    maxId = oldest;
  }
  return { status: 'ok', items, problems, cursor: { ...cursor, position: newest }, detectedType: options.hashtag !== undefined ? 'mastodon-hashtag' : 'mastodon-account' };
}
