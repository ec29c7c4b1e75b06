import { ACCOUNTS, type SampleAccount } from './data/social-accounts.js';
import { escapeXml } from './feed-text.js';
import { OFFICIAL_ACCOUNT_ID } from './sample-outlets.js';
import type { SampleItem } from './sample-types.js';
import { ageMinutes, hash32, pick, seededRandom } from './seeded.js';

/** The instance the fictional statuses live on (a reserved `.example` host: never fetched). */
export const SAMPLE_INSTANCE = 'mastodon.example';
const TAG_URL = `https://${SAMPLE_INSTANCE}/tags/acme`;
const HASHTAG = `<a href="${TAG_URL}" class="mention hashtag" rel="tag">#<span>acme</span></a>`;

/** A status in the shape of Mastodon's REST API (GET /api/v1/timelines/tag/:hashtag). */
export type MastodonStatus = Record<string, unknown> & { id: string };

/** Status ids are anchored here rather than to today, so a status keeps its id (and URL) every day. */
const ID_ANCHOR_MS = Date.UTC(2026, 0, 1);

/**
 * Snowflake-style id as Mastodon makes them (milliseconds shifted left 16 bits, plus a sequence),
 * ordered like the statuses' dates but stable across days: the sample window slides every day,
 * and a newcomer running the demo for a week must not see each post indexed seven times.
 */
export function statusId(item: SampleItem): string {
  const ms = BigInt(ID_ANCHOR_MS - ageMinutes(item.key) * 60_000);
  return ((ms << 16n) + BigInt(hash32(item.key) & 0xffff)).toString();
}

function content(text: string, hashtag: boolean): string {
  const escaped = escapeXml(text).replace(/@AcmeRail/g, '<span class="h-card"><a href="https://mastodon.example/@AcmeRail" class="u-url mention">@<span>AcmeRail</span></a></span>');
  if (!hashtag) return `<p>${escaped}</p>`;
  return escaped.includes('#acme') ? `<p>${escaped.replace('#acme', HASHTAG)}</p>` : `<p>${escaped} ${HASHTAG}</p>`;
}

/** Acme's own account: its posts are served at /api/v1/accounts/:id/statuses. */
export const OFFICIAL_ACCOUNT: SampleAccount = { username: 'AcmeRail', domain: null, display_name: 'Acme Rail', followers_count: 48_200, lang: 'en' };

function accountFor(item: SampleItem): { account: SampleAccount; home: string } {
  if (item.feed === 'acme-official') return { account: OFFICIAL_ACCOUNT, home: SAMPLE_INSTANCE };
  const random = seededRandom(hash32(`account:${item.key}`));
  const account = pick(ACCOUNTS.filter((candidate) => candidate.lang === item.lang), random());
  return { account, home: account.domain ?? SAMPLE_INSTANCE };
}

/** The status permalink on its author's home instance, as Mastodon gives it. */
export function statusUrl(item: SampleItem): string {
  const { account, home } = accountFor(item);
  return `https://${home}/@${account.username}/${statusId(item)}`;
}

/** An account in the shape of Mastodon's REST API (also what /api/v1/accounts/lookup answers). */
export function accountJson(account: SampleAccount, lastStatusAt: string | null): Record<string, unknown> {
  const home = account.domain ?? SAMPLE_INSTANCE;
  return {
    id: account === OFFICIAL_ACCOUNT ? OFFICIAL_ACCOUNT_ID : String(100_000 + (hash32(account.username) % 900_000)),
    username: account.username,
    acct: account.domain ? `${account.username}@${account.domain}` : account.username,
    display_name: account.display_name,
    locked: false,
    bot: false,
    discoverable: true,
    group: false,
    created_at: '2022-11-07T00:00:00.000Z',
    note: '',
    url: `https://${home}/@${account.username}`,
    avatar: `https://${home}/avatars/original/missing.png`,
    avatar_static: `https://${home}/avatars/original/missing.png`,
    header: `https://${home}/headers/original/missing.png`,
    header_static: `https://${home}/headers/original/missing.png`,
    followers_count: account.followers_count,
    following_count: 150 + (hash32(account.username) % 400),
    statuses_count: 500 + (hash32(`${account.username}:n`) % 5000),
    last_status_at: lastStatusAt,
    emojis: [],
    fields: [],
  };
}

/** Builds one status for a social sample item. */
export function toStatus(item: SampleItem): MastodonStatus {
  const random = seededRandom(hash32(`status:${item.key}`));
  const { account } = accountFor(item);
  const id = statusId(item);
  const url = statusUrl(item);
  const created = (item.published ?? new Date(0)).toISOString();
  return {
    id,
    created_at: created,
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: item.lang,
    uri: url,
    url,
    replies_count: Math.floor(random() * 12),
    reblogs_count: Math.floor(random() * (item.expected === 'negative' ? 60 : 25)),
    favourites_count: Math.floor(random() * 120),
    edited_at: null,
    content: content(item.paragraphs[0] ?? '', item.feed === 'mastodon-acme'),
    reblog: null,
    account: accountJson(account, created.slice(0, 10)),
    media_attachments: [],
    mentions: [],
    tags: item.feed === 'mastodon-acme' ? [{ name: 'acme', url: TAG_URL }] : [],
    emojis: [],
    card: null,
    poll: null,
  };
}
