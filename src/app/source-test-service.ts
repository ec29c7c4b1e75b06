import { fetchSchema, type FetchConfig } from '../config/schema.js';
import type { ConnectorManifest } from '../connectors/connector.js';
import { createHttpFetcher } from '../connectors/http/create-http-fetcher.js';
import type { HttpFetcher } from '../connectors/http/http-fetcher.js';
import { urlPort } from '../connectors/http/egress-policy.js';
import { CONNECTOR_MANIFESTS, getManifest } from '../connectors/registry.js';
import { HubwatchError, UserInputError } from '../core/errors.js';
import type { Audience, Channel } from '../core/mention.js';
import type { ItemProblem } from '../core/raw-item.js';
import type { Logger } from '../platform/logger.js';
import { mergeOptions, urlsIn } from './option-assignments.js';
import { readSource } from '../workers/stages/read-source.js';

/** What to try. */
export interface SourceTestInput {
  /** The source's URL; optional for a type that does not need one (its options say what to read). */
  url?: string | undefined;
  /** Source type; detected from the URL when absent. */
  type?: string | undefined;
  /**
   * The type's options, as in the configuration (`parseOptionAssignments` reads them from
   * `--option key=value`); they complete or override those a URL implies, and are checked by the
   * type's schema.
   */
  options?: Record<string, unknown> | undefined;
  /** Open the hosts of the URL and of URL-valued options even if private or loopback (for this test only). */
  allowPrivate?: boolean | undefined;
}

/** One item the source delivered: as it would be indexed, or why it would not be. */
export interface SourceTestItem {
  /** Position in the document. */
  index: number;
  title: string;
  link: string | null;
  /** The article the item shares, when it is a share (a link post, a post with a link card). */
  sharedUrl?: string;
  /** The publication time that would be stored (the fetch time when the source's date is unusable). */
  published: string;
  /** The date exactly as the source wrote it. */
  publishedRaw: string | null;
  author: string | null;
  guid: string | null;
  channel: Channel;
  audience?: Audience;
  /** What normalisation repaired (`invalid-date`, `truncated`, …). */
  flags?: string[];
  /** Why the item would not be indexed (`missing-link-and-guid`, `empty-item`, `duplicate`); its fields are then the source's own. */
  dropped?: string;
}

/** What `sources test` found: the source, every item that would be indexed, every problem. */
export interface SourceTestResult {
  /** The URL tried; null for a type tried from its options alone. */
  url: string | null;
  type: string;
  detectedType: string;
  title: string | null;
  /** Items the source delivered (dropped ones included). */
  delivered: number;
  /** Items that would be indexed. */
  kept: number;
  /** Every item delivered, in document order. */
  items: SourceTestItem[];
  problems: ItemProblem[];
}

const TEST_SOURCE_ID = 'sources-test';

/**
 * The connector's error as a person trying a URL should read it: without the internal source id,
 * and with the way out when the address is refused.
 */
function explain(error: unknown, where: string): unknown {
  if (!(error instanceof Error)) return error;
  error.message = error.message
    .replace(new RegExp(`^source "${TEST_SOURCE_ID}" \\(([^)]*)\\): `), '$1: ')
    .replace(new RegExp(`^source "${TEST_SOURCE_ID}": `), `${where}: `);
  if (error instanceof HubwatchError && error.reason === 'egress-blocked') {
    error.message += ' (to try it anyway, add --allow-private; to poll it, open it in the configuration with fetch.allow)';
  }
  return error;
}

/**
 * The type a source should be configured with, from what was read: a URL that the `blog` type
 * (the default guess) found to be a feed itself is an `rss` (or `jsonfeed`) source.
 */
function typeFound(chosen: string, guessed: boolean, detectedType: string | undefined, url: URL): { type: string; detectedType: string } {
  const detected = detectedType ?? chosen;
  const self = /^(.*) \(discovered: (.*)\)$/.exec(detected);
  if (!guessed || chosen !== 'blog' || !self || self[2] !== url.href) return { type: chosen, detectedType: detected };
  return { type: self[1]!.startsWith('jsonfeed') ? 'jsonfeed' : 'rss', detectedType: self[1]! };
}

/** The type to test as: the given one, else the first manifest that recognises the URL, else `blog` (a feed, or a page with one). */
function chooseType(url: URL | null, explicit: string | undefined): { manifest: ConnectorManifest; options: Record<string, unknown> } {
  if (explicit !== undefined) {
    const manifest = getManifest(explicit);
    if (!manifest) throw new UserInputError(`unknown source type "${explicit}" (known types: ${CONNECTOR_MANIFESTS.map((m) => m.type).join(', ')})`);
    if (!url && manifest.requiresUrl) throw new UserInputError(`type ${manifest.type} reads a URL: give one`);
    return { manifest, options: (url && manifest.matchUrl?.(url)) || {} };
  }
  if (!url) throw new UserInputError('give a URL, or a --type with its options');
  for (const manifest of CONNECTOR_MANIFESTS) {
    const options = manifest.matchUrl?.(url);
    if (options) return { manifest, options };
  }
  return { manifest: getManifest('blog') ?? getManifest('rss')!, options: {} };
}

