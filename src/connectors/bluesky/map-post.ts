import type { ItemProblem, RawItem } from '../../core/raw-item.js';
import { asNumber, asRecord, asString, audienceOf } from '../shared/json-api.js';

/** `at://did:plc:x/app.bsky.feed.post/3k…` → the post's web address on bsky.app. */
function webUrl(uri: string, handle: string | null): string | null {
  const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([\w~.-]+)$/.exec(uri);
  return match ? `https://bsky.app/profile/${handle ?? match[1]}/post/${match[2]}` : null;
}

/**
 * The URL of an external link card: the view's `app.bsky.embed.external#view` (alone or as the
 * media of a `recordWithMedia`), else the record's own `app.bsky.embed.external`.
 */
function linkCard(post: Record<string, unknown>, record: Record<string, unknown>): string | null {
  for (const embed of [asRecord(post['embed']), asRecord(record['embed'])]) {
    const external = asRecord(embed?.['external']) ?? asRecord(asRecord(embed?.['media'])?.['external']);
    const uri = asString(external?.['uri']);
    if (uri && /^https?:\/\//i.test(uri)) return uri;
  }
  return null;
}

/** Maps an `app.bsky.feed.defs#postView` to a raw item; a link card is what the post shares. */
export function mapPost(value: unknown, index: number): { item: RawItem | null; problem: ItemProblem | null } {
  const post = asRecord(value);
  const uri = asString(post?.['uri']);
  const record = asRecord(post?.['record']);
  if (!post || !uri || !record) return { item: null, problem: { index, reason: 'not-a-post', message: `entry ${index} is not a post view`, outcome: 'dropped' } };
  const author = asRecord(post['author']);
  const handle = asString(author?.['handle']);
  const name = asString(author?.['displayName']);
  const shared = linkCard(post, record);
  const langs = Array.isArray(record['langs']) ? record['langs'].filter((lang): lang is string => typeof lang === 'string') : [];
  const item: RawItem = {
    guid: uri,
    link: webUrl(uri, handle),
    ...(shared ? { sharedUrl: shared } : {}),
    title: null,
    contentText: asString(record['text']),
    author: handle ? (name ? `${name} (@${handle})` : `@${handle}`) : name,
    published: asString(record['createdAt']) ?? asString(post['indexedAt']),
    languageHint: langs[0] ?? null,
    channel: 'social',
    categories: [],
  };
  const audience = audienceOf({
    shares: (asNumber(post['repostCount']) ?? 0) + (asNumber(post['quoteCount']) ?? 0) || asNumber(post['repostCount']),
    comments: asNumber(post['replyCount']),
    score: asNumber(post['likeCount']),
  });
  if (audience) item.audience = audience;
  return { item, problem: null };
}
