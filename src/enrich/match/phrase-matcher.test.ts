import { describe, expect, it } from 'vitest';
import { fold } from '../../core/text/fold.js';
import { wordTokens } from '../text/word-tokens.js';
import { PhraseMatcher } from './phrase-matcher.js';

function find(matcher: PhraseMatcher<string>, text: string): string[] {
  const folded = fold(text);
  return matcher.findAll(wordTokens(folded), folded).map((hit) => hit.payload);
}

describe('PhraseMatcher', () => {
  const matcher = new PhraseMatcher<string>();
  matcher.add('Acme Cloud', 'acme-cloud', { plural: true });
  matcher.add('Acme', 'acme', { plural: true });
  matcher.add('C++', 'cpp');
  matcher.add('a.*b(', 'regex-looking');

  it('matches whole words only, folded, with plurals on the last word', () => {
    expect(find(matcher, 'ACME clouds and Acmé')).toEqual(['acme-cloud', 'acme', 'acme']);
    expect(find(matcher, 'Acmes everywhere')).toEqual(['acme']);
    expect(find(matcher, 'Acmeister, acm')).toEqual([]);
  });

  it('treats phrases as words, never as patterns', () => {
    expect(find(matcher, 'a b and a.*b( text')).toEqual(['regex-looking', 'regex-looking']);
    expect(matcher.add('!!!', 'nothing')).toBe(false);
  });

  it('does not join words across a line break or a long gap', () => {
    expect(find(matcher, 'Acme\nCloud')).toEqual(['acme']);
    expect(find(matcher, 'Acme ---- Cloud')).toEqual(['acme']);
  });

  it('finds every phrase of a large list, one-letter, accented, non-Latin and plural ones included', () => {
    const many = new PhraseMatcher<string>();
    const phrases = Array.from({ length: 3000 }, (_, i) => `w${(Math.imul(i, 0x9e3779b1) >>> 0).toString(36)} x${i % 7}`);
    phrases.push('q', 'Été', 'Ωμέγα', '東京', 'Zephyr');
    phrases.forEach((phrase) => many.add(phrase, phrase, { plural: true }));
    const text = phrases.map((phrase) => (phrase === 'Zephyr' ? 'Zephyrs' : phrase)).join(', ');
    expect(find(many, text)).toEqual(phrases);
  });
});
