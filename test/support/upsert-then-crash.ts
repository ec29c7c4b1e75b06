/**
 * Test helper process: upserts generated mentions into the SQLite index at argv[2] in small
 * batches, then kills itself without closing, as a crash would (the full-text thread's last batch
 * may or may not be committed; its `fts_pending` row certainly is not settled).
 */
import { SqliteMentionIndex } from '../../src/index/sqlite/sqlite-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { mention } from '../contract/fixtures.js';

const path = process.argv[2] as string;
const count = Number(process.argv[3] ?? 50);
const index = SqliteMentionIndex.open({ path, logger: silentLogger(), batchSize: 10 });
const mentions = Array.from({ length: count }, (_, i) => mention(`crash-${i}`, { text: `survivor number${i} of the crash` }));
await index.upsert(mentions);
await index.upsert([mention('crash-0', { text: 'survivor rewritten after the crash test began' })]);
process.kill(process.pid, 'SIGKILL');
