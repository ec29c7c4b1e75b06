import { expect, it } from 'vitest';
import type { Mention } from '../../src/core/mention.js';
import type { MentionIndex } from '../../src/index/mention-index.js';
import { parseQuery } from '../../src/index/query/parse.js';
import { idOf, mention } from './fixtures.js';

/** The outlet's feed delivers the whole article; a news search delivers the same URL with a snippet. */
const fromFeed = (): Mention => mention('deal', { sourceId: 'le-monde', sourceName: 'Le Monde', text: 'The whole article about the deal, as Le Monde publishes it.' });
const fromSearch = (): Mention => ({ ...fromFeed(), sourceId: 'news-search', sourceName: 'News Search', text: 'Acme buys… (snippet)', fetchedAt: '2026-03-10T11:00:00.000Z' });

/**
 * Contract cases on deliveries: one mention with every source that delivered it, `source:` by any
 * of them, per-source counts that count it under each while totals count it once; and shares
 * counted as their story's amplifiers. Called inside `describeMentionIndexContract`.
 */
export function deliveryCases(index: () => MentionIndex): void {
  const ids = async (query: string): Promise<string[]> =>
    (await index().search({ query: parseQuery(query), sort: 'date', limit: 100 })).hits.map((hit) => hit.mention.id);

  it('keeps one mention for an article two sources delivered, with both sources and the first one’s content', async () => {
    expect(await index().upsert([fromFeed()])).toEqual([{ id: idOf('deal'), outcome: 'indexed', created: true }]);
    expect(await index().upsert([fromSearch()])).toEqual([{ id: idOf('deal'), outcome: 'indexed', created: false }]);
    const stored = await index().get(idOf('deal'));
    expect(stored).toMatchObject({ sourceId: 'le-monde', sourceName: 'Le Monde', text: fromFeed().text });
    expect(stored?.sources).toEqual([{ id: 'le-monde', name: 'Le Monde' }, { id: 'news-search', name: 'News Search' }]);
    // Delivered again by either: nothing changes.
    expect(await index().upsert([fromSearch(), fromFeed()])).toEqual([
      { id: idOf('deal'), outcome: 'unchanged' },
      { id: idOf('deal'), outcome: 'unchanged' },
    ]);
    // The primary's edit replaces the content and keeps the other source.
    const edited = { ...fromFeed(), text: 'The article about the deal, corrected.' };
    expect(await index().upsert([edited])).toEqual([{ id: idOf('deal'), outcome: 'indexed', created: false }]);
    expect(await index().get(idOf('deal'))).toEqual({ ...edited, sources: stored?.sources });
    // What an export writes, imported again, is the same mention.
    expect(await index().upsert([(await index().get(idOf('deal')))!])).toEqual([{ id: idOf('deal'), outcome: 'unchanged' }]);
  });

  it('finds the mention by any source that delivered it, and counts it once in totals, once per source in source counts', async () => {
    const other = mention('other', { sourceId: 'news-search', sourceName: 'News Search' });
    await index().upsert([fromFeed(), fromSearch(), other]);
    expect(await ids('source:news-search')).toEqual(expect.arrayContaining([idOf('deal'), idOf('other')]));
    expect(await ids('source:news-search')).toHaveLength(2);
    expect(await ids('source:"news search"')).toHaveLength(2);
    expect(await ids('source:le-monde')).toEqual([idOf('deal')]);
    expect(await ids('source:news* AND source:"le monde"')).toEqual([idOf('deal')]);
    expect(await ids('NOT source:news-search')).toEqual([]);
    const page = await index().search({ query: null, sort: 'date', limit: 10 });
    expect(page.total).toBe(2);
    expect(await index().topTerms({ query: null, dimension: 'source', size: 10 })).toEqual([
      { key: 'news-search', count: 2 },
      { key: 'le-monde', count: 1 },
    ]);
    expect(await index().topTerms({ query: parseQuery('source:le-monde'), dimension: 'source', size: 10 })).toEqual([
      { key: 'le-monde', count: 1 },
      { key: 'news-search', count: 1 },
    ]);
    expect((await index().histogram({ query: null, interval: 'day' })).reduce((sum, day) => sum + day.count, 0)).toBe(2);
  });

  it('merges two deliveries of one article in the same batch', async () => {
    expect(await index().upsert([fromSearch(), fromFeed()])).toEqual([
      { id: idOf('deal'), outcome: 'indexed', created: true },
      { id: idOf('deal'), outcome: 'indexed', created: false },
    ]);
    const stored = await index().get(idOf('deal'));
    expect(stored).toMatchObject({ sourceId: 'news-search', text: fromSearch().text });
    expect(stored?.sources?.map((s) => s.id)).toEqual(['news-search', 'le-monde']);
    expect(await ids('source:le-monde')).toEqual([idOf('deal')]);
  });

  it('counts the shares of a story as its amplifiers, the article staying its origin', async () => {
    const story = idOf('deal');
    const article = { ...fromFeed(), storyId: story, signature: 'aa01' };
    const copy = mention('deal-copy', { storyId: story, signature: 'aa02', publishedAt: '2026-03-10T10:00:00.000Z' });
    const share = (name: string, at: string): Mention =>
      mention(name, { sourceId: 'hn', sourceName: 'Hacker News', channel: 'forum', storyId: story, signature: 'cc01', publishedAt: at, sharedUrl: article.url! });
    // One share was posted before the outlet's time stamp: the article is still the origin.
    await index().upsert([share('hn-1', '2026-03-10T08:00:00.000Z'), article, copy, share('hn-2', '2026-03-10T12:00:00.000Z'), mention('alone')]);
    const stories = await index().topStories({ query: null, size: 5 });
    expect(stories.map((s) => ({ storyId: s.storyId, count: s.count, amplifiers: s.amplifiers, origin: s.origin.id }))).toEqual([
      { storyId: story, count: 4, amplifiers: 2, origin: idOf('deal') },
      { storyId: idOf('alone'), count: 1, amplifiers: 0, origin: idOf('alone') },
    ]);
    // A story of shares only (the article is not indexed): the first share stands as its origin.
    expect((await index().topStories({ query: parseQuery('source:hn'), size: 5 })).map((s) => [s.count, s.amplifiers, s.origin.id])).toEqual([[2, 2, idOf('hn-1')]]);
    const records = [];
    for await (const record of index().signaturesSince(new Date('2026-03-01T00:00:00Z'))) records.push(record);
    expect(records.find((r) => r.id === idOf('hn-1'))).toEqual({ id: idOf('hn-1'), storyId: story, signature: 'cc01', publishedAt: '2026-03-10T08:00:00.000Z', sharedUrl: article.url });
    expect(records.find((r) => r.id === idOf('deal'))).not.toHaveProperty('sharedUrl');
  });

  it('forgets the other sources of a mention it deletes', async () => {
    const old = { ...fromSearch(), publishedAt: '2026-01-05T09:00:00.000Z' };
    await index().upsert([old, { ...fromFeed(), publishedAt: old.publishedAt }, mention('recent', { sourceId: 'news-search', sourceName: 'News Search' })]);
    expect(await index().deleteOlderThan(new Date('2026-02-01T00:00:00Z'))).toBe(1);
    expect(await index().topTerms({ query: null, dimension: 'source', size: 10 })).toEqual([{ key: 'news-search', count: 1 }]);
    expect(await ids('source:le-monde')).toEqual([]);
  });
}
