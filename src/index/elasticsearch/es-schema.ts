import type { estypes } from '@elastic/elasticsearch';

/**
 * The Elasticsearch index layout: one index template holding explicit mappings (`dynamic: strict`)
 * and analysis, versioned indices `<prefix>-mentions-v<N>` behind the alias `<prefix>-mentions`.
 * Bump `ES_SCHEMA_VERSION` when the mappings change and run `hubwatch index migrate`.
 */
export const ES_SCHEMA_VERSION = 3;

export function aliasName(prefix: string): string {
  return `${prefix}-mentions`;
}

export function versionedIndexName(prefix: string, version = ES_SCHEMA_VERSION): string {
  return `${prefix}-mentions-v${version}`;
}

export function templateName(prefix: string): string {
  return `${prefix}-mentions`;
}

/** Version number of a versioned index name, or null. */
export function versionOf(prefix: string, index: string): number | null {
  const match = new RegExp(`^${prefix.replace(/[-]/g, '\\-')}-mentions-v(\\d+)$`).exec(index);
  return match ? Number(match[1]) : null;
}

/** Analysis: `folded` tokenises like SQLite's unicode61 (splits on anything not a letter or digit). */
export const ANALYSIS: estypes.IndicesIndexSettingsAnalysis = {
  tokenizer: {
    hubwatch_words: { type: 'pattern', pattern: '[^\\p{L}\\p{N}]+' },
  },
  filter: {
    hubwatch_elision: { type: 'elision', articles_case: true, articles: ['l', 'm', 't', 'qu', 'n', 's', 'j', 'd', 'c', 'jusqu', 'quoiqu', 'lorsqu', 'puisqu'] },
    hubwatch_french_stemmer: { type: 'stemmer', language: 'light_french' },
    hubwatch_english_stemmer: { type: 'stemmer', language: 'english' },
    hubwatch_english_possessive: { type: 'stemmer', language: 'possessive_english' },
  },
  analyzer: {
    hubwatch_folded: { type: 'custom', tokenizer: 'hubwatch_words', filter: ['lowercase', 'asciifolding'] },
    hubwatch_french: { type: 'custom', tokenizer: 'standard', filter: ['hubwatch_elision', 'lowercase', 'asciifolding', 'hubwatch_french_stemmer'] },
    hubwatch_english: { type: 'custom', tokenizer: 'standard', filter: ['hubwatch_english_possessive', 'lowercase', 'asciifolding', 'hubwatch_english_stemmer'] },
  },
  normalizer: {
    hubwatch_key: { type: 'custom', filter: ['lowercase', 'asciifolding'] },
  },
};

const text: estypes.MappingTextProperty = {
  type: 'text',
  analyzer: 'hubwatch_folded',
  index_prefixes: { min_chars: 3, max_chars: 5 },
  fields: {
    fr: { type: 'text', analyzer: 'hubwatch_french' },
    en: { type: 'text', analyzer: 'hubwatch_english' },
  },
};

const keyword: estypes.MappingKeywordProperty = { type: 'keyword' };
const key: estypes.MappingKeywordProperty = { type: 'keyword', normalizer: 'hubwatch_key' };

/** Explicit mappings; anything else in a document is refused (`dynamic: strict`). */
export const MAPPINGS: estypes.MappingTypeMapping & { properties: Record<string, estypes.MappingProperty> } = {
  dynamic: 'strict',
  properties: {
    id: keyword,
    title: text,
    text,
    source_id: keyword,
    source_key: key,
    /** Every source that delivered the mention, the primary first (schema 3): `source:`, `stats sources`. */
    source_ids: keyword,
    source_keys: key,
    channel: keyword,
    author: keyword,
    author_key: key,
    language: keyword,
    published_at: { type: 'date' },
    indexed_at: { type: 'date' },
    sentiment_label: keyword,
    sentiment_score: { type: 'float' },
    brand_ids: keyword,
    brand_names: key,
    person_ids: keyword,
    person_names: key,
    topic_ids: keyword,
    topic_names: key,
    story_id: keyword,
    story_key: keyword,
    /** The article a share links to (schema 3). */
    shared_url: keyword,
    /** 1 for a share, an amplifier of its article's story (schema 3): counted and sorted after copies in top stories. */
    amplifier: { type: 'integer' },
    /** The publication's host and each parent domain (`www.lemonde.fr`, `lemonde.fr`, `fr`): `site:`. */
    domains: keyword,
    /** Hashtags and handles written in the title or text (`#greve`, `@acme`), folded: `#tag`, `@handle`. */
    tags: key,
    signature: { type: 'keyword', index: false },
    reach: { type: 'float' },
    content_hash: { type: 'keyword', index: false },
    /** The rest of the mention (entities with positions, audience, flags...), stored, not indexed. */
    doc: { type: 'object', enabled: false },
  },
};

/** The index template body (docker-compose's single node: one shard, no replica by default). */
export function templateBody(prefix: string, options: { shards?: number; replicas?: number } = {}): estypes.IndicesPutIndexTemplateRequest {
  return {
    name: templateName(prefix),
    index_patterns: [`${prefix}-mentions-v*`],
    version: ES_SCHEMA_VERSION,
    priority: 200,
    template: {
      settings: {
        number_of_shards: options.shards ?? 1,
        number_of_replicas: options.replicas ?? 0,
        refresh_interval: '1s',
        analysis: ANALYSIS,
      },
      mappings: MAPPINGS,
    },
    _meta: { description: 'hubwatch mentions', schema_version: ES_SCHEMA_VERSION },
  };
}
