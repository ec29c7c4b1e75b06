import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi } from '../../../src/api/start-api.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { SqliteMentionIndex } from '../../../src/index/sqlite/sqlite-index.js';
import { systemClock } from '../../../src/platform/clock.js';
import { silentLogger } from '../../../src/platform/logger.js';
import { ensureWebBuilt, WEB_DIST } from '../../../scripts/build-web.js';
import { writeFixtureIndex, writeWebConfig } from './web-fixtures.js';

/** The real server on loopback over a fixture index in a temp folder, serving the built page. */
export interface PageServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

/** Builds the page when it is missing or older than its sources, writes the fixture index, starts the API on port 0. */
export async function startPageServer(options: { write?(indexPath: string, now: Date): Promise<void> } = {}): Promise<PageServer> {
  await ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'hubwatch-web-'));
  const indexPath = join(dir, 'hubwatch.db');
  await (options.write ?? writeFixtureIndex)(indexPath, new Date());
  const config = loadConfig(writeWebConfig(dir, indexPath), { env: {} });
  const index = SqliteMentionIndex.open({ path: indexPath, logger: silentLogger() });
  try {
    const api = await startApi(config, { index, logger: silentLogger(), clock: systemClock, host: '127.0.0.1', port: 0, webRoot: WEB_DIST });
    if (!api.oneTimeToken) throw new Error('expected a one-time admin token (no token configured)');
    return {
      url: api.url.replace(/\/$/, ''),
      token: api.oneTimeToken,
      async close() {
        await api.close();
        await index.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await index.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
