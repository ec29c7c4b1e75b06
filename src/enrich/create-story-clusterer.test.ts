import { describe, expect, it } from 'vitest';
import { createStoryClusterer } from './create-story-clusterer.js';
import { minhash } from './signature/minhash.js';
import { fold } from '../core/text/fold.js';
import { wordTokens } from './text/word-tokens.js';

const at = '2026-11-01T10:00:00Z';
const day = (n: number): string => new Date(Date.parse(at) + n * 86_400_000).toISOString();
/** A made-up article: `length` words that no other seed shares. */
const article = (seed: number, length = 120): string[] => Array.from({ length }, (_, i) => `w${seed}x${(i * 7919) % 997}`);
const sign = (words: string[]): string => minhash(words)!;
const signText = (text: string): string => minhash(wordTokens(fold(text)).words)!;

describe('createStoryClusterer', () => {
  it('joins syndicated and lightly edited copies to the first-seen origin, keeps other stories apart', () => {
    const clusterer = createStoryClusterer();
    const story = article(1);
    const edited = [...story];
    edited[10] = 'changed';
    edited[70] = 'edited';
    expect(clusterer.assign({ id: 'a', signature: sign(story), publishedAt: at })).toBe('a');
    expect(clusterer.assign({ id: 'b', signature: sign([...story, 'byline', 'by', 'wire']), publishedAt: at })).toBe('a');
    expect(clusterer.assign({ id: 'c', signature: sign(edited), publishedAt: at })).toBe('a');
    expect(clusterer.assign({ id: 'd', signature: sign(article(2)), publishedAt: at })).toBe('d');
    expect(clusterer.assign({ id: 'e', signature: null, publishedAt: at })).toBe('e');
    expect(clusterer.assign({ id: 'f', signature: '0123456789abcdef', publishedAt: at })).toBe('f');
    expect(clusterer.assign({ id: 'a', signature: sign(story), publishedAt: at })).toBe('a');
  });

  it('joins a copy cut to a third, alone with its origin, but not two texts that share a boilerplate sentence', () => {
    // Lookup is by LSH bands: a pair at a third is found with probability 0.99, not always.
    let joined = 0;
    for (let seed = 10; seed < 110; seed += 1) {
      const clusterer = createStoryClusterer();
      const story = article(seed, 240);
      clusterer.assign({ id: 'origin', signature: sign(story), publishedAt: at });
      if (clusterer.assign({ id: 'third', signature: sign(story.slice(0, 80)), publishedAt: at }) === 'origin') joined += 1;
    }
    expect(joined).toBeGreaterThanOrEqual(97);
    const boilerplate = 'Sign up for our free morning newsletter to get the top stories delivered to your inbox every weekday.';
    const clusterer = createStoryClusterer();
    const first = `Acme opened a battery plant in Lyon on Tuesday, creating 300 jobs, the company said. ${boilerplate}`;
    const second = `Orange cut its mobile prices across Europe as competition from new operators grew. ${boilerplate}`;
    expect(clusterer.assign({ id: 'first', signature: signText(first), publishedAt: at })).toBe('first');
    expect(clusterer.assign({ id: 'second', signature: signText(second), publishedAt: at })).toBe('second');
  });

  it('still joins copies to their origins among thousands of articles that share common phrases', () => {
    // Every article mixes its own words with phrases drawn from one small common stock, so the
    // common bands fill up (and stop taking slots) long before the copies arrive.
    let seed = 3;
    const random = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const word = (): string => Array.from({ length: 3 + Math.floor(random() * 6) }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
    const phrases = Array.from({ length: 40 }, () => Array.from({ length: 6 }, word));
    const articleWithPhrases = (): string[] => {
      const words: string[] = [];
      for (let part = 0; part < 20; part += 1) words.push(...phrases[Math.floor(random() * phrases.length)]!, ...Array.from({ length: 8 }, word));
      return words;
    };
    const clusterer = createStoryClusterer();
    const texts = Array.from({ length: 3000 }, articleWithPhrases);
    texts.forEach((words, n) => expect(clusterer.assign({ id: `a${n}`, signature: sign(words), publishedAt: at })).toBe(`a${n}`));
    let joined = 0;
    for (let n = 0; n < 60; n += 1) {
      const words = texts[n]!;
      if (clusterer.assign({ id: `copy${n}`, signature: sign(words.slice(0, Math.floor(words.length / 2))), publishedAt: at }) === `a${n}`) joined += 1;
    }
    expect(joined).toBeGreaterThanOrEqual(58);
  });

  it('counts the age window from the story origin, so copies cannot chain a story along', () => {
    const clusterer = createStoryClusterer({ maxAgeDays: 7 });
    const story = sign(article(3));
    expect(clusterer.assign({ id: 'origin', signature: story, publishedAt: day(0) })).toBe('origin');
    expect(clusterer.assign({ id: 'day5', signature: story, publishedAt: day(5) })).toBe('origin');
    // Within 7 days of day5 but 10 from the origin: a new story, which day 12 then joins.
    expect(clusterer.assign({ id: 'day10', signature: story, publishedAt: day(10) })).toBe('day10');
    expect(clusterer.assign({ id: 'day12', signature: story, publishedAt: day(12) })).toBe('day10');
  });

  it('keeps the origin time of remembered stories', () => {
    const clusterer = createStoryClusterer({ maxAgeDays: 7 });
    const story = sign(article(4));
    clusterer.remember({ id: 'origin', storyId: 'origin', signature: story, publishedAt: day(0) });
    clusterer.remember({ id: 'copy', storyId: 'origin', signature: story, publishedAt: day(5) });
    expect(clusterer.assign({ id: 'late', signature: story, publishedAt: day(10) })).toBe('late');
  });

  it('keeps a templated bulletin of another day apart, and joins a copy of the same day', () => {
    const bulletin = (date: string, figures: number[]): string =>
      signText(
        `Markets, ${date}: the index closed at ${figures[0]} points, with ${figures[1]} of its constituents higher. ` +
          `Mining shares moved ${figures[2]} percent and banks ${figures[3]} percent. Sterling traded at ${figures[4]} euros. ` +
          `Brent crude settled at ${figures[5]} dollars a barrel, and the Paris index ended at ${figures[6]} points. ` +
          'Prices are indicative and come from the exchanges at the close of trading; they are not an offer to buy or sell, ' +
          'and past performance is no guide to future returns. Full tables of shares, bonds and currencies are on the markets pages, ' +
          'with the day\'s biggest risers and fallers, dividends declared, trading volumes by sector and the calendar of results ' +
          'expected this week. Readers can receive this report by email each evening after the close by writing to the desk.',
      );
    const clusterer = createStoryClusterer();
    expect(clusterer.assign({ id: 'monday', signature: bulletin('3 March', [8121.4, 61, 1.2, -0.4, 1.1712, 82.15, 7451.2]), publishedAt: day(0) })).toBe('monday');
    expect(clusterer.assign({ id: 'monday-copy', signature: bulletin('3 March', [8121.4, 61, 1.2, -0.4, 1.1712, 82.15, 7451.2]), publishedAt: day(0) })).toBe('monday');
    expect(clusterer.assign({ id: 'tuesday', signature: bulletin('4 March', [8098.7, 38, -0.7, 0.9, 1.1695, 81.4, 7433.9]), publishedAt: day(1) })).toBe('tuesday');
  });

  it('ignores signatures of the earlier format when remembering, and gives such a mention its own story', () => {
    const clusterer = createStoryClusterer();
    const old = '0a1b'.repeat(60);
    expect(() => clusterer.remember({ id: 'old', storyId: 'old', signature: old, publishedAt: at })).not.toThrow();
    expect(clusterer.assign({ id: 'again', signature: old, publishedAt: at })).toBe('again');
    expect(clusterer.assign({ id: 'new', signature: sign(article(5)), publishedAt: at })).toBe('new');
  });

  it('learns remembered mentions and forgets beyond its window', () => {
    const clusterer = createStoryClusterer({ window: 2, maxAgeDays: 1 });
    const story = sign(article(6));
    clusterer.remember({ id: 'old', storyId: 'story-1', signature: story, publishedAt: at });
    expect(clusterer.assign({ id: 'x', signature: story, publishedAt: at })).toBe('story-1');
    expect(clusterer.assign({ id: 'late', signature: story, publishedAt: day(4) })).toBe('late');
    clusterer.assign({ id: 'y', signature: sign(article(7)), publishedAt: at });
    // 'old' and 'x' have left the window; 'late', which shared every band with them, is still found.
    expect(clusterer.assign({ id: 'v', signature: story, publishedAt: day(4.1) })).toBe('late');
    clusterer.assign({ id: 'z', signature: sign(article(8)), publishedAt: at });
    // Only 'v' (of story 'late') and 'z' are left in the window of 2.
    expect(clusterer.assign({ id: 'u', signature: story, publishedAt: day(4.3) })).toBe('late');
    expect(clusterer.assign({ id: 'w', signature: story, publishedAt: at })).toBe('w');
  });
});
