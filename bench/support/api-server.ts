/**
 * The API over an existing SQLite index, in its own process for the api bench (the load generator
 * must not share the server's event loop): prints its URL on stdout, stops on SIGTERM.
 * `node --import tsx bench/support/api-server.ts <index path> <admin token> [read threads]` (0: reads on the server's thread)
 */
import { startApi } from '../../src/api/start-api.js';
import { configSchema } from '../../src/config/schema.js';
import { SqliteMentionIndex } from '../../src/index/sqlite/sqlite-index.js';
import { SqliteReadPool } from '../../src/index/sqlite/sqlite-read-pool.js';
import { systemClock } from '../../src/platform/clock.js';
import { silentLogger } from '../../src/platform/logger.js';
import { BRANDS } from '../corpus/generate.js';

const [path, token, threads] = process.argv.slice(2);
if (!path || !token) throw new Error('usage: api-server.ts <index path> <admin token> [read threads]');
const config = configSchema.parse({
  // The corpus's brands, so that share of voice counts them all.
  watchlist: { brands: Array.from({ length: BRANDS }, (_, i) => ({ id: `brand-${i}`, name: `Brand ${i}` })) },
  index: { sqlite: { path } },
  api: { tokens: [{ role: 'admin', token }], rateLimit: { perMinute: 100_000_000 } },
});
const readThreads = Number(threads ?? 0);
const opened = SqliteMentionIndex.open({ path, logger: silentLogger() });
const index = readThreads > 0 ? new SqliteReadPool(opened, { path, threads: readThreads }) : opened;
const api = await startApi(config, { index, logger: silentLogger(), clock: systemClock, host: '127.0.0.1', port: 0 });
process.stdout.write(`${api.url}\n`);
process.once('SIGTERM', () => {
  void api.close().then(() => index.close()).then(() => process.exit(0));
});
