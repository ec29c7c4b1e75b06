import type { Logger } from '../../platform/logger.js';
import type { EsHttp } from './es-client.js';
import { aliasName, ES_SCHEMA_VERSION, templateBody, templateName, versionedIndexName, versionOf } from './es-schema.js';

/** The indices the alias points to. */
export async function aliasTargets(http: EsHttp, alias: string): Promise<string[]> {
  const answer = await http.request<Record<string, unknown>>('GET', `/_alias/${alias}`);
  if (answer.status === 404) return [];
  if (answer.status >= 300) await http.ok('GET', `/_alias/${alias}`);
  return Object.keys(answer.body);
}

/**
 * Installs the index template (idempotent) and, on a fresh cluster, creates the current versioned
 * index behind the alias. An alias on an older version is kept (writes still work) with a warning
 * to run `hubwatch index migrate`.
 */
export async function ensureIndex(http: EsHttp, prefix: string, logger: Logger): Promise<void> {
  await http.ok('PUT', `/_index_template/${templateName(prefix)}`, { body: templateBody(prefix) });
  const alias = aliasName(prefix);
  const targets = await aliasTargets(http, alias);
  if (targets.length === 0) {
    const index = versionedIndexName(prefix);
    const answer = await http.request('PUT', `/${index}`, { body: { aliases: { [alias]: { is_write_index: true } } } });
    const type = (answer.body as { error?: { type?: string } }).error?.type;
    if (answer.status >= 300 && type !== 'resource_already_exists_exception') await http.ok('PUT', `/${index}`);
    logger.info({ index, alias }, 'elasticsearch index created');
    return;
  }
  const versions = targets.map((t) => versionOf(prefix, t) ?? 0);
  if (Math.max(...versions) < ES_SCHEMA_VERSION) {
    logger.warn({ alias, targets, current: ES_SCHEMA_VERSION }, 'the index uses an older schema: run `hubwatch index migrate`');
  }
}
