import type { Logger } from '../../platform/logger.js';
import { errorType, isFailure, type EsHttp } from './es-client.js';
import { aliasName, ES_SCHEMA_VERSION, MAPPINGS, templateBody, versionedIndexName, versionOf } from './es-schema.js';

/** The indices the alias points to. */
export async function aliasTargets(http: EsHttp, alias: string): Promise<string[]> {
  const what = `GET /_alias/${alias}`;
  const answer = await http.call(what, (client, options) => client.indices.getAlias({ name: alias }, options));
  if (answer.status === 404) return [];
  if (isFailure(answer)) return http.ok(what, (client, options) => client.indices.getAlias({ name: alias }, options)).then(Object.keys);
  return Object.keys(answer.body);
}

/** Installs (or replaces) the index template. */
export async function putTemplate(http: EsHttp, prefix: string): Promise<void> {
  const template = templateBody(prefix);
  await http.ok(`PUT /_index_template/${template.name}`, (client, options) => client.indices.putIndexTemplate(template, options));
}

/** Creates an index (settings and mappings from the template), with aliases; an existing one is fine. */
export async function createIndex(http: EsHttp, index: string, aliases: Record<string, { is_write_index: boolean }> = {}): Promise<void> {
  const what = `PUT /${index}`;
  const answer = await http.call(what, (client, options) => client.indices.create({ index, aliases }, options));
  if (isFailure(answer) && errorType(answer) !== 'resource_already_exists_exception') {
    await http.ok(what, (client, options) => client.indices.create({ index, aliases }, options));
  }
}

/**
 * Installs the index template (idempotent) and, on a fresh cluster, creates the current versioned
 * index behind the alias. An alias on an older version is kept (writes still work) with a warning
 * to run `hubwatch index migrate`.
 */
export async function ensureIndex(http: EsHttp, prefix: string, logger: Logger): Promise<void> {
  await putTemplate(http, prefix);
  const alias = aliasName(prefix);
  const targets = await aliasTargets(http, alias);
  if (targets.length === 0) {
    const index = versionedIndexName(prefix);
    await createIndex(http, index, { [alias]: { is_write_index: true } });
    logger.info({ index, alias }, 'elasticsearch index created');
    return;
  }
  const versions = targets.map((t) => versionOf(prefix, t) ?? 0);
  if (Math.max(...versions) < ES_SCHEMA_VERSION) {
    await addNewFields(http, targets, logger);
    logger.warn({ alias, targets, current: ES_SCHEMA_VERSION }, 'the index uses an older schema: run `hubwatch index migrate`');
  }
}

/**
 * Adds the current mapping's new fields to an older index, so that documents written before the
 * migration (which carry them) are not refused by `dynamic: strict`. Adding fields is the one
 * mapping change an existing index accepts; a changed field is left to `hubwatch index migrate`.
 */
async function addNewFields(http: EsHttp, targets: string[], logger: Logger): Promise<void> {
  const what = `PUT /${targets.join(',')}/_mapping`;
  const answer = await http.call(what, (client, options) => client.indices.putMapping({ index: targets, properties: MAPPINGS.properties }, options));
  if (isFailure(answer)) {
    logger.warn({ targets, error: answer.body.error }, 'could not add the new fields to the older index: writes may be refused until `hubwatch index migrate`');
  }
}
