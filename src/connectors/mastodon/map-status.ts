import type { ItemProblem, RawItem } from '../../core/raw-item.js';
import { asId, asNumber, asRecord, asString, audienceOf } from '../shared/json-api.js';

/** Maps one status of Mastodon's REST API to a raw item (a boost maps to the boosted status). */
export function mapStatus(value: unknown, index: number): { item: RawItem | null; problem: ItemProblem | null } {
  const outer = asRecord(value);
  const status = asRecord(outer?.['reblog']) ?? outer;
  const id = asId(status?.['id']);
  if (!status || !id) return { item: null, problem: { index, reason: 'not-a-status', message: `entry ${index} is not a status`, outcome: 'dropped' } };
  const account = asRecord(status['account']);
  const acct = asString(account?.['acct']);
  const display = asString(account?.['display_name']);
  const tags = Array.isArray(status['tags']) ? status['tags'].map((tag) => asString(asRecord(tag)?.['name'])).filter((t): t is string => t !== null) : [];
  const spoiler = asString(status['spoiler_text']);
  // A link card (`card.url`) is the article the status shares.
  const shared = asString(asRecord(status['card'])?.['url']);
  const item: RawItem = {
    guid: asString(status['uri']) ?? id,
    link: asString(status['url']) ?? asString(status['uri']),
    ...(shared ? { sharedUrl: shared } : {}),
    title: null,
    contentHtml: asString(status['content']),
    summaryHtml: spoiler,
    author: acct ? (display ? `${display} (@${acct})` : `@${acct}`) : display,
    published: asString(status['created_at']),
    updated: asString(status['edited_at']),
    languageHint: asString(status['language']),
    channel: 'social',
    categories: tags.slice(0, 50),
  };
  const audience = audienceOf({
    followers: asNumber(account?.['followers_count']),
    shares: asNumber(status['reblogs_count']),
    comments: asNumber(status['replies_count']),
    score: asNumber(status['favourites_count']),
  });
  if (audience) item.audience = audience;
  return { item, problem: null };
}

/** Compares Mastodon's snowflake ids (decimal strings longer than 2^53). */
export function newerId(a: string | null, b: string | null): string | null {
  if (a === null || !/^\d+$/.test(a)) return b;
  if (b === null || !/^\d+$/.test(b)) return a;
  return BigInt(a) >= BigInt(b) ? a : b;
}
