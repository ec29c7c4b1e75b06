import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../core/errors.js';
import { parseQuery } from './parse.js';

function error(text: string): string {
  try {
    parseQuery(text);
  } catch (caught) {
    expect(caught).toBeInstanceOf(UserInputError);
    return (caught as Error).message;
  }
  throw new Error(`no error for ${text}`);
}

describe('parseQuery', () => {
  it('returns null for an empty query', () => {
    expect(parseQuery('')).toBeNull();
    expect(parseQuery('   ')).toBeNull();
  });

  it('folds case and accents and joins terms with an implicit AND', () => {
    expect(parseQuery('Société Générale')).toEqual({
      kind: 'and',
      children: [
        { kind: 'term', value: 'societe', position: 0 },
        { kind: 'term', value: 'generale', position: 8 },
      ],
    });
  });

  it('binds NOT tighter than AND, and AND tighter than OR', () => {
    expect(parseQuery('a OR b c NOT d')).toEqual({
      kind: 'or',
      children: [
        { kind: 'term', value: 'a', position: 0 },
        {
          kind: 'and',
          children: [
            { kind: 'term', value: 'b', position: 5 },
            { kind: 'term', value: 'c', position: 7 },
            { kind: 'not', child: { kind: 'term', value: 'd', position: 13 } },
          ],
        },
      ],
    });
  });

  it('reads phrases, fields, field groups, wildcards and NEAR', () => {
    expect(parseQuery('"Acme  Cloud" brand:(acme OR globex) acqui* sentiment:Negative')).toEqual({
      kind: 'and',
      children: [
        { kind: 'phrase', value: 'acme cloud', position: 0 },
        {
          kind: 'or',
          children: [
            { kind: 'term', value: 'acme', field: 'brand', position: 21 },
            { kind: 'term', value: 'globex', field: 'brand', position: 29 },
          ],
        },
        { kind: 'term', value: 'acqui', prefix: true, position: 37 },
        { kind: 'term', value: 'negative', field: 'sentiment', position: 54 },
      ],
    });
    expect(parseQuery('layoffs NEAR/5 "Acme Cloud"')).toEqual({
      kind: 'near',
      distance: 5,
      left: { kind: 'term', value: 'layoffs', position: 0 },
      right: { kind: 'phrase', value: 'acme cloud', position: 15 },
    });
    expect(parseQuery('title:"rachat" person:"Claire Dubois"')).toMatchObject({
      kind: 'and',
      children: [{ field: 'title', value: 'rachat' }, { field: 'person', value: 'claire dubois' }],
    });
  });

  it('treats lower-case and/or/not as ordinary words', () => {
    expect(parseQuery('rock and roll')).toMatchObject({ kind: 'and', children: [{ value: 'rock' }, { value: 'and' }, { value: 'roll' }] });
  });

  it('reports syntax errors with their column', () => {
    expect(error('(acme OR globex))')).toBe("unexpected ')' at 17");
    expect(error('acme AND')).toBe('query ends too early at 9: a term is missing');
    expect(error('(acme')).toBe("missing ')' for the '(' at 1");
    expect(error('"acme')).toBe('unclosed quote at 1');
    expect(error('OR acme')).toBe('unexpected OR at 1');
    expect(error('colour:red')).toMatch(/^unknown field 'colour:' at 1/);
    expect(error('brand: acme')).toMatch(/needs a value right after the colon/);
    expect(error('sentiment:angry')).toMatch(/use one of negative, neutral, positive, unscored/);
    expect(error('channel:tv')).toMatch(/channel:tv at 9/);
    expect(error('ac*')).toMatch(/at least 3 letters before/);
    expect(error('a*cme')).toMatch(/'\*' goes only at the end/);
    expect(error('acme ()')).toBe('empty parentheses at 6');
    expect(error('... ,')).toMatch(/nothing to search for in '...' at 1/);
    expect(error('(a OR b) NEAR/3 c')).toMatch(/joins two plain terms/);
    expect(error('a NEAR/3 b NEAR/3 c')).toMatch(/chain NEAR with AND/);
    expect(error('a NEAR/1000 b')).toMatch(/at most 100/);
    expect(error('brand:(acme OR person:claire)')).toMatch(/inside 'brand:/);
  });

  it('refuses queries that are too expensive', () => {
    const many = Array.from({ length: 65 }, (_, i) => `w${i}`).join(' OR ');
    expect(error(many)).toMatch(/query too expensive: 65 terms/);
    const wild = Array.from({ length: 9 }, (_, i) => `word${i}*`).join(' OR ');
    expect(error(wild)).toMatch(/9 wildcards/);
    expect(error('x'.repeat(5000))).toMatch(/query too long/);
  });
});
