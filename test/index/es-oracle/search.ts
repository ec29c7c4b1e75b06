import type { estypes } from '@elastic/elasticsearch';
import { Analysis } from './analysis.js';
import { aggregate } from './aggregate.js';
import { OracleError, OracleIndex, type Source } from './documents.js';
import { Evaluator } from './evaluate.js';
import { queryFieldUses, searchFieldUses, type FieldUseOf } from './field-uses.js';
import { highlight } from './highlight.js';
import { fieldsOf, fieldUseProblem } from './mapping.js';
import { compareBySort, hitSource, sortValues } from './sort.js';

/** The part of an index template the oracle reads. */
export interface TemplateLike {
  template?: { settings?: { analysis?: estypes.IndicesIndexSettingsAnalysis }; mappings?: estypes.MappingTypeMapping };
}

/**
 * A test-only evaluator of the query DSL subset the adapter's compiler emits, over documents
 * analysed as the index template says. Every field a request names is checked against the
 * template's mappings first: an unmapped field or an unsuitable use is refused (HTTP 400).
 */
export class QueryOracle {
  readonly index: OracleIndex;

  constructor(template: TemplateLike, docs: Map<string, Source>) {
    const mappings = template.template?.mappings ?? {};
    this.index = new OracleIndex(new Analysis(template.template?.settings?.analysis), fieldsOf(mappings), docs);
  }

  /** Refuses a request naming a field the template lacks, or using one the wrong way. */
  check(uses: FieldUseOf[]): void {
    const problems = uses.flatMap(({ field, use }) => fieldUseProblem(this.index.fields, field, use) ?? []);
    if (problems.length > 0) throw new OracleError('oracle_mapping_exception', problems.join('; '));
  }

  /** Ids of the documents a query matches (`_delete_by_query`, `_count`). */
  matching(query: estypes.QueryDslQueryContainer | undefined): string[] {
    this.check(queryFieldUses(query));
    const evaluator = new Evaluator(this.index);
    return this.index.all().flatMap((doc) => (evaluator.score(query ?? { match_all: {} }, doc) === null ? [] : [doc.id]));
  }

  /** Answers a `_search` as Elasticsearch does, for the options the adapter uses. */
  search(request: estypes.SearchRequest): estypes.SearchResponse<Source> {
    this.check(searchFieldUses(request));
    if (request.search_after && request.from) throw new OracleError('illegal_argument_exception', '[from] parameter must be set to 0 when [search_after] is used');
    const query = request.query ?? { match_all: {} };
    // A new evaluator per request: document frequencies change with every write.
    const evaluator = new Evaluator(this.index);
    const matched = this.index.all().flatMap((doc) => {
      const score = evaluator.score(query, doc);
      return score === null ? [] : [{ doc, score, sort: sortValues(doc, request.sort, score) }];
    });
    const sort = request.sort ?? [{ _score: { order: 'desc' } }];
    matched.sort((a, b) => compareBySort(a.sort, b.sort, sort) || (a.doc.id < b.doc.id ? -1 : 1));
    let rows = matched;
    if (request.search_after) {
      const after = request.search_after as (string | number)[];
      rows = rows.filter((row) => compareBySort(row.sort, after, sort) > 0);
    }
    const from = request.from ?? 0;
    const page = rows.slice(from, from + (request.size ?? 10));
    const track = request.track_total_hits ?? 10_000;
    const total =
      track === false
        ? undefined
        : track === true || matched.length <= track
          ? { value: matched.length, relation: 'eq' as const }
          : { value: track, relation: 'gte' as const };
    const scored = request.sort === undefined || JSON.stringify(request.sort).includes('_score');
    return {
      took: 1,
      timed_out: false,
      _shards: { total: 1, successful: 1, failed: 0 },
      hits: {
        ...(total ? { total } : {}),
        hits: page.map(({ doc, score, sort: values }) => {
          const marks = highlight(this.index, doc, request);
          return {
            _index: 'oracle',
            _id: doc.id,
            _score: scored ? score : null,
            _source: hitSource(doc, request._source),
            ...(request.sort ? { sort: values } : {}),
            ...(marks && Object.keys(marks).length > 0 ? { highlight: marks } : {}),
          };
        }),
      },
      ...(request.aggs ? { aggregations: aggregate(this.index, request.aggs, matched.map((m) => m.doc)) as Record<string, estypes.AggregationsAggregate> } : {}),
    };
  }
}

/** Why a document does not fit a `dynamic: strict` mapping (a field the mapping lacks), or null. */
export function strictMappingProblem(template: TemplateLike, doc: Source): string | null {
  const mappings = template.template?.mappings;
  if (mappings?.dynamic !== 'strict') return null;
  const unknown = Object.keys(doc).filter((key) => !(key in (mappings.properties ?? {})));
  return unknown.length === 0 ? null : `mapping set to strict, dynamic introduction of [${unknown[0]}] within [_doc] is not allowed`;
}
