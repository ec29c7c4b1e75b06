import { z } from 'zod';
import { UserInputError } from '../../core/errors.js';
import type { ConnectorManifest } from '../connector.js';

export const jsonFeedOptionsSchema = z.strictObject({});
export type JsonFeedOptions = z.infer<typeof jsonFeedOptionsSchema>;

/** `jsonfeed`: a JSON Feed 1.0 or 1.1 URL (the `rss` type reads these too; this one says so in the config). */
export const jsonFeedManifest: ConnectorManifest<JsonFeedOptions> = {
  type: 'jsonfeed',
  description: 'A JSON Feed (1.0 or 1.1) URL.',
  requiresUrl: true,
  optionsSchema: jsonFeedOptionsSchema,
  defaults: { channel: 'blog', pollIntervalSeconds: 900, minIntervalSeconds: 300, maxIntervalSeconds: 6 * 3600 },
  create: () => ({
    keepsParsedItems: true,
    fetch(source, cursor, context) {
      if (!source.url) throw new UserInputError(`source "${source.id}": type jsonfeed needs a url`);
      const url = source.url;
      return import('../rss/fetch-feed.js').then(({ fetchFeed }) => fetchFeed(url, cursor, context, source.id, { accept: 'application/feed+json, application/json;q=0.9, */*;q=0.5' }));
    },
  }),
};