/**
 * The options checked by the type's schema, as the configuration checks them; a problem names
 * the option, says whether it came from `--option` or from the URL, and how to set it.
 */
function checkOptions(manifest: ConnectorManifest, options: Record<string, unknown>, given: Record<string, unknown>, url: URL | null): unknown {
  const parsed = manifest.optionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path.map(String).join('.');
    const value = issue.path.reduce<unknown>((at, part) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[part] : undefined), given);
    // `--option hashtag=123` reads 123 as a number (values are JSON when they parse).
    const quote = issue.code === 'invalid_type' && issue.expected === 'string' && value !== undefined && typeof value !== 'string'
      ? ` (write --option '${key}="${String(value)}"' to give it as text)`
      : '';
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((name) => `--option ${[key, name].filter(Boolean).join('.')}: not an option of this type`).join('; ');
    }
    if (!key) return issue.message;
    return value !== undefined ? `--option ${key}: ${issue.message}${quote}` : `option ${key}: ${issue.message} (set it with --option ${key}=…)`;
  });
  throw new UserInputError(`${url ? `${url.href}: ` : ''}type ${manifest.type}: ${problems.join('; ')}`);
}

/**
 * Fetches a URL once and returns what would be indexed, through the very code `run` runs (the
 * connector, then `readSource`'s normalisation and drop rules), without touching any state.
 * `fetch` is the configuration's fetch settings (the defaults when there is no configuration).
 */
export async function testSource(
  input: SourceTestInput,
  deps: { fetch?: FetchConfig | undefined; logger: Logger; now: () => Date; openFetcher?: (config: FetchConfig) => HttpFetcher },
): Promise<SourceTestResult> {
  let url: URL | null = null;
  if (input.url !== undefined) {
    try {
      url = new URL(input.url);
    } catch {
      throw new UserInputError(`${JSON.stringify(input.url)} is not a URL (expected http(s)://…)`);
    }
  }
  const { manifest, options: implied } = chooseType(url, input.type);
  const given = input.options ?? {};
  const options = checkOptions(manifest, mergeOptions(implied, given), given, url);
  const where = url?.href ?? `type ${manifest.type}`;
  const settings = deps.fetch ?? fetchSchema.parse(undefined);
  // Each address on its own port only: a redirect to another port of it (Redis, a debug page) stays refused.
  const opened = input.allowPrivate ? [...(url ? [url] : []), ...urlsIn(given)].map((address) => ({ host: address.hostname, ports: [urlPort(address)] })) : [];
  const fetchConfig: FetchConfig = opened.length > 0 ? { ...settings, allow: [...settings.allow, ...opened] } : settings;
  const fetcher = (deps.openFetcher ?? ((config) => createHttpFetcher(config, { logger: deps.logger })))(fetchConfig);
  const now = deps.now();
  try {
    const source = { id: TEST_SOURCE_ID, name: where, type: manifest.type, url: url?.href ?? null, channel: manifest.defaults.channel, options };
    let reading;
    try {
      reading = await readSource(manifest.create(), source, {}, { fetcher, logger: deps.logger, now: deps.now }, now);
    } catch (error) {
      throw explain(error, where);
    }
    const kept = new Map(reading.rawIndexes.map((rawIndex, i) => [rawIndex, reading.items[i]!]));
    const droppedBecause = new Map(reading.problems.filter((p) => p.outcome === 'dropped' && p.index !== undefined).map((p) => [p.index!, p.reason]));
    const items = reading.outcome.items.map((raw, index): SourceTestItem => {
      const rawDate = raw.published ?? raw.updated ?? null;
      const publishedRaw = rawDate instanceof Date ? rawDate.toISOString() : rawDate;
      const item = kept.get(index);
      if (!item) {
        // A later copy of an item already in the document (same id) is folded into the first.
        return {
          index, title: raw.title ?? '', link: raw.link ?? null, published: publishedRaw ?? '', publishedRaw, author: raw.author ?? null,
          guid: raw.guid ?? null, channel: raw.channel ?? source.channel, dropped: droppedBecause.get(index) ?? 'duplicate',
        };
      }
      return {
        index, title: item.title, link: item.url, published: item.publishedAt, publishedRaw,
        author: item.author, guid: raw.guid ?? null, channel: item.channel,
        ...(item.sharedUrl ? { sharedUrl: item.sharedUrl } : {}),
        ...(item.audience ? { audience: item.audience } : {}),
        ...(item.flags.length > 0 ? { flags: item.flags } : {}),
      };
    });
    return {
      url: url?.href ?? null,
      ...(url
        ? typeFound(manifest.type, input.type === undefined && !manifest.matchUrl?.(url), reading.outcome.detectedType, url)
        : { type: manifest.type, detectedType: reading.outcome.detectedType ?? manifest.type }),
      title: reading.outcome.title ?? null,
      delivered: reading.outcome.items.length,
      kept: reading.items.length,
      items,
      problems: [...reading.problems].sort((a, b) => (a.index ?? -1) - (b.index ?? -1)),
    };
  } finally {
    await fetcher.close();
  }
}
