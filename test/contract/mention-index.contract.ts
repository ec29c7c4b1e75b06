import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/core/errors.js';
import type { Mention } from '../../src/core/mention.js';
import type { MentionIndex, SearchRequest } from '../../src/index/mention-index.js';
import { parseQuery } from '../../src/index/query/parse.js';
import { deliveryCases } from './mention-index-deliveries.contract.js';
import { windowCases } from './mention-index-windows.contract.js';
import { corpus, idOf, mention } from './fixtures.js';
import { PASTED_NAMES, pastedCorpus } from './pasted-corpus.js';
import { PASTED_CASES } from './pasted-queries.js';

/** Opens a fresh, empty index for one test; `cleanup` removes whatever it created. */
export interface ContractTarget {
  open(): Promise<MentionIndex>;
  cleanup?(): Promise<void>;
}

const NAMES = ['rachat', 'rachat-copie', 'outage', 'globex-results', 'tweet', 'greve'];
const byId = new Map(NAMES.map((name) => [idOf(name), name]));

function names(mentions: { mention: Mention }[]): string[] {
  return mentions.map((hit) => byId.get(hit.mention.id) ?? hit.mention.id);
}

/**
 * Which engine runs behind the adapter: the few cases where adapters differ on purpose (stemming
 * adds to the score on Elasticsearch only; scores are each engine's own) say so by checking it.
 */
export interface ContractOptions {
  engine: 'sqlite' | 'elasticsearch';
}

/**
 * The MentionIndex contract: every adapter answers these the same way (docs/query-language.md,
 * "How each index answers"). Run with `describeMentionIndexContract('sqlite', target)`.
 */
