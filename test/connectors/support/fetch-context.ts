import type { FetchContext } from '../../../src/connectors/connector.js';
import type { HttpFetcher } from '../../../src/connectors/http/http-fetcher.js';
import { silentLogger } from '../../../src/platform/logger.js';

export function fetchContext(fetcher: HttpFetcher, now = new Date('2026-11-27T12:00:00Z')): FetchContext {
  return { fetcher, logger: silentLogger(), now: () => now };
}
