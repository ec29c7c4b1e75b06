import { describe, expect, it } from 'vitest';
import { fold } from '../../core/text/fold.js';
import { splitSentences } from './sentences.js';
import { wordTokens } from './word-tokens.js';

describe('wordTokens', () => {
  it('splits on punctuation, keeps offsets, and makes one token per character in unspaced scripts', () => {
    const folded = fold("J.-P. Agon, d'Acme : 索尼公司");
    const tokens = wordTokens(folded);
    expect(tokens.words).toEqual(['j', 'p', 'agon', 'd', 'acme', '索', '尼', '公', '司']);
    expect(folded.slice(tokens.starts[2], tokens.ends[2])).toBe('agon');
  });

  it('is linear on hostile input and honours maxTokens', () => {
    const started = Date.now();
    expect(wordTokens('a '.repeat(200_000)).count).toBe(200_000);
    expect(wordTokens('a '.repeat(1000), 10).count).toBe(10);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('splitSentences', () => {
  it('splits at sentence ends and line breaks but not after initials', () => {
    const text = 'J.-P. Agon left. Profits rose! Did they?\nYes… « Bien » dit-il.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'J.-P. Agon left.',
      'Profits rose!',
      'Did they?',
      'Yes…',
      '« Bien » dit-il.',
    ]);
  });
});
