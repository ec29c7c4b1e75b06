import { IndexError } from '../core/errors.js';
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
    // The Elasticsearch adapter lands in src/index/elasticsearch/ (issue 5, in progress).
    throw new IndexError('the Elasticsearch index adapter is not available yet: unset ELASTICSEARCH_URL and index.elasticsearch to use SQLite', {
      reason: 'adapter-unavailable',
      retryable: false,
    });
  }
  return SqliteMentionIndex.open({ path: config.sqlite.path, logger });
}
