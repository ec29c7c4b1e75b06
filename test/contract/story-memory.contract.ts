import { afterEach, describe, expect, it } from 'vitest';
import { watchlistSchema } from '../../src/config/watchlist.js';
import { createEnricher } from '../../src/enrich/create-enricher.js';
import type { StoryCandidate, StoryMemory } from '../../src/enrich/story-memory.js';

/** Opens a fresh, empty story memory for one test; `cleanup` removes whatever it created. */
export interface StoryMemoryTarget {
  open(options?: { window?: number; maxAgeDays?: number }): Promise<StoryMemory>;
  cleanup?(): Promise<void>;
}

const TEXTS = {
  merger:
    'Acme Corporation agreed on Tuesday to buy the French telecoms group Orange for 42 billion euros in cash and shares, ' +
    'the largest European deal of the year. The boards of both companies approved the terms late on Monday, and the ' +
    'transaction is expected to close in the second half of next year once regulators in Brussels have reviewed it. ' +
    'Unions said they would seek guarantees on jobs at the Paris headquarters.',
  outage:
    'A nationwide outage left millions of mobile customers without a signal for most of Sunday afternoon. The operator ' +
    'blamed a faulty software update pushed to its core network shortly after noon and said service was restored by ' +
    'nine in the evening. Consumer groups called for compensation and the regulator opened an inquiry into the incident.',
  results:
    'Globex reported quarterly revenue well above analyst forecasts on Thursday, lifted by strong demand for its cloud ' +
    'services in Asia. Its shares rose eleven percent in early trading. The chief executive raised the full-year outlook ' +
    'but warned that higher energy prices would weigh on margins in the factories it runs in Germany and Poland.',
  strike:
    'Rail workers across the country walked out at dawn in a dispute over pensions, cancelling nine trains in ten on the ' +
    'main lines. The transport minister urged both sides back to the table, while commuters crowded onto buses and ' +
    'bicycles. The unions promised further stoppages during the holidays unless the reform is withdrawn.',
} as const;

const enricher = createEnricher(watchlistSchema.parse({}), { frenchModel: false });
const signatureOf = (text: string): string => enricher.enrich({ title: '', text }).signature!;
const at = '2026-03-10T09:00:00.000Z';

function candidate(id: string, text: string, publishedAt = at): StoryCandidate {
  return { id, signature: signatureOf(text), publishedAt };
}

/** A post sharing the article `sharedId` (its words are a comment, not a copy of the article). */
function share(id: string, sharedId: string, text = 'Worth reading: the deal everybody talks about', publishedAt = at): StoryCandidate {
  return { id, signature: signatureOf(text), publishedAt, sharedId };
}

/**
 * The StoryMemory contract: every adapter answers these the same way. Run with
 * `describeStoryMemoryContract('in-process', target)`; a Redis adapter adds one such call.
 */
