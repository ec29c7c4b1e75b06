import { describe, expect, it } from 'vitest';
import { PLAIN_SNIPPET_CHARS, plainSnippet } from './plain-snippet.js';

/** The definition: the whole text flattened and trimmed, then cut after a whole word. */
function reference(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= PLAIN_SNIPPET_CHARS ? flat : `${flat.slice(0, PLAIN_SNIPPET_CHARS).replace(/\s\S*$/, '')}…`;
}

describe('plainSnippet', () => {
  it('is the flattened beginning, cut after a whole word', () => {
    expect(plainSnippet('  Acme\n\n recalls   its widgets.  ')).toBe('Acme recalls its widgets.');
    expect(plainSnippet(`${'word '.repeat(60)}`)).toBe(`${'word '.repeat(39)}word…`);
    expect(plainSnippet('x'.repeat(300))).toBe(`${'x'.repeat(200)}…`);
    expect(plainSnippet('')).toBe('');
  });

  it('gives the same string as the definition on 30,000 random texts', () => {
    let state = 3;
    const random = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = ['a', 'é', 'word', ' ', '  ', '\n', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', '.', '🔥', 'xxxxxxxxxxxx'];
    for (let n = 0; n < 30_000; n += 1) {
      const length = Math.floor(random() * 120);
      const text = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(plainSnippet(text)).toBe(reference(text));
    }
  });
});