export function describeMentionIndexContract(adapter: string, target: ContractTarget, options: ContractOptions = { engine: 'sqlite' }): void {
  describe(`MentionIndex contract: ${adapter}`, () => {
    let index: MentionIndex;

    beforeEach(async () => {
      index = await target.open();
    });

    afterEach(async () => {
      await index.close();
      await target.cleanup?.();
    });

    async function load(): Promise<void> {
      const outcomes = await index.upsert(corpus());
      expect(outcomes.map((o) => o.outcome)).toEqual(NAMES.map(() => 'indexed'));
    }

    async function find(query: string, extra: Partial<SearchRequest> = {}): Promise<string[]> {
      const page = await index.search({ query: parseQuery(query), sort: 'date', limit: 100, ...extra });
      return names(page.hits);
    }

    it('upserts idempotently, reporting each item', async () => {
      await load();
      const again = await index.upsert(corpus().map((m) => ({ ...m, fetchedAt: '2026-03-11T00:00:00.000Z' })));
      expect(again.map((o) => o.outcome)).toEqual(NAMES.map(() => 'unchanged'));
      const reEnriched = corpus().map((m) => (m.id === idOf('outage') ? { ...m, sentiment: { score: 0.2, label: 'positive' as const } } : m));
      const outcomes = await index.upsert(reEnriched);
      expect(outcomes.filter((o) => o.outcome === 'indexed').map((o) => o.id)).toEqual([idOf('outage')]);
      expect((await index.get(idOf('outage')))?.sentiment.label).toBe('positive');
      // A changed text or title alone is a change too.
      const edited = reEnriched.map((m) =>
        m.id === idOf('tweet') ? { ...m, text: `${m.text} (edited)` } : m.id === idOf('greve') ? { ...m, title: `${m.title}!` } : m,
      );
      const editedOutcomes = await index.upsert(edited);
      expect(editedOutcomes.filter((o) => o.outcome === 'indexed').map((o) => o.id).sort()).toEqual([idOf('greve'), idOf('tweet')].sort());
      expect((await index.get(idOf('tweet')))?.text).toMatch(/\(edited\)$/);
      await index.upsert(reEnriched);
      expect(await find('sentiment:negative')).toEqual(['tweet']);
      expect(await index.get(idOf('nothing'))).toBeNull();
      expect(await index.get(idOf('rachat'))).toEqual(corpus()[0]);
    });

    it('says whether an indexed mention was new to the index or replaced a stored one', async () => {
      const first = await index.upsert([mention('good')]);
      expect(first).toEqual([{ id: idOf('good'), outcome: 'indexed', created: true }]);
      // The same URL from another source: the same id, written again, not a second new mention.
      const elsewhere = { ...mention('good'), sourceId: 'other-source', sourceName: 'Other source' };
      expect(await index.upsert([elsewhere])).toEqual([{ id: idOf('good'), outcome: 'indexed', created: false }]);
      // Twice in one batch (two sources polled together): created once.
      const twice = await index.upsert([mention('pair'), { ...mention('pair'), sourceId: 'other-source', sourceName: 'Other source' }]);
      expect(twice).toEqual([
        { id: idOf('pair'), outcome: 'indexed', created: true },
        { id: idOf('pair'), outcome: 'indexed', created: false },
      ]);
    });

    it('reports a bad item without sinking the batch', async () => {
      const bad = { ...mention('bad'), publishedAt: 'yesterday' };
      const outcomes = await index.upsert([mention('good'), bad]);
      expect(outcomes[0]).toEqual({ id: idOf('good'), outcome: 'indexed', created: true });
      expect(outcomes[1]).toMatchObject({ id: idOf('bad'), outcome: 'failed', retryable: false });
      expect((outcomes[1] as { reason: string }).reason).toMatch(/publishedAt/);
      expect(await index.get(idOf('good'))).not.toBeNull();
    });

    it('matches terms, phrases and boolean operators, folding case and accents', async () => {
      await load();
      expect(await find('acme')).toEqual(['tweet', 'outage', 'rachat-copie', 'rachat']);
      expect(await find('SOCIETE')).toEqual(['rachat']);
      expect(await find('grève')).toEqual(['greve']);
      expect(await find('"acme cloud"')).toEqual(['tweet', 'outage', 'rachat-copie', 'rachat']);
      expect(await find('"cloud acme"')).toEqual([]);
      expect(await find('acme NOT outage')).toEqual(['rachat-copie', 'rachat']);
      expect(await find('nimbus OR globex')).toEqual(['globex-results', 'outage', 'rachat-copie', 'rachat']);
      expect(await find('(nimbus OR discounts) AND acme')).toEqual(['outage', 'rachat-copie', 'rachat']);
      expect(await find('acquisition NEAR/2 nimbus')).toEqual(['rachat-copie']);
      // NEAR/n: at most n words between ("l'acquisition de la jeune pousse Nimbus" has 4).
      expect(await find('acquisition NEAR/3 nimbus')).toEqual(['rachat-copie']);
      expect(await find('acquisition NEAR/4 nimbus')).toEqual(['rachat-copie', 'rachat']);
      expect(await find('nimbus NEAR/4 acquisition')).toEqual(['rachat-copie', 'rachat']);
      expect(await find('acquisition NEAR/5 nimbus')).toEqual(['rachat-copie', 'rachat']);
      expect(await find('acqui*')).toEqual(['rachat-copie', 'rachat']);
      expect(await find('NOT acme')).toEqual(['globex-results', 'greve']);
    });

    it('matches words, not stems, on every engine', async () => {
      await load();
      expect(await find('customers')).toEqual(['outage']);
      expect(await find('customer')).toEqual([]);
      // Differs on purpose: Elasticsearch also searches the stemmed sub-fields (`customer` and
      // `customers` share the stem `custom`), but only to add to the score, never to match.
      const stemmed = await index.search({ query: parseQuery('customer'), sort: options.engine === 'elasticsearch' ? 'relevance' : 'date', limit: 10 });
      expect(names(stemmed.hits)).toEqual([]);
    });

    for (const tool of ['Google News', 'Meltwater', 'Talkwalker', 'Brandwatch'] as const) {
      it(`answers queries pasted from ${tool} as that tool meant them, or refuses them saying what to write`, async () => {
        const loaded = await index.upsert(pastedCorpus());
        expect(loaded.every((o) => o.outcome === 'indexed')).toBe(true);
        const pasted = new Map(PASTED_NAMES.map((name) => [idOf(`pasted-${name}`), name]));
        const answered: Record<string, string[] | string> = {};
        const expected: Record<string, string[] | string> = {};
        for (const { query, expected: wanted } of PASTED_CASES.filter((c) => c.tool === tool)) {
          try {
            const page = await index.search({ query: parseQuery(query), sort: 'date', limit: 100 });
            answered[query] = page.hits.map((hit) => pasted.get(hit.mention.id) ?? hit.mention.id).sort();
          } catch (error) {
            if (!(error instanceof UserInputError)) throw error;
            answered[query] = error.message;
          }
          expected[query] = Array.isArray(wanted) ? [...wanted].sort() : (wanted.test(String(answered[query])) ? String(answered[query]) : `a message matching ${String(wanted)}`);
        }
        expect(answered).toEqual(expected);
      });
    }

    it('folds a query as the index folds texts: Latin accents go, other scripts keep their marks', async () => {
      const texts: [string, string][] = [
        ['russe', 'Йога в Москве'],
        ['grec', 'Ωμέγα ΆΛΦΑ'],
        ['coree', '한국 경제 뉴스'],
        ['latin', 'Crème brûlée à Łódź, Ǘber'],
      ];
      const written = await index.upsert(texts.map(([name, text]) => mention(name, { title: '', text, author: text.split(' ')[0]! })));
      expect(written.map((o) => o.outcome)).toEqual(texts.map(() => 'indexed'));
      const only = async (query: string): Promise<string[]> =>
        (await index.search({ query: parseQuery(query), sort: 'date', limit: 10 })).hits.map((hit) => texts.find(([name]) => idOf(name) === hit.mention.id)?.[0] ?? '?');
      for (const query of ['йога', 'ЙОГА', 'йог*', 'author:йога']) expect(await only(query), query).toEqual(['russe']);
      for (const query of ['ωμέγα', 'ΆΛΦΑ', 'άλφα']) expect(await only(query), query).toEqual(['grec']);
      for (const query of ['한국', '"한국 경제"', 'author:한국']) expect(await only(query), query).toEqual(['coree']);
      for (const query of ['creme', 'BRÛLÉE', 'brul*', 'łódź', 'uber', 'author:CRÈME']) expect(await only(query), query).toEqual(['latin']);
    });

    it('filters by fields, by watchlist id or name', async () => {
      await load();
      const acme = ['tweet', 'outage', 'rachat-copie', 'rachat'];
      expect(await find('brand:acme')).toEqual(acme);
      expect(await find('brand:"Acme Cloud"')).toEqual(acme);
      expect(await find('brand:globex')).toEqual(['globex-results', 'outage']);
      expect(await find('person:claire-dubois')).toEqual(['rachat-copie', 'rachat']);
      expect(await find('person:"Claire Dubois"')).toEqual(['rachat-copie', 'rachat']);
      expect(await find('source:tech-wire')).toEqual(['globex-results', 'outage']);
      expect(await find('source:"Tech Wire"')).toEqual(['globex-results', 'outage']);
      expect(await find('sentiment:negative')).toEqual(['tweet', 'outage']);
      expect(await find('channel:blog')).toEqual(['globex-results', 'outage']);
      expect(await find('lang:en')).toEqual(['tweet', 'globex-results', 'outage']);
      expect(await find('author:"elodie martin"')).toEqual(['rachat-copie']);
      expect(await find('title:outage')).toEqual(['outage']);
      expect(await find('brand:acme sentiment:negative')).toEqual(['tweet', 'outage']);
      expect(await find('NOT brand:acme')).toEqual(['globex-results', 'greve']);
      expect(await find('nimbus OR brand:globex')).toEqual(['globex-results', 'outage', 'rachat-copie', 'rachat']);
    });

    it('bounds by date and orders by date or relevance, with snippets', async () => {
      await load();
      const window = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-03T00:00:00Z') };
      expect(await find('', window)).toEqual(['outage', 'rachat-copie', 'rachat']);
      expect(await find('acme', { ...window, to: new Date('2026-03-02T23:30:00Z') })).toEqual(['rachat-copie', 'rachat']);
      // Differs on purpose: scores are each engine's own (FTS5's bm25; Lucene's BM25 plus, on
      // Elasticsearch, the stemmed .fr/.en sub-fields). The contract holds their order, not values.
      const relevance = await index.search({ query: parseQuery('outage'), sort: 'relevance', limit: 10 });
      expect(names(relevance.hits)).toEqual(['outage', 'tweet']);
      expect(relevance.hits[0]?.score).toBeGreaterThan(relevance.hits[1]?.score ?? Infinity);
      const page = await index.search({ query: parseQuery('nimbus'), sort: 'date', limit: 10 });
      expect(page.total).toBe(2);
      expect(page.totalIsExact).toBe(true);
      expect(page.hits[1]?.snippets?.join(' ')).toContain('\u0002Nimbus\u0003');
    });

    it('pages with a cursor that is stable under concurrent inserts', async () => {
      await load();
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<MentionIndex['search']>> = await index.search({ query: null, sort: 'date', limit: 2, ...(cursor ? { cursor } : {}) });
        seen.push(...names(page.hits));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
        if (pages === 1) {
          await index.upsert([
            mention('late-new', { publishedAt: '2026-03-20T00:00:00.000Z' }),
            mention('late-old', { publishedAt: '2026-01-01T00:00:00.000Z' }),
          ]);
        }
      } while (cursor && pages < 10);
      expect(seen.slice(0, 6)).toEqual(['tweet', 'globex-results', 'outage', 'rachat-copie', 'rachat', 'greve']);
      expect(new Set(seen).size).toBe(seen.length);
      await expect(index.search({ query: null, sort: 'date', limit: 2, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(UserInputError);
    });

    it('counts by calendar day in a time zone, and by week', async () => {
      await load();
      const utc = await index.histogram({
        query: parseQuery('brand:acme'),
        interval: 'day',
        from: new Date('2026-03-01T00:00:00Z'),
        to: new Date('2026-03-03T00:00:00Z'),
      });
      expect(utc).toEqual([{ key: '2026-03-01', count: 2 }, { key: '2026-03-02', count: 1 }]);
      const paris = await index.histogram({
        query: parseQuery('brand:acme'),
        interval: 'day',
        timeZone: 'Europe/Paris',
        from: new Date('2026-02-28T23:00:00Z'),
        to: new Date('2026-03-03T23:00:00Z'),
      });
      expect(paris).toEqual([{ key: '2026-03-01', count: 2 }, { key: '2026-03-02', count: 0 }, { key: '2026-03-03', count: 1 }]);
      const weeks = await index.histogram({ query: null, interval: 'week' });
      expect(weeks).toEqual([
        { key: '2026-02-16', count: 1 },
        { key: '2026-02-23', count: 2 },
        { key: '2026-03-02', count: 2 },
        { key: '2026-03-09', count: 1 },
      ]);
    });

    it('aggregates top terms, share of voice, sentiment over time and top stories', async () => {
      await load();
      expect(await index.topTerms({ query: null, dimension: 'source', size: 10 })).toEqual([
        { key: 'le-monde', count: 2 },
        { key: 'tech-wire', count: 2 },
        { key: 'ouest-info', count: 1 },
        { key: 'x-search', count: 1 },
      ]);
      expect(await index.topTerms({ query: parseQuery('lang:en'), dimension: 'brand', size: 1 })).toEqual([{ key: 'acme', count: 2 }]);
      expect(await index.topTerms({ query: null, dimension: 'sentiment', size: 10 })).toEqual([
        { key: 'positive', count: 3 },
        { key: 'negative', count: 2 },
        { key: 'neutral', count: 1 },
      ]);
      expect(await index.shareOfVoice({ query: null, brands: ['acme', 'globex', 'initech'] })).toEqual([
        { key: 'acme', count: 4 },
        { key: 'globex', count: 2 },
        { key: 'initech', count: 0 },
      ]);
      expect(await index.shareOfVoice({ query: parseQuery('outage'), from: new Date('2026-03-01T00:00:00Z') })).toEqual([
        { key: 'acme', count: 2 },
        { key: 'globex', count: 1 },
      ]);
      expect(await index.sentimentOverTime({ query: null, interval: 'month' })).toEqual([
        { key: '2026-02-01', positive: 0, neutral: 1, negative: 0, unscored: 0 },
        { key: '2026-03-01', positive: 3, neutral: 0, negative: 2, unscored: 0 },
      ]);
      const stories = await index.topStories({ query: null, size: 2 });
      expect(stories.map((s) => [s.storyId, s.count, s.amplifiers, byId.get(s.origin.id)])).toEqual([
        ['story-rachat', 2, 0, 'rachat'],
        [idOf('greve'), 1, 0, 'greve'],
      ]);
    });

    it("gives a story's size, its first published copy and its newest mentions", async () => {
      await load();
      const story = await index.story('story-rachat', 10);
      expect(story.size).toBe(2);
      expect(story.origin?.id).toBe(idOf('rachat'));
      expect(story.latest.map((m) => byId.get(m.id))).toEqual(['rachat-copie', 'rachat']);
      expect((await index.story('story-rachat', 1)).latest.map((m) => byId.get(m.id))).toEqual(['rachat-copie']);
      expect(await index.story('no-such-story', 10)).toEqual({ size: 0, origin: null, latest: [] });
    });

    it('scans the scope oldest first, in batches, whole mentions', async () => {
      await load();
      const batches: Mention[][] = [];
      for await (const batch of index.scan({ query: null, batchSize: 2 })) batches.push(batch);
      expect(batches.map((b) => b.length)).toEqual([2, 2, 2]);
      expect(names(batches.flat().map((m) => ({ mention: m })))).toEqual(['greve', 'rachat', 'rachat-copie', 'outage', 'globex-results', 'tweet']);
      const first = batches.flat()[1] as Mention;
      expect(first).toEqual(corpus().find((m) => m.id === idOf('rachat')));
      const scoped: Mention[] = [];
      for await (const batch of index.scan({ query: parseQuery('brand:acme'), from: new Date('2026-03-01T12:00:00Z'), to: new Date('2026-03-09T00:00:00Z') })) scoped.push(...batch);
      expect(names(scoped.map((m) => ({ mention: m })))).toEqual(['rachat-copie', 'outage']);
      const none: Mention[][] = [];
      for await (const batch of index.scan({ query: null, from: new Date('2030-01-01T00:00:00Z'), to: new Date('2030-02-01T00:00:00Z') })) none.push(batch);
      expect(none).toEqual([]);
    });

    it('lists signatures since a date and deletes old mentions', async () => {
      await load();
      const signatures = [];
      for await (const record of index.signaturesSince(new Date('2026-03-01T12:00:00Z'))) signatures.push(record);
      expect(signatures).toEqual([
        { id: idOf('rachat-copie'), storyId: 'story-rachat', signature: 'aa02', publishedAt: '2026-03-01T14:00:00.000Z' },
        { id: idOf('outage'), storyId: null, signature: 'bb01', publishedAt: '2026-03-02T23:30:00.000Z' },
      ]);
      expect(await index.deleteOlderThan(new Date('2026-03-01T00:00:00Z'))).toBe(1);
      expect(await index.get(idOf('greve'))).toBeNull();
      expect(await find('greve')).toEqual([]);
      expect(await find('')).toHaveLength(5);
    });

    deliveryCases(() => index);
    windowCases(() => index);
  });
}
