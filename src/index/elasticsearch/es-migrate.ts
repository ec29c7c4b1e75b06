import type { estypes } from '@elastic/elasticsearch';
import { IndexError } from '../../core/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { EsHttp } from './es-client.js';
import { DERIVE_SCRIPT } from './es-derive-script.js';
import { aliasName, ES_SCHEMA_VERSION, versionedIndexName } from './es-schema.js';
import { aliasTargets, createIndex, ensureIndex, putTemplate } from './es-setup.js';

export type MigrationPhase = 'copy' | 'catch-up';

export interface MigrationResult {
  /** The indices the alias pointed to before (kept: delete them once satisfied). */
  from: string[];
  to: string;
  copied: number;
  upToDate: boolean;
}

/** What the adapter reads of a reindex task's status and final response. */
interface TaskProgress {
  total?: number;
  created?: number;
  updated?: number;
  failures?: unknown[];
}

async function reindex(
  http: EsHttp,
  request: estypes.ReindexRequest,
  onProgress: (done: number, total: number) => void,
  pollMs: number,
): Promise<number> {
  const started = await http.ok('POST /_reindex', (client, options) =>
    client.reindex({ ...request, wait_for_completion: false, refresh: true }, options),
  );
  const taskId = String(started.task);
  for (;;) {
    const task = await http.ok(`GET /_tasks/${taskId}`, (client, options) => client.tasks.get({ task_id: taskId }, options));
    const status = (task.task.status ?? {}) as TaskProgress;
    const done = (status.created ?? 0) + (status.updated ?? 0);
    onProgress(done, status.total ?? done);
    if (task.completed) {
      const response = (task.response ?? {}) as TaskProgress;
      if (task.error || (response.failures?.length ?? 0) > 0) {
        throw new IndexError(`elasticsearch: reindex failed: ${JSON.stringify(task.error ?? response.failures?.slice(0, 3))}`, {
          reason: 'reindex-failed',
          retryable: false,
        });
      }
      return (response.created ?? 0) + (response.updated ?? 0);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * Moves the alias to the current schema version without downtime: creates the new index (from the
 * updated template), copies every document with `_reindex`, swaps the alias atomically, then copies
 * again what was written to the old index during the copy (`create` only: documents already in the
 * new index are newer). The old index is kept. Safe to run again after a failure.
 */
export async function migrateElasticsearch(
  http: EsHttp,
  prefix: string,
  logger: Logger,
  onProgress: (phase: MigrationPhase, done: number, total: number) => void,
  options: { pollMs?: number } = {},
): Promise<MigrationResult> {
  const alias = aliasName(prefix);
  const target = versionedIndexName(prefix, ES_SCHEMA_VERSION);
  await putTemplate(http, prefix);
  const before = await aliasTargets(http, alias);
  if (before.length === 0) {
    await ensureIndex(http, prefix, logger);
    return { from: [], to: target, copied: 0, upToDate: true };
  }
  if (before.includes(target)) return { from: before, to: target, copied: 0, upToDate: true };
  const startedAt = new Date().toISOString();
  await createIndex(http, target);
  const pollMs = options.pollMs ?? 1000;
  let copied = await reindex(http, { source: { index: before }, dest: { index: target }, conflicts: 'proceed', script: DERIVE_SCRIPT }, (d, t) => onProgress('copy', d, t), pollMs);
  const actions: estypes.IndicesUpdateAliasesAction[] = [
    ...before.map((index) => ({ remove: { index, alias } })),
    { add: { index: target, alias, is_write_index: true } },
  ];
  await http.ok('POST /_aliases', (client, options) => client.indices.updateAliases({ actions }, options));
  logger.info({ alias, from: before, to: target }, 'alias swapped');
  copied += await reindex(
    http,
    {
      source: { index: before, query: { range: { indexed_at: { gte: startedAt } } } },
      dest: { index: target, op_type: 'create' },
      conflicts: 'proceed',
      script: DERIVE_SCRIPT,
    },
    (d, t) => onProgress('catch-up', d, t),
    pollMs,
  );
  return { from: before, to: target, copied, upToDate: false };
}
