import type { Logger } from '../platform/logger.js';
import type { MentionIndex } from '../index/mention-index.js';

/** What `index migrate` did. */
export type MigrateResult =
  | { engine: 'elasticsearch'; alias: string; upToDate: true; to: string }
  | { engine: 'elasticsearch'; alias: string; upToDate: false; from: string[]; to: string; copied: number }
  | { engine: 'sqlite'; schemaVersion: number };

/**
 * Brings an index to the current schema: SQLite migrates when it opens (this reports its
 * version); Elasticsearch builds a new versioned index, copies, and swaps the alias.
 * `onProgress` sees each phase (`copy`, `catch-up`) with documents done and total.
 */
export async function migrateIndex(
  index: MentionIndex,
  deps: { logger: Logger; onProgress?: (phase: string, done: number, total: number) => void },
): Promise<MigrateResult> {
  const { ElasticsearchMentionIndex } = await import('../index/elasticsearch/elasticsearch-index.js');
  if (index instanceof ElasticsearchMentionIndex) {
    const { migrateElasticsearch } = await import('../index/elasticsearch/es-migrate.js');
    const result = await migrateElasticsearch(index.http, index.prefix, deps.logger, deps.onProgress ?? (() => undefined));
    return result.upToDate
      ? { engine: 'elasticsearch', alias: index.alias, upToDate: true, to: result.to }
      : { engine: 'elasticsearch', alias: index.alias, upToDate: false, from: result.from, to: result.to, copied: result.copied };
  }
  const { SqliteMentionIndex } = await import('../index/sqlite/sqlite-index.js');
  if (index instanceof SqliteMentionIndex) return { engine: 'sqlite', schemaVersion: index.schemaVersion() };
  throw new Error('index migrate: unknown index adapter');
}
