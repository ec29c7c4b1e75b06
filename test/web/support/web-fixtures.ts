import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { Mention } from '../../../src/core/mention.js';
import { SqliteMentionIndex } from '../../../src/index/sqlite/sqlite-index.js';
import { silentLogger } from '../../../src/platform/logger.js';
import { brand, mention, person } from '../../contract/fixtures.js';

/** Markup and script an attacker could put in a feed's title, text or author: must stay text. */
export const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1"> Acme recall <script>window.__pwned=2</script>';
export const HOSTILE_AUTHOR = '<img src=x onerror="window.__pwned=3">';
export const JAVASCRIPT_URL = 'javascript:alert(1)';
export const STORY_ID = 'story-acme-tender';
/** Mentions in the fixture index, hostile ones included: more than two pages of 25. */
export const FIXTURE_COUNT = 64;

const SOURCES = [
  { sourceId: 'daily-courier', sourceName: 'The Daily Courier', channel: 'news' },
  { sourceId: 'le-quotidien', sourceName: 'Le Quotidien National', channel: 'news' },
  { sourceId: 'commuter-notes', sourceName: 'Commuter Notes (blog)', channel: 'blog' },
  { sourceId: 'mastodon-acme', sourceName: 'Mastodon #acme', channel: 'social' },
] as const;
const SENTIMENTS = [
  { score: 0.6, label: 'positive' },
  { score: 0, label: 'neutral' },
  { score: -0.7, label: 'negative' },
] as const;

/**
 * Fixture mentions spread over the last 20 days before `now`: Acme, Globex and Initech in turn,
 * three sentiments, four sources; a story of four copies; and three hostile mentions.
 */
export function webFixtureMentions(now: Date): Mention[] {
  const acme = brand('acme', 'Acme');
  const globex = brand('globex', 'Globex', 'competitor');
  const initech = brand('initech-mobility', 'Initech Mobility', 'competitor');
  const claire = person('claire-dubois', 'Claire Dubois');
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000).toISOString();
  const mentions: Mention[] = [];
  const ordinary = FIXTURE_COUNT - 3 - 4;
  for (let i = 0; i < ordinary; i++) {
    const source = SOURCES[i % SOURCES.length]!;
    const entities = i % 5 === 0 ? [globex] : i % 7 === 0 ? [initech] : i % 3 === 0 ? [acme, claire] : [acme];
    const names = entities.map((e) => e.name).join(' and ');
    mentions.push(
      mention(`web-${i}`, {
        ...source,
        url: `https://news.example/web-${i}`,
        canonicalUrl: `https://news.example/web-${i}`,
        title: `${names} rail update number ${i}`,
        text: `${names} published its rail timetable update number ${i}. Commuters on the northern line reacted to the changes announced by ${names}.`,
        author: i % 4 === 0 ? null : `Reporter ${i % 6}`,
        language: i % 2 === 0 ? 'en' : 'fr',
        publishedAt: at(6 + i * 7),
        entities,
        sentiment: SENTIMENTS[i % SENTIMENTS.length]!,
      }),
    );
  }
  for (let i = 0; i < 4; i++) {
    const source = SOURCES[i]!;
    mentions.push(
      mention(`web-story-${i}`, {
        ...source,
        url: `https://copies.example/tender-${i}`,
        canonicalUrl: `https://copies.example/tender-${i}`,
        title: i === 0 ? 'Acme wins the Lyon tram tender' : `Acme wins Lyon tram tender (copy ${i})`,
        text: 'Acme won the Lyon tram tender on Monday, Claire Dubois said, beating Globex.\n\nThe contract covers forty trams.',
        publishedAt: at(30 + i * 3),
        entities: [acme, globex, claire],
        sentiment: SENTIMENTS[0],
        storyId: STORY_ID,
        language: 'en',
      }),
    );
  }
  mentions.push(
    mention('web-hostile-markup', {
      ...SOURCES[0],
      title: HOSTILE_TITLE,
      text: `Acme recall: <script>window.__pwned=4</script> and <img src=x onerror="window.__pwned=5"> in the body.`,
      author: HOSTILE_AUTHOR,
      language: 'en',
      publishedAt: at(2),
      entities: [acme],
      sentiment: SENTIMENTS[2],
    }),
    mention('web-hostile-url', {
      ...SOURCES[1],
      url: JAVASCRIPT_URL,
      canonicalUrl: null,
      title: 'Acme link that must not run',
      text: 'Acme statement with a link that is not http.',
      language: 'en',
      publishedAt: at(3),
      entities: [acme],
    }),
    mention('web-hostile-source', {
      ...SOURCES[2],
      sourceName: '<b onmouseover="window.__pwned=6">Bold source</b>',
      title: 'Acme <a href="javascript:window.__pwned=7">click</a> review',
      text: 'Acme review from a source whose name holds markup.',
      language: 'en',
      publishedAt: at(4),
      entities: [acme],
    }),
  );
  return mentions;
}

/** Writes the fixture index at `indexPath`. */
export async function writeFixtureIndex(indexPath: string, now: Date): Promise<void> {
  const index = SqliteMentionIndex.open({ path: indexPath, logger: silentLogger() });
  try {
    const outcomes = await index.upsert(webFixtureMentions(now));
    const failed = outcomes.filter((o) => o.outcome === 'failed');
    if (failed.length > 0) throw new Error(`fixture upsert failed: ${JSON.stringify(failed[0])}`);
  } finally {
    await index.close();
  }
}

/** The shipped configuration (its sources and watchlist) with the bundled sample server off and the index at `indexPath`. */
export function writeWebConfig(dir: string, indexPath: string): string {
  const config = parseDocument(readFileSync(new URL('../../../config/hubwatch.yaml', import.meta.url), 'utf8')).toJS() as Record<string, unknown>;
  config.samples = { serve: false };
  config.index = { sqlite: { path: indexPath } };
  const file = join(dir, 'hubwatch.yaml');
  writeFileSync(file, JSON.stringify(config));
  return file;
}