export function describeStoryMemoryContract(adapter: string, target: StoryMemoryTarget): void {
  describe(`StoryMemory contract: ${adapter}`, () => {
    const opened: StoryMemory[] = [];

    afterEach(async () => {
      for (const memory of opened.splice(0)) await memory.close();
      await target.cleanup?.();
    });

    async function open(options?: { window?: number; maxAgeDays?: number }): Promise<StoryMemory> {
      const memory = await target.open(options);
      opened.push(memory);
      return memory;
    }

    it('joins copies of one text to the first copy, and keeps unrelated texts apart', async () => {
      const memory = await open();
      expect(await memory.assign([candidate('a', TEXTS.merger)])).toEqual(['a']);
      expect(await memory.assign([candidate('b', TEXTS.outage)])).toEqual(['b']);
      const syndicated = `${TEXTS.merger} Reporting by the wire desk; editing by the night team.`;
      const edited = TEXTS.merger.replace('Tuesday', 'Wednesday').replace('42 billion', '41 billion');
      expect(await memory.assign([candidate('c', syndicated), candidate('d', edited), candidate('e', TEXTS.results)])).toEqual(['a', 'a', 'e']);
      expect(await memory.assign([candidate('f', TEXTS.outage)])).toEqual(['b']);
    });

    it('starts its own story for a mention without signature', async () => {
      const memory = await open();
      await memory.assign([candidate('a', TEXTS.merger)]);
      expect(await memory.assign([{ id: 'empty', signature: null, publishedAt: at }])).toEqual(['empty']);
      expect(await memory.assign([])).toEqual([]);
    });

    it('joins a candidate to one earlier in the same batch', async () => {
      const memory = await open();
      const batch = [candidate('a', TEXTS.strike), candidate('b', TEXTS.results), candidate('c', TEXTS.strike), candidate('d', TEXTS.results)];
      expect(await memory.assign(batch)).toEqual(['a', 'b', 'a', 'b']);
    });

    it('gives the same stories when the same mentions are assigned again', async () => {
      const memory = await open();
      const batch = [candidate('a', TEXTS.strike), candidate('b', TEXTS.strike), candidate('c', TEXTS.outage)];
      const first = await memory.assign(batch);
      expect(first).toEqual(['a', 'a', 'c']);
      expect(await memory.assign(batch)).toEqual(first);
      expect(await memory.assign([batch[1]!, batch[0]!])).toEqual(['a', 'a']);
      // A copy arriving later still joins the origin, not a re-assigned member.
      expect(await memory.assign([candidate('z', TEXTS.strike)])).toEqual(['a']);
    });

    it('joins new copies to the stories of remembered members', async () => {
      const memory = await open();
      await memory.remember([
        { id: 'origin', storyId: null, signature: signatureOf(TEXTS.merger), publishedAt: at },
        { id: 'copy', storyId: 'origin', signature: signatureOf(`${TEXTS.merger} (wire)`), publishedAt: at },
        { id: 'late-copy', storyId: 'older-story', signature: signatureOf(TEXTS.outage), publishedAt: at },
      ]);
      expect(await memory.assign([candidate('n1', TEXTS.merger), candidate('n2', TEXTS.outage), candidate('n3', TEXTS.results)])).toEqual([
        'origin',
        'older-story',
        'n3',
      ]);
    });

    it('starts a new story for a copy published too long after the origin', async () => {
      const memory = await open({ maxAgeDays: 2 });
      expect(await memory.assign([candidate('a', TEXTS.merger)])).toEqual(['a']);
      expect(await memory.assign([candidate('b', TEXTS.merger, '2026-03-11T09:00:00.000Z')])).toEqual(['a']);
      expect(await memory.assign([candidate('c', TEXTS.merger, '2026-03-20T09:00:00.000Z')])).toEqual(['c']);
    });

    it('keeps a story starter in its own story when a copy between it and an older origin arrives', async () => {
      const memory = await open({ maxAgeDays: 2 });
      const day = (n: number): string => new Date(Date.parse(at) + n * 86_400_000).toISOString();
      const origin = candidate('a', TEXTS.strike, day(0));
      const starter = candidate('y', TEXTS.strike, day(3));
      const between = candidate('z', TEXTS.strike, day(1.5));
      expect(await memory.assign([origin, starter, between])).toEqual(['a', 'y', 'a']);
      // 'z' is as close to 'y' as 'y' itself and older: a memory that looked 'y' up again would move it.
      expect(await memory.assign([starter, between, origin])).toEqual(['y', 'a', 'a']);
    });

    it('joins a share to the story of the article it shares, when the article came first', async () => {
      const memory = await open();
      expect(await memory.assign([candidate('origin', TEXTS.merger), candidate('article', `${TEXTS.merger} (wire)`)])).toEqual(['origin', 'origin']);
      // Shares of the copy and of the origin join the one story; several shares of one article too.
      expect(await memory.assign([share('hn-1', 'article'), share('hn-2', 'article'), share('toot', 'origin')])).toEqual(['origin', 'origin', 'origin']);
      // A share whose words copy an article's text still joins by its link, not by its text.
      expect(await memory.assign([share('reddit', 'other-article', TEXTS.merger)])).toEqual(['other-article']);
      // Shares are not copies: a later copy of the text joins the article's story, not a share's.
      expect(await memory.assign([candidate('late-copy', TEXTS.merger)])).toEqual(['origin']);
    });

    it('joins a share to the story of the article it shares, when the share came first', async () => {
      const memory = await open();
      expect(await memory.assign([share('hn-1', 'article')])).toEqual(['article']);
      expect(await memory.assign([share('hn-2', 'article'), candidate('unrelated', TEXTS.outage)])).toEqual(['article', 'unrelated']);
      // The article arrives: it takes the story its shares named, even in the same batch as another share.
      expect(await memory.assign([candidate('article', TEXTS.merger), share('bsky', 'article')])).toEqual(['article', 'article']);
      // Its copies then join it.
      expect(await memory.assign([candidate('copy', `${TEXTS.merger} (wire)`)])).toEqual(['article']);
    });

    it('gives shares and articles the same stories when assigned again or taught from the index', async () => {
      const memory = await open();
      const batch = [share('hn-1', 'article'), candidate('article', TEXTS.strike), share('hn-2', 'article')];
      expect(await memory.assign(batch)).toEqual(['article', 'article', 'article']);
      expect(await memory.assign([...batch].reverse())).toEqual(['article', 'article', 'article']);
      // A memory rebuilt from the index (share first, its article not indexed yet) gives the same answers.
      const rebuilt = await open();
      await rebuilt.remember([{ id: 'hn-1', storyId: 'article', signature: signatureOf('Worth reading'), publishedAt: at, sharedId: 'article' }]);
      expect(await rebuilt.assign([share('hn-2', 'article'), candidate('article', TEXTS.strike), share('hn-1', 'article')])).toEqual(['article', 'article', 'article']);
      // Rebuilt with the article in another story (it was a copy), a new share joins that story.
      const copied = await open();
      await copied.remember([
        { id: 'origin', storyId: null, signature: signatureOf(TEXTS.merger), publishedAt: at },
        { id: 'article', storyId: 'origin', signature: signatureOf(`${TEXTS.merger} (wire)`), publishedAt: at },
        { id: 'toot', storyId: 'origin', signature: signatureOf(TEXTS.outage), publishedAt: at, sharedId: 'article' },
      ]);
      expect(await copied.assign([share('hn', 'article'), share('toot', 'article')])).toEqual(['origin', 'origin']);
      // A remembered share is not a copy: its text does not pull new mentions into its story.
      expect(await copied.assign([candidate('text-of-toot', TEXTS.outage)])).toEqual(['text-of-toot']);
    });

    it('forgets the oldest members beyond its window', async () => {
      const memory = await open({ window: 2 });
      expect(await memory.assign([candidate('a', TEXTS.merger), candidate('b', TEXTS.outage)])).toEqual(['a', 'b']);
      expect(await memory.assign([candidate('c', TEXTS.results)])).toEqual(['c']);
      // 'a' was the oldest: a copy of it now starts a story; 'b' is still remembered.
      expect(await memory.assign([candidate('d', TEXTS.outage)])).toEqual(['b']);
      expect(await memory.assign([candidate('e', TEXTS.merger)])).toEqual(['e']);
    });
  });
}
