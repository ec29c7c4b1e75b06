import type { FetchOutcome } from '../../../src/connectors/connector.js';
import { rssManifest } from '../../../src/connectors/rss/manifest.js';
import { normaliseItem } from '../../../src/core/normalise.js';
import type { ItemProblem } from '../../../src/core/raw-item.js';
import { allowPort, testFetcher } from './fetcher.js';
import { fetchContext } from './fetch-context.js';
import type { LoopbackServer } from './loopback-server.js';

export interface StoredItem {
  title: string;
  text: string;
  author: string | null;
}

/**
 * Polls `path` on a loopback server through the rss connector (real fetcher, real decoding) and
 * normalises every item, as ingestion stores them; returns the stored fields and every problem.
 */
export async function readStored(server: LoopbackServer, path: string): Promise<{ outcome: FetchOutcome; stored: StoredItem[]; problems: ItemProblem[] }> {
  const fetcher = testFetcher({ allow: [allowPort(server.port)] });
  try {
    const source = { id: 'fidelity', name: 'fidelity', type: 'rss', url: server.url(path), channel: 'news' as const, options: { headers: {} } };
    const outcome = await rssManifest.create().fetch(source, {}, fetchContext(fetcher));
    const problems = [...outcome.problems];
    const stored: StoredItem[] = [];
    outcome.items.forEach((raw, index) => {
      const result = normaliseItem(raw, source, { now: new Date('2026-11-27T12:00:00Z'), index });
      if (!result.ok) return void problems.push(result.problem);
      problems.push(...result.problems);
      stored.push({ title: result.item.title, text: result.item.text, author: result.item.author });
    });
    return { outcome, stored, problems };
  } finally {
    await fetcher.close();
  }
}
