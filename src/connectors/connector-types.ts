/**
 * Every source type, in the order documentation lists them: the registry's manifests, named
 * without loading them (zod and the schemas), for help texts. The registry checks at load that
 * its manifests are exactly these, in this order.
 */
export const CONNECTOR_TYPES = ['rss', 'jsonfeed', 'blog', 'mastodon', 'bluesky', 'reddit', 'hackernews', 'youtube', 'news-search'] as const;
