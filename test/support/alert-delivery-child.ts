// A hubwatch alert engine in its own process, so a test can kill it -9 mid-delivery and start it
// again on the same state file. Usage: alert-delivery-child.ts DB_PATH RECEIVER_URL first|restart
import { createAlerting } from '../../src/alerts/create-alerting.js';
import { configSchema } from '../../src/config/schema.js';
import { SqliteMentionIndex } from '../../src/index/sqlite/sqlite-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { SqliteAlertStore } from '../../src/state/sqlite-alert-store.js';
import { SqliteStateStore } from '../../src/state/sqlite-state-store.js';
import { brand, mention } from '../contract/fixtures.js';

const [path, url, mode] = process.argv.slice(2) as [string, string, 'first' | 'restart'];
const config = configSchema.parse({
  alerts: [{ id: 'acme-news', type: 'match', query: 'brand:acme', notify: ['team'], window: '1h', cooldown: 0 }],
  notifiers: [{ id: 'team', type: 'slack', webhookUrl: url }],
  index: { sqlite: { path } },
});
const logger = silentLogger();
const index = SqliteMentionIndex.open({ path, logger });
const state = new SqliteStateStore(path);
const engine = createAlerting(config, { index, state, store: new SqliteAlertStore(path), logger, now: () => new Date(), write: () => undefined });
const acme = brand('acme', 'Acme');
const fresh = (name: string) => mention(name, { title: `Acme ${name}`, entities: [acme], publishedAt: new Date().toISOString(), fetchedAt: new Date().toISOString() });

await engine.tick();
if (mode === 'first') {
  await new Promise((resolve) => setTimeout(resolve, 20));
  const first = fresh('first-story');
  await index.upsert([first]);
  process.stdout.write(`${JSON.stringify({ id: first.id })}\n`);
  await engine.onIndexed([first.id]);
  await engine.flush(); // the receiver hangs: the parent kills this process here
} else {
  const ids = (await index.search({ query: null, sort: 'date', limit: 10 })).hits.map((h) => h.mention.id);
  await engine.onIndexed(ids); // a retried evaluate-alerts job on the same ids
  await new Promise((resolve) => setTimeout(resolve, 20));
  const second = fresh('second-story');
  await index.upsert([second]);
  await engine.onIndexed([second.id]);
  await engine.flush();
  const { SqliteAlertStore: Store } = await import('../../src/state/sqlite-alert-store.js');
  const reader = new Store(path);
  process.stdout.write(`${JSON.stringify(await reader.history(20))}\n`);
  await reader.close();
  await engine.close();
  await index.close();
  await state.close();
}
