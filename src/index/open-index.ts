import type { IndexConfig } from '../config/schema.js';
import type { Logger } from '../platform/logger.js';
import type { MentionIndex } from './mention-index.js';
import { SqliteMentionIndex } from './sqlite/sqlite-index.js';

/** What `openIndex` needs besides the configuration. */
export interface OpenIndexDeps {
  logger: Logger;
  /** ELASTICSEARCH_URL from the environment: takes precedence over the configuration. */
  elasticsearchUrl?: string;
}

/**
 * Opens the index the configuration selects: Elasticsearch when `deps.elasticsearchUrl` or
 * `config.elasticsearch` is set, else the SQLite file at `config.sqlite.path`.
 */
export async function openIndex(config: IndexConfig, deps: OpenIndexDeps): Promise<MentionIndex> {
  const logger = deps.logger.child({ component: 'index' });
  if (deps.elasticsearchUrl || config.elasticsearch) {
    // Loaded on demand: the embedded default never loads the Elasticsearch client.
    const { openElasticsearchIndex } = await import('./elasticsearch/elasticsearch-index.js');
    const settings = config.elasticsearch;
    return openElasticsearchIndex(
      {
        url: deps.elasticsearchUrl || settings?.url || '',
        indexPrefix: settings?.indexPrefix ?? 'hubwatch',
        ...(settings?.username ? { username: settings.username } : {}),
        ...(settings?.password ? { password: settings.password } : {}),
        ...(settings?.apiKey ? { apiKey: settings.apiKey } : {}),
      },
      logger,
    );
  }
  return SqliteMentionIndex.open({ path: config.sqlite.path, logger });
}
