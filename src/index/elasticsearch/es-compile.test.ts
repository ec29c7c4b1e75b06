import { describe, expect, it } from 'vitest';
import { parseQuery } from '../query/parse.js';
import { compileEsQuery, scopeQuery } from './es-compile.js';

/** A term or phrase on title (weighted 4) or text. */
function phrase(query: string): unknown {
  return { bool: { should: [{ match_phrase: { title: { query, boost: 4 } } }, { match_phrase: { text: { query } } }], minimum_should_match: 1 } };
}

function compile(text: string): unknown {
  const node = parseQuery(text);
  if (!node) throw new Error('empty');
  return compileEsQuery(node);
}

describe('compileEsQuery', () => {
  it('compiles terms and phrases to phrase matches over title and text', () => {
    expect(compile('Société')).toEqual(phrase('societe'));
    expect(compile('title:"Acme Cloud"')).toEqual({ match_phrase: { title: { query: 'acme cloud' } } });
  });

  it('compiles booleans to bool queries with must, should and must_not', () => {
    expect(compile('acme NOT outage OR globex')).toEqual({
      bool: {
        should: [
          {
            bool: {
              must: [phrase('acme')],
              must_not: [phrase('outage')],
            },
          },
          phrase('globex'),
        ],
        minimum_should_match: 1,
      },
    });
  });

  it('compiles fields to keyword terms, entity fields matching id or folded name', () => {
    expect(compile('brand:"Acme Cloud"')).toEqual({
      bool: { should: [{ term: { brand_ids: { value: 'acme cloud' } } }, { term: { brand_names: { value: 'acme cloud' } } }], minimum_should_match: 1 },
    });
    expect(compile('sentiment:negative')).toEqual({ term: { sentiment_label: { value: 'negative' } } });
    expect(compile('author:jean*')).toEqual({ prefix: { author_key: { value: 'jean' } } });
  });

  it('compiles NEAR to unordered span_near and wildcards to prefix queries', () => {
    expect(compile('acquisition NEAR/2 "jeune pousse"')).toEqual({
      bool: {
        should: ['title', 'text'].map((field) => ({
          span_near: {
            clauses: [
              { span_term: { [field]: { value: 'acquisition' } } },
              { span_near: { clauses: [{ span_term: { [field]: { value: 'jeune' } } }, { span_term: { [field]: { value: 'pousse' } } }], slop: 0, in_order: true } },
            ],
            slop: 2,
            in_order: false,
          },
        })),
        minimum_should_match: 1,
      },
    });
    expect(compile('acqui*')).toEqual({
      bool: { should: [{ prefix: { title: { value: 'acqui', boost: 4 } } }, { prefix: { text: { value: 'acqui' } } }], minimum_should_match: 1 },
    });
  });

  it('never emits query_string, whatever the user writes', () => {
    for (const text of ['"a AND b"', 'x:y OR title:"(*)"', 'NOT "query_string"', 'a NEAR/3 b*', 'source:"le monde" lang:fr']) {
      let node;
      try {
        node = parseQuery(text);
      } catch {
        continue;
      }
      const keys: string[] = [];
      JSON.stringify(scopeQuery(node, new Date(0), new Date(1)), (key: string, value: unknown) => {
        keys.push(key);
        return value;
      });
      expect(keys.filter((key) => /query_string/.test(key))).toEqual([]);
    }
  });
});
