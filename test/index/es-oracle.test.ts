import { describe, expect, it } from 'vitest';
import { templateBody } from '../../src/index/elasticsearch/es-schema.js';
import { Analysis } from './es-oracle/analysis.js';
import { QueryOracle } from './es-oracle/search.js';

const template = templateBody('t');
const analysis = new Analysis(template.template?.settings?.analysis);
const terms = (analyzer: string, text: string): string[] => analysis.analyze(analyzer, text).map((t) => t.term);

function oracle(texts: Record<string, string>): QueryOracle {
  return new QueryOracle(template, new Map(Object.entries(texts).map(([id, text]) => [id, { id, title: '', text, published_at: '2026-01-01T00:00:00Z' }])));
}

describe('query oracle: analysis as the template says', () => {
  it('folds like SQLite unicode61 on the matching field, elides and stems on the sub-fields', () => {
    expect(terms('hubwatch_folded', "L'Œuvre de Société-Générale, 3,5%")).toEqual(['l', 'oeuvre', 'de', 'societe', 'generale', '3', '5']);
    expect(terms('hubwatch_french', "L'acquisition d'Acme et qu'elles")).toEqual(['acquisition', 'acme', 'et', 'elle']);
    expect(terms('hubwatch_english', "Acme's customers")).toEqual(['acm', 'custom']);
    expect(analysis.normalize('hubwatch_key', 'Élodie Martin')).toBe('elodie martin');
  });
});

describe('query oracle: the DSL subset', () => {
  const docs = oracle({ a: 'acquisition de la jeune pousse Nimbus', b: "l'acquisition de Nimbus", c: 'Nimbus sans rachat' });
  const span = (slop: number, inOrder: boolean) => ({
    span_near: { clauses: [{ span_term: { text: { value: 'acquisition' } } }, { span_term: { text: { value: 'nimbus' } } }], slop, in_order: inOrder },
  });

  it('counts span_near slop as the words between, in order or not', () => {
    expect(docs.matching(span(0, true))).toEqual([]);
    expect(docs.matching(span(1, true))).toEqual(['b']);
    expect(docs.matching(span(4, true))).toEqual(['a', 'b']);
    const reversed = { span_near: { ...span(4, true).span_near, clauses: [...span(4, true).span_near.clauses].reverse() } };
    expect(docs.matching(reversed)).toEqual([]);
    expect(docs.matching({ ...reversed, span_near: { ...reversed.span_near, in_order: false } })).toEqual(['a', 'b']);
  });

  it('evaluates bool with must, should, must_not, filter and minimum_should_match', () => {
    const phrase = (query: string) => ({ match_phrase: { text: { query } } });
    expect(docs.matching({ bool: { must: [phrase('nimbus')], must_not: [phrase('rachat')] } })).toEqual(['a', 'b']);
    expect(docs.matching({ bool: { should: [phrase('jeune pousse'), phrase('sans rachat')], minimum_should_match: 1 } })).toEqual(['a', 'c']);
    expect(docs.matching({ bool: { should: [phrase('nimbus'), phrase('rachat')], minimum_should_match: 2 } })).toEqual(['c']);
    expect(docs.matching({ bool: { filter: [phrase('nimbus')], should: [phrase('rachat')] } })).toEqual(['a', 'b', 'c']);
    expect(docs.matching(phrase('pousse jeune'))).toEqual([]);
    expect(docs.matching({ span_multi: { match: { prefix: { text: { value: 'acqui' } } } } })).toEqual(['a', 'b']);
  });

  it('refuses a field the template lacks, or a use its type does not support', () => {
    expect(() => docs.matching({ term: { nope: { value: 'x' } } })).toThrow(/field \[nope\] is not in the index template/);
    expect(() => docs.matching({ term: { title: { value: 'x' } } })).toThrow(/term on \[title\] needs an indexed keyword/);
    expect(() => docs.matching({ span_term: { brand_ids: { value: 'x' } } })).toThrow(/span on \[brand_ids\] needs an indexed text field/);
    expect(() => docs.matching({ term: { signature: { value: 'x' } } })).toThrow(/term on \[signature\].*indexed/);
    expect(() => docs.matching({ query_string: { query: 'x' } })).toThrow(/outside the subset/);
    expect(() => docs.search({ sort: [{ text: 'asc' }] })).toThrow(/sort on \[text\] needs doc values/);
  });
});
