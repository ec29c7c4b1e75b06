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
    expect(error('(a AND b) NEAR/3 c')).toBe('NEAR/3 at 11 joins terms, "phrases" or (groups OR of those), not fields, AND or NOT');
    expect(error('brand:acme NEAR/3 c')).toMatch(/^NEAR\/3 at 12 joins terms/);
    expect(error('a NEAR/3 b NEAR/3 c')).toMatch(/chain NEAR with AND/);
    expect(error('a NEAR/1000 b')).toMatch(/at most 100/);
    expect(error('brand:(acme OR person:claire)')).toMatch(/inside 'brand:/);
  });

  it('reads -word as exclusion and +word as requirement; a hyphen inside a word stays a word', () => {
    expect(parseQuery('acme -career')).toEqual({
      kind: 'and',
      children: [
        { kind: 'term', value: 'acme', position: 0 },
        { kind: 'not', child: { kind: 'term', value: 'career', position: 6 } },
      ],
    });
    expect(parseQuery('+acme -"cloud outage" -(strike OR grève)')).toMatchObject({
      kind: 'and',
      children: [{ value: 'acme' }, { kind: 'not', child: { value: 'cloud outage' } }, { kind: 'not', child: { kind: 'or' } }],
    });
    expect(parseQuery('e-commerce')).toEqual({ kind: 'term', value: 'e-commerce', position: 0 });
    expect(parseQuery('-brand:acme')).toEqual({ kind: 'not', child: { kind: 'term', value: 'acme', field: 'brand', position: 7 } });
  });

  it('reads NEAR between groups, site:/domain:, #tag and @handle', () => {
    expect(parseQuery('(acme OR globex) NEAR/5 (strike OR grève)')).toMatchObject({
      kind: 'near',
      distance: 5,
      left: { kind: 'or', children: [{ value: 'acme' }, { value: 'globex' }] },
      right: { kind: 'or', children: [{ value: 'strike' }, { value: 'greve' }] },
    });
    expect(parseQuery('domain:https://www.LeMonde.fr/economie')).toEqual({ kind: 'term', value: 'www.lemonde.fr', field: 'site', position: 7 });
    expect(parseQuery('#Grève @Acme_Cloud')).toEqual({
      kind: 'and',
      children: [
        { kind: 'term', value: 'greve', field: 'hashtag', position: 1 },
        { kind: 'term', value: 'acme_cloud', field: 'handle', position: 8 },
      ],
    });
  });

  it('refuses the operators of other tools it does not implement, saying what to write, with positions', () => {
    expect(error('"acme rail"~3')).toBe('proximity "acme rail"~3 at 1 is written with NEAR here: acme NEAR/3 rail (NEAR/n: at most n words between, either order)');
    expect(error('x "a b c"~2')).toMatch(/at 3 is written with NEAR here: \(a NEAR\/2 b\) AND \(b NEAR\/2 c\)/);
    expect(error('acme {Acme}')).toMatch(/^case-sensitive match \{Acme\} at 6 is not supported/);
    expect(error('roam~')).toMatch(/^fuzzy match 'roam~' at 5/);
    expect(error('wom?n')).toMatch(/^single-letter wildcard '\?' at 4/);
    expect(error('a ONEAR/3 b')).toMatch(/^ONEAR\/3 at 3: ordered NEAR is not supported/);
    expect(error('a NEAR/3f b')).toMatch(/^NEAR\/3f at 3: ordered NEAR/);
    expect(error('a near/3 b')).toMatch(/^'near\/3' at 3: operators are upper case, write NEAR\/3/);
    expect(error('intitle:acme')).toBe("field 'intitle:' at 1 is not a hubwatch field: write title:word");
    expect(error('acme after:2026-01-01')).toMatch(/^field 'after:' at 6 .*search window/);
    expect(error('site:lemon*')).toMatch(/^site:lemon\* at 6: write a whole domain/);
    expect(error('site:"le monde"')).toMatch(/^site:le monde at 6: write a domain/);
    expect(error('#a-b')).toMatch(/^#a-b at 2: a hashtag is letters, digits and '_'/);
    expect(error('(a OR b OR c OR d OR e OR f OR g OR h OR i) NEAR/2 (j OR k OR l OR m OR n OR o OR p OR q)')).toMatch(/72 pairs of terms \(at most 64\)/);
  });

  it('refuses queries that are too expensive', () => {
    const many = Array.from({ length: 65 }, (_, i) => `w${i}`).join(' OR ');
    expect(error(many)).toMatch(/query too expensive: 65 terms/);
    const wild = Array.from({ length: 9 }, (_, i) => `word${i}*`).join(' OR ');
    expect(error(wild)).toMatch(/9 wildcards/);
    expect(error('x'.repeat(5000))).toMatch(/query too long/);
  });
});

describe('parseQuery error positions', () => {
  it('carry the 0-based offset of the mistake for entry points that point at it', () => {
    const positionOf = (text: string): number | undefined => {
      try {
        parseQuery(text);
      } catch (caught) {
        return (caught as UserInputError).position;
      }
      throw new Error(`no error for ${text}`);
    };
    expect(positionOf('acme)')).toBe(4);
    expect(positionOf('acme AND')).toBe(8);
    expect(positionOf('a "b')).toBe(2);
    expect(positionOf('acme intitle:x')).toBe(5);
    expect(positionOf('acme NEAR/5 brand:x')).toBe(5);
    expect(positionOf('acqu*s')).toBe(4);
    expect(positionOf('acme "x y"~3')).toBe(5);
  });
});
