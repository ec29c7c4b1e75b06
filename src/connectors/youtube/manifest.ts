import { z } from 'zod';
import type { ConnectorManifest } from '../connector.js';

export const youtubeOptionsSchema = z
  .strictObject({
    /** A channel id (`UC…`). */
    channelId: z.string().regex(/^UC[\w-]{22}$/, 'a channel id such as UCxxxxxxxxxxxxxxxxxxxxxx').optional(),
    /** A playlist id (`PL…`, `UU…`). */
    playlistId: z.string().regex(/^[\w-]{10,64}$/, 'a playlist id such as PLxxxxxxxx').optional(),
    /** Where the feeds live (tests point this at loopback). */
    baseUrl: z.string().url().default('https://www.youtube.com'),
  })
  .refine((options) => (options.channelId === undefined) !== (options.playlistId === undefined), { message: 'set exactly one of channelId or playlistId' });
export type YoutubeOptions = z.infer<typeof youtubeOptionsSchema>;

/** The Atom feed URL of a channel or playlist. */
export function youtubeFeedUrl(options: YoutubeOptions): string {
  const query = options.channelId ? `channel_id=${encodeURIComponent(options.channelId)}` : `playlist_id=${encodeURIComponent(options.playlistId!)}`;
  return `${options.baseUrl.replace(/\/$/, '')}/feeds/videos.xml?${query}`;
}

/**
 * `youtube`: a channel's or playlist's public Atom feed (the 15 latest videos), read by the feed
 * parser: title, link, author, media:description, and views from media:statistics for reach.
 */
export const youtubeManifest: ConnectorManifest<YoutubeOptions> = {
  type: 'youtube',
  description: 'A YouTube channel or playlist feed (options: channelId or playlistId).',
  requiresUrl: false,
  optionsSchema: youtubeOptionsSchema as unknown as z.ZodType<YoutubeOptions>,
  defaults: { channel: 'video', pollIntervalSeconds: 1800, minIntervalSeconds: 600, maxIntervalSeconds: 12 * 3600 },
  matchUrl(url) {
    if (!/(^|\.)youtube\.com$/.test(url.hostname)) return null;
    const channel = /^\/channel\/(UC[\w-]{22})/.exec(url.pathname);
    if (channel) return { channelId: channel[1] };
    const list = url.searchParams.get('list');
    if (url.pathname === '/playlist' && list) return { playlistId: list };
    const feedChannel = url.pathname === '/feeds/videos.xml' ? url.searchParams.get('channel_id') : null;
    return feedChannel ? { channelId: feedChannel } : null;
  },
  create: () => ({
    async fetch(source, cursor, context) {
      const { fetchFeed } = await import('../rss/fetch-feed.js');
      const outcome = await fetchFeed(youtubeFeedUrl(source.options), cursor, context, source.id);
      return { ...outcome, items: outcome.items.map((item) => ({ ...item, channel: 'video' as const })), detectedType: outcome.status === 'ok' ? 'youtube' : outcome.detectedType };
    },
  }),
};
