import type { SourceChecker } from '../config/load-config.js';
import type { SourceConfig } from '../config/schema.js';
import { UserInputError } from '../core/errors.js';
import type { ConnectorManifest, SourceDefinition } from './connector.js';
import { CONNECTOR_TYPES } from './connector-types.js';
import { blogManifest } from './blog/manifest.js';
import { blueskyManifest } from './bluesky/manifest.js';
import { hackerNewsManifest } from './hackernews/manifest.js';
import { jsonFeedManifest } from './jsonfeed/manifest.js';
import { mastodonManifest } from './mastodon/manifest.js';
import { newsSearchManifest } from './news-search/manifest.js';
import { redditManifest } from './reddit/manifest.js';
import { youtubeManifest } from './youtube/manifest.js';
import { rssManifest } from './rss/manifest.js';

/**
 * Erases a manifest's option type for the list. Sound because options only ever reach a connector
 * through `toSourceDefinition`, which parses them with that same manifest's schema.
 */
function entry<Options>(manifest: ConnectorManifest<Options>): ConnectorManifest {
  return manifest as unknown as ConnectorManifest;
}

/** Every source type, in the order documentation lists them. Checked once when this module loads. */
export const CONNECTOR_MANIFESTS: readonly ConnectorManifest[] = [
  entry(rssManifest),
  entry(jsonFeedManifest),
  entry(blogManifest),
  entry(mastodonManifest),
  entry(blueskyManifest),
  entry(redditManifest),
  entry(hackerNewsManifest),
  entry(youtubeManifest),
  entry(newsSearchManifest),
];

/**
 * Problems in a list of manifests (duplicate or malformed types, bad defaults and, when `types` is
 * given, a list that differs from it), all at once.
 */
export function checkManifests(manifests: readonly ConnectorManifest[], types?: readonly string[]): string[] {
  const problems: string[] = [];
  const listed = manifests.map((manifest) => manifest.type).join(', ');
  if (types && listed !== types.join(', ')) problems.push(`manifests (${listed}) differ from CONNECTOR_TYPES (${types.join(', ')}) in src/connectors/connector-types.ts`);
  const seen = new Set<string>();
  manifests.forEach((manifest, index) => {
    const where = `connector manifest [${index}] "${manifest.type}"`;
    if (!/^[a-z][a-z0-9-]*$/.test(manifest.type)) problems.push(`${where}: type must be kebab-case`);
    if (seen.has(manifest.type)) problems.push(`${where}: duplicate type`);
    seen.add(manifest.type);
    const { minIntervalSeconds: min, maxIntervalSeconds: max, pollIntervalSeconds: initial } = manifest.defaults;
    if (!(min > 0 && min <= initial && initial <= max)) problems.push(`${where}: intervals must satisfy 0 < min <= poll <= max`);
    if (!manifest.description.trim()) problems.push(`${where}: description is empty`);
    if (!manifest.optionsSchema.safeParse({}).success && !manifest.requiresUrl) {
      // Options without defaults are fine, but then the type must say what it needs in its description.
      if (!/option/i.test(manifest.description)) problems.push(`${where}: required options must be named in the description`);
    }
  });
  return problems;
}

const startupProblems = checkManifests(CONNECTOR_MANIFESTS, CONNECTOR_TYPES);
if (startupProblems.length > 0) throw new Error(`connector registry:\n  ${startupProblems.join('\n  ')}`);

const BY_TYPE = new Map(CONNECTOR_MANIFESTS.map((manifest) => [manifest.type, manifest]));

export function getManifest(type: string): ConnectorManifest | undefined {
  return BY_TYPE.get(type);
}

function knownTypes(): string {
  return CONNECTOR_MANIFESTS.map((manifest) => manifest.type).join(', ');
}

/** Checks a configured source against its type's manifest: known type, url when required, options. */
export const checkSource: SourceChecker = (source) => {
  const manifest = getManifest(source.type);
  if (!manifest) return [{ path: 'type', message: `unknown source type "${source.type}" (known types: ${knownTypes()})` }];
  const problems: { path: string; message: string }[] = [];
  if (manifest.requiresUrl && !source.url) problems.push({ path: 'url', message: `required for type ${source.type}` });
  const parsed = manifest.optionsSchema.safeParse(source.options);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = ['options', ...issue.path.map(String)].join('.');
      const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
      const message =
        issue.code === 'unrecognized_keys' ? `unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')} for type ${source.type}`
        : missing ? `required for type ${source.type} (see docs/connectors.md)`
        : issue.message;
      problems.push({ path, message });
    }
  }
  return problems;
};

/** The definition a connector receives: manifest defaults applied, options parsed, name defaulting to the id. */
export function toSourceDefinition(source: SourceConfig): SourceDefinition {
  const manifest = getManifest(source.type);
  if (!manifest) throw new UserInputError(`source "${source.id}": unknown source type "${source.type}" (known types: ${knownTypes()})`);
  const parsed = manifest.optionsSchema.safeParse(source.options);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new UserInputError(`source "${source.id}": options.${first.path.map(String).join('.')}: ${first.message}`);
  }
  return {
    id: source.id,
    name: source.name ?? source.id,
    type: source.type,
    url: source.url ?? null,
    channel: source.channel ?? manifest.defaults.channel,
    options: parsed.data,
  };
}
