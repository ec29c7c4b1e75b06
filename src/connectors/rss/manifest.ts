import { z } from 'zod';
import { UserInputError } from '../../core/errors.js';
import type { ConnectorManifest } from '../connector.js';

export const rssOptionsSchema = z.strictObject({
  /** Extra request headers some feeds need (an API key header for a paywalled feed). */
  headers: z.record(z.string(), z.string()).default({}),
});
export type RssOptions = z.infer<typeof rssOptionsSchema>;

/**
 * `rss`: any RSS 0.9x, RSS 1.0 (RDF), RSS 2.0, Atom 0.3/1.0 or JSON Feed URL, with content:encoded,
 * dc:, media: and itunes: extensions. Items with audio enclosures are marked `podcast`, with video
 * `video`.
 */
export const rssManifest: ConnectorManifest<RssOptions> = {
  type: 'rss',
  description: 'An RSS, Atom or JSON Feed URL (news sites, blogs, podcasts).',
  requiresUrl: true,
  optionsSchema: rssOptionsSchema,
  defaults: { channel: 'news', pollIntervalSeconds: 900, minIntervalSeconds: 300, maxIntervalSeconds: 6 * 3600 },
  create: () => ({
    keepsParsedItems: true,
    fetch(source, cursor, context) {
      if (!source.url) throw new UserInputError(`source "${source.id}": type rss needs a url`);
      const url = source.url;
      // The feed parsers load on the first poll: checking a configuration must not pay for them.
      return import('./fetch-feed.js').then(({ fetchFeed }) => fetchFeed(url, cursor, context, source.id, source.options.headers));
    },
  }),
};
