import type { Mention } from '../../src/core/mention.js';
import { brand, mention } from '../contract/fixtures.js';

const MINUTE = 60_000;
const acme = brand('acme', 'Acme');

/**
 * A mention of Acme from a desk no poll reads (as `hubwatch import` writes them), `minutesAgo`
 * old, negative or neutral: what windowed-rule tests write straight to the index.
 */
export function deskMention(name: string, minutesAgo: number, label: 'negative' | 'neutral'): Mention {
  const at = new Date(Date.now() - minutesAgo * MINUTE).toISOString();
  return mention(name, {
    sourceId: 'import-desk', sourceName: 'Import desk', title: `Acme ${name}`, text: 'Acme trains.', entities: [acme],
    publishedAt: at, fetchedAt: at, sentiment: { score: label === 'negative' ? -0.6 : 0, label },
  });
}
