import type { z } from 'zod';
import type { Channel } from '../core/mention.js';
import type { ItemProblem, RawItem } from '../core/raw-item.js';
import type { Logger } from '../platform/logger.js';
import type { HttpFetcher } from './http/http-fetcher.js';
import type { ParsedFeed } from './rss/parsed-feed.js';

/** A configured source, as the connector sees it: validated base fields plus its typed options. */
export interface SourceDefinition<Options = unknown> {
  id: string;
  name: string;
  type: string;
  /** The source's URL, when the type takes one (feeds, blogs, YouTube channels). */
  url: string | null;
  channel: Channel;
  options: Options;
}

/** What a connector remembers between polls of one source (opaque to everything else). */
export interface ConnectorCursor {
  etag?: string | null;
  lastModified?: string | null;
  /** Connector-specific position (a since_id, a cursor string). */
  position?: string | null;
  /** A permanent redirect's validated target, used instead of the configured URL. */
  movedTo?: string | null;
}

export interface FetchContext {
  fetcher: HttpFetcher;
  logger: Logger;
  now: () => Date;
  signal?: AbortSignal;
  /**
   * Parses a fetched feed document (RSS, Atom, JSON Feed); by default `parseFeedDocument` on this
   * thread. The embedded run gives its thread pool's, so that parsing leaves the main thread.
   */
  parseFeed?: FeedDocumentParser;
}

/** `parseFeedDocument`'s shape: a document's text in, the parsed feed out, or a `ParseError` naming `where`. */
export type FeedDocumentParser = (text: string, options: { feedUrl: string; where: string }) => Promise<ParsedFeed>;

/** The outcome of one poll. `not-modified` costs no parsing and carries no items. */
export interface FetchOutcome {
  status: 'ok' | 'not-modified';
  items: RawItem[];
  /** Item-level problems: one bad item never costs the rest. */
  problems: ItemProblem[];
  /** The cursor to store once the items are durably indexed (never before). */
  cursor: ConnectorCursor;
  /** Seconds the source asks us to wait before the next poll (ttl, Cache-Control, Retry-After). */
  minIntervalSeconds?: number;
  /** What the document turned out to be (`rss-2.0`, `atom-1.0`, `jsonfeed-1.1`, `mastodon`). */
  detectedType?: string;
  /** The source's own title, when it has one. */
  title?: string;
  /**
   * The poll worked but the document was incomplete (cut off after some complete items, which are
   * in `items`): one sentence saying so. The source shows as `degraded`; the cursor keeps its old
   * validators so that the next poll reads the whole document again.
   */
  degraded?: string;
}

export interface Connector<Options = unknown> {
  /** Polls the source once. Throws `FetchError`/`ParseError` when the whole source is unusable. */
  fetch(source: SourceDefinition<Options>, cursor: ConnectorCursor, context: FetchContext): Promise<FetchOutcome>;
  /**
   * True when `fetch` returns the items of the feed document it parsed (`FetchContext.parseFeed`)
   * as the parser gave them: the embedded run then has the parsing thread enrich the fresh ones
   * too. A connector that rewrites them (a new link, so a new id) leaves it unset.
   */
  keepsParsedItems?: boolean;
}

/**
 * A source type: one folder under src/connectors/ with this manifest in manifest.ts.
 * The registry (src/connectors/registry.ts) is a static list of manifests, checked at start.
 */
export interface ConnectorManifest<Options = unknown> {
  /** The `type:` value in the configuration (`rss`, `mastodon`). */
  type: string;
  /** One line for the docs (docs/connectors.md); it names the required options, if any (checked at start). */
  description: string;
  /** Whether the source needs `url:` in the configuration. */
  requiresUrl: boolean;
  /** Schema of the `options:` block; its defaults apply when options are left out. */
  optionsSchema: z.ZodType<Options>;
  defaults: {
    channel: Channel;
    /** Poll interval bounds and start value, in seconds. */
    pollIntervalSeconds: number;
    minIntervalSeconds: number;
    maxIntervalSeconds: number;
  };
  create(): Connector<Options>;
  /**
   * Recognises a URL of this type (`https://mastodon.social/tags/acme`) and returns the options
   * it implies, or null. Used by `hubwatch sources test URL` to detect the type; optional.
   */
  matchUrl?(url: URL): Record<string, unknown> | null;
}
