import type { estypes } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openElasticsearchIndex, type ElasticsearchMentionIndex } from '../../src/index/elasticsearch/elasticsearch-index.js';
import { templateBody } from '../../src/index/elasticsearch/es-schema.js';
import type { TermDimension } from '../../src/index/mention-index.js';
import { parseQuery } from '../../src/index/query/parse.js';
import { silentLogger } from '../../src/platform/logger.js';
import { corpus } from '../contract/fixtures.js';
import { searchFieldUses, type FieldUseOf } from './es-oracle/field-uses.js';
import { fieldsOf, fieldUseProblem } from './es-oracle/mapping.js';
import { FakeElasticsearch } from './fake-elasticsearch.js';

/** Queries naming every field and every text form the language has. */
const QUERIES = [
  'acme', '"acme cloud"', 'acqui*', "l'acqui*", 'title:acme', 'title:"acme cloud"', 'acquisition NEAR/3 nimbus', 'acme NEAR/2 clou*',
  'brand:acme', 'brand:acm*', 'person:"claire dubois"', 'topic:cloud', 'sentiment:negative', 'channel:blog', 'lang:en',
  'author:"sam lee"', 'author:sam*', 'source:tech-wire', 'source:"tech wire"', 'acme NOT (outage OR globex)', 'NOT brand:acme',
];
const DIMENSIONS: TermDimension[] = ['brand', 'person', 'topic', 'source', 'author', 'channel', 'language', 'sentiment'];

let fake: FakeElasticsearch;
let index: ElasticsearchMentionIndex;

beforeAll(async () => {
  fake = new FakeElasticsearch();
  index = await openElasticsearchIndex({ url: await fake.start(), indexPrefix: 'fields' }, silentLogger());
  await index.upsert(corpus());
  for (const text of QUERIES) {
    for (const sort of ['date', 'relevance'] as const) await index.search({ query: parseQuery(text), sort, limit: 5, from: new Date(0), to: new Date('2030-01-01') });
  }
  const scope = { query: parseQuery('acme'), from: new Date('2026-01-01'), to: new Date('2026-04-01') };
  await index.histogram({ ...scope, interval: 'week', timeZone: 'Europe/Paris' });
  await index.sentimentOverTime({ ...scope, interval: 'day' });
  for (const dimension of DIMENSIONS) await index.topTerms({ ...scope, dimension, size: 5 });
  await index.shareOfVoice({ ...scope, brands: ['acme'] });
  await index.topStories({ ...scope, size: 3 });
  const signed: string[] = [];
  for await (const record of index.signaturesSince(new Date(0))) signed.push(record.id);
  expect(signed.sort()).toEqual(corpus().filter((m) => m.signature !== null).map((m) => m.id).sort());
  await index.deleteOlderThan(new Date('2000-01-01'));
});

afterAll(async () => {
  await index.close();
  await fake.stop();
});

function recordedUses(): FieldUseOf[] {
  return fake.requests
    .filter((r) => /\/_(search|delete_by_query)$/.test(r.path.split('?')[0] ?? ''))
    .flatMap((r) => searchFieldUses(JSON.parse(r.body) as estypes.SearchRequest));
}

describe('the index template maps every field the compiled requests name', () => {
  it('each field a query, sort, aggregation or highlight names exists with a type for that use', () => {
    const installed = fake.templates.get('fields-mentions') as Omit<estypes.IndicesPutIndexTemplateRequest, 'name'>;
    const fields = fieldsOf(installed.template?.mappings ?? {});
    const uses = recordedUses();
    const problems = uses.flatMap(({ field, use }) => fieldUseProblem(fields, field, use) ?? []);
    expect(problems).toEqual([]);
    expect(fake.refusals).toEqual([]);
    // The requests above did name the fields the language and the aggregations reach.
    const named = new Set(uses.map((u) => `${u.use}:${u.field}`));
    for (const expected of [
      'match_phrase:title', 'match_phrase:text', 'span:text', 'prefix:text', 'term:brand_ids', 'term:brand_names', 'term:person_names',
      'term:topic_ids', 'term:sentiment_label', 'term:channel', 'term:language', 'term:author_key', 'prefix:author_key', 'term:source_ids',
      'term:source_keys', 'range:published_at', 'range:indexed_at', 'exists:signature', 'match:text.fr', 'match:title.en', 'sort:published_at',
      'sort:id', 'aggregate:published_at', 'aggregate:brand_ids', 'aggregate:author', 'aggregate:story_key', 'aggregate:source_ids', 'aggregate:amplifier', 'sort:amplifier', 'highlight:text',
    ]) {
      expect(named, expected).toContain(expected);
    }
  });

  it('the check finds a field the template lacks or maps for another use', () => {
    const fields = fieldsOf(templateBody('x').template?.mappings ?? {});
    expect(fieldUseProblem(fields, 'lang', 'term')).toMatch(/not in the index template/);
    expect(fieldUseProblem(fields, 'text', 'term')).toMatch(/needs an indexed keyword/);
    expect(fieldUseProblem(fields, 'brand_names', 'span')).toMatch(/needs an indexed text field/);
    expect(fieldUseProblem(fields, 'content_hash', 'term')).toMatch(/not indexed|indexed keyword/);
    expect(fieldUseProblem(fields, 'title', 'aggregate')).toMatch(/needs doc values/);
    expect(fieldUseProblem(fields, 'doc', 'exists')).toMatch(/needs an indexed or doc-valued field/);
  });
});
