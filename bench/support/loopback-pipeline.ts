import type { LookupFunction } from 'node:net';
import type { HubwatchConfig } from '../../src/config/schema.js';
import { createHttpFetcher } from '../../src/connectors/http/create-http-fetcher.js';
import type { MentionIndex } from '../../src/index/mention-index.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { createEmbeddedPipeline, type EmbeddedPipeline } from '../../src/roles/embedded-pipeline.js';

const logger = silentLogger();

/** Resolves every host to 127.0.0.1, so benchmark feeds can have a host each on loopback. */
export const lookupLoopback: LookupFunction = (_hostname, options, callback) => {
  if ((options as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
};

/** The real embedded pipeline on `config`, its hosts on loopback, closed (with its index) after `body`. */
export async function withPipeline<T>(config: HubwatchConfig, body: (pipeline: EmbeddedPipeline, index: MentionIndex) => Promise<T>): Promise<T> {
  const index = await openIndex(config.index, { logger });
  const fetcher = createHttpFetcher(config.fetch, { logger, lookup: lookupLoopback });
  const pipeline = await createEmbeddedPipeline(config, { index, logger, clock: () => new Date(), fetcher });
  try {
    return await body(pipeline, index);
  } finally {
    await pipeline.close();
    await index.close();
  }
}
