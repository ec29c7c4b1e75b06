import { existsSync, statSync } from 'node:fs';
import type { IndexConfig } from '../config/schema.js';
import { UserInputError } from '../core/errors.js';
import type { Logger } from '../platform/logger.js';
import type { MentionIndex } from './mention-index.js';
import { SqliteMentionIndex } from './sqlite/sqlite-index.js';
import { SqliteReadPool } from './sqlite/sqlite-read-pool.js';

/** What `openIndex` needs besides the configuration. */
export interface OpenIndexDeps {
  logger: Logger;
  /** Refuse to create a SQLite index that is not there yet (read-only commands). */
  mustExist?: boolean;
  /**
   * Answer a SQLite file's searches and aggregations on this many worker threads, each with its own
   * read connection (a server's concurrent requests then use every core); 0 or unset: on the
   * calling thread. Ignored for Elasticsearch and `:memory:`.
   */
  readThreads?: number;
}

/** A read-only command found no index: it says where it looked and what creates one. */
export class IndexMissingError extends UserInputError {
  constructor(path: string) {
    super(`no index at ${path}: run "./bin/hubwatch.js run --once" (or "npm start") to create it and fill it from the configured sources`, 'index-missing');
  }
}

/**
 * Opens the index the configuration selects: Elasticsearch when `config.elasticsearch` is set (by
 * the file or ELASTICSEARCH_URL), else the SQLite file at `config.sqlite.path`.
 */
export async function openIndex(config: IndexConfig, deps: OpenIndexDeps): Promise<MentionIndex> {
  const logger = deps.logger.child({ component: 'index' });
  const settings = config.elasticsearch;
  if (settings) {
    // Loaded on demand: the embedded default never loads the Elasticsearch client.
    const { openElasticsearchIndex } = await import('./elasticsearch/elasticsearch-index.js');
    return openElasticsearchIndex(
      {
        url: settings.url,
        indexPrefix: settings.indexPrefix,
        ...(settings.username ? { username: settings.username } : {}),
        ...(settings.password ? { password: settings.password } : {}),
        ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
      },
      logger,
    );
  }
  const path = config.sqlite.path;
  if (path !== ':memory:') {
    if (!existsSync(path)) {
      if (deps.mustExist) throw new IndexMissingError(path);
    } else if (statSync(path).size === 0) {
      // SQLite would take it for a new database: say so, since it usually means a failed copy or restore.
      logger.warn({ path }, 'the index file is empty (0 bytes), usually a failed copy or restore; it is used as a new, empty index');
    }
  }
  const index = SqliteMentionIndex.open({ path, logger });
  if (path === ':memory:' || !deps.readThreads || deps.readThreads < 1) return index;
  return new SqliteReadPool(index, { path, threads: deps.readThreads });
}
