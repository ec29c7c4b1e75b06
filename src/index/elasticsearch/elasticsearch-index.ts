import type { estypes } from '@elastic/elasticsearch';
import type { Mention } from '../../core/mention.js';
import type { Logger } from '../../platform/logger.js';
import { mergeDelivery } from '../../core/mention-sources.js';
import { contentHash } from '../content-hash.js';
import { mentionProblem } from '../mention-check.js';
import type {
  AggregationScope,
  HistogramBucket,
  HistogramRequest,
  MentionIndex,
  SearchPage,
  SearchRequest,
  SentimentBucket,
  SignatureRecord,
  StoryBucket,
  StoryMembers,
  TermBucket,
  TermDimension,
  UpsertOutcome,
} from '../mention-index.js';
import { histogramEs, sentimentOverTimeEs, shareOfVoiceEs, topStoriesEs, topTermsEs } from './es-aggregate.js';
import { bulkLines, BulkWriter, type BulkOp, type BulkReply, type BulkWriterOptions } from './es-bulk.js';
import { answerError, errorType, EsHttp, isFailure, type EsConnection } from './es-client.js';
import { fromEsSource, MENTION_SOURCE_FIELDS, toEsDocument, type EsDocument } from './es-document.js';
import { scopeQuery } from './es-compile.js';
import { ensureIndex } from './es-setup.js';
import { aliasName } from './es-schema.js';
import { runSearch, searchEs } from './es-search.js';
import { storyEs } from './es-story.js';

/** Options of the Elasticsearch index. */
export interface EsIndexOptions extends EsConnection {
  /** Names start with it: alias `<prefix>-mentions`, indices `<prefix>-mentions-v<N>`. */
  indexPrefix?: string;
  /** Bulk bounds and retry policy. */
  bulk?: Omit<BulkWriterOptions, 'logger'>;
  /** Make writes visible to search before `upsert` returns (default true). */
  refresh?: boolean;
}

/** The Elasticsearch adapter of `MentionIndex`. */
export class ElasticsearchMentionIndex implements MentionIndex {
  private readonly writer: BulkWriter;
  readonly alias: string;
  readonly prefix: string;

  constructor(
    readonly http: EsHttp,
    private readonly options: EsIndexOptions & { indexPrefix: string },
    private readonly logger: Logger,
  ) {
    this.prefix = options.indexPrefix;
    this.alias = aliasName(options.indexPrefix);
    this.writer = new BulkWriter((ops) => this.sendBulk(ops), { ...options.bulk, logger });
  }

  private async sendBulk(ops: readonly BulkOp[]): Promise<BulkReply> {
    // The typed `client.bulk` (not `helpers.bulk`): the writer needs every item's status and the
    // whole request's, which the helper hides (docs/elasticsearch.md, "Writes").
    const operations: NonNullable<estypes.BulkRequest<object>['operations']> = ops.flatMap(bulkLines);
    try {
      const answer = await this.http.call(`POST /${this.alias}/_bulk`, (client, options) =>
        client.bulk({ index: this.alias, operations, ...(this.options.refresh === false ? {} : { refresh: 'wait_for' as const }) }, options),
      );
      if (isFailure(answer)) return { kind: 'response', status: answer.status, ...(errorType(answer) ? { errorType: errorType(answer) } : {}) };
      const items = answer.body.items.map((item) => {
        const result = Object.values(item)[0];
        return result ? { status: result.status, ...(result.error ? { error: { type: result.error.type, reason: result.error.reason ?? undefined } } : {}) } : { status: 0 };
      });
      return { kind: 'response', status: answer.status, items };
    } catch (error) {
      return { kind: 'unknown', message: (error as Error).message };
    }
  }

  async upsert(mentions: readonly Mention[]): Promise<UpsertOutcome[]> {
    const outcomes = new Map<number, UpsertOutcome>();
    const valid: { at: number; mention: Mention }[] = [];
    mentions.forEach((mention, at) => {
      const problem = mentionProblem(mention);
      if (problem) outcomes.set(at, { id: String((mention as { id?: unknown } | null)?.id ?? ''), outcome: 'failed', reason: problem, retryable: false });
      else valid.push({ at, mention });
    });
    // What is stored under each id: its content hash, and the mention, to merge a new delivery into.
    const stored = new Map<string, { hash: string | null; mention: Mention }>();
    for (let i = 0; i < valid.length; i += 1000) {
      const ids = [...new Set(valid.slice(i, i + 1000).map((v) => v.mention.id))];
      const answer = await this.http.ok(`POST /${this.alias}/_mget`, (client, options) =>
        client.mget<Pick<EsDocument, 'content_hash' | 'title' | 'text' | 'doc'>>({ index: this.alias, ids, _source: ['content_hash', ...MENTION_SOURCE_FIELDS] }, options),
      );
      for (const doc of answer.docs) {
        if ('found' in doc && doc.found && doc._source) stored.set(doc._id, { hash: doc._source.content_hash ?? null, mention: fromEsSource(doc._source) });
      }
    }
    const now = new Date();
    const ops = new Map<string, { op: BulkOp; mention: Mention; hash: string }>();
    // The first write of an id new to the cluster creates it; a second in the same batch updates.
    const creates = new Set<number>();
    for (const { at, mention: delivered } of valid) {
      const pending = ops.get(delivered.id);
      const before = pending ?? stored.get(delivered.id);
      // Every source that delivered the mention is kept; the first stays its primary (mention-sources.ts).
      const mention = mergeDelivery(before?.mention ?? null, delivered);
      const hash = contentHash(mention);
      if (before && before.hash === hash) {
        outcomes.set(at, { id: mention.id, outcome: 'unchanged' });
        continue;
      }
      // New to the cluster: `create`, so that a replay after an unknown outcome cannot clobber.
      const action = pending?.op.action ?? (before ? 'index' : 'create');
      if (!before) creates.add(at);
      ops.set(mention.id, { op: { action, id: mention.id, doc: toEsDocument(mention, hash, now) }, mention, hash });
    }
    if (ops.size > 0) {
      const written = await this.writer.write([...ops.values()].map((entry) => entry.op));
      for (const { at, mention } of valid) {
        if (outcomes.has(at)) continue;
        const result = written.get(mention.id);
        if (!result) outcomes.set(at, { id: mention.id, outcome: 'failed', reason: 'no answer from the cluster', retryable: true });
        else if (result.ok) outcomes.set(at, { id: mention.id, outcome: 'indexed', created: creates.has(at) });
        else outcomes.set(at, { id: mention.id, outcome: 'failed', reason: result.reason, retryable: result.retryable });
      }
    }
    return mentions.map((_, at) => outcomes.get(at) as UpsertOutcome);
  }

  async get(id: string): Promise<Mention | null> {
    const what = `GET /${this.alias}/_doc/${id}`;
    const answer = await this.http.call(what, (client, options) =>
      client.get<Pick<EsDocument, 'title' | 'text' | 'doc'>>({ index: this.alias, id, _source: MENTION_SOURCE_FIELDS }, options),
    );
    if (answer.status === 404) return null;
    if (isFailure(answer)) throw answerError(what, answer);
    return answer.body.found && answer.body._source ? fromEsSource(answer.body._source) : null;
  }

  search(request: SearchRequest): Promise<SearchPage> {
    return searchEs(this.http, this.alias, request, new Date());
  }

  histogram(request: HistogramRequest): Promise<HistogramBucket[]> {
    return histogramEs(this.http, this.alias, request);
  }

  topTerms(request: AggregationScope & { dimension: TermDimension; size: number }): Promise<TermBucket[]> {
    return topTermsEs(this.http, this.alias, request);
  }

  shareOfVoice(request: AggregationScope & { brands?: string[] }): Promise<TermBucket[]> {
    return shareOfVoiceEs(this.http, this.alias, request);
  }

  sentimentOverTime(request: HistogramRequest): Promise<SentimentBucket[]> {
    return sentimentOverTimeEs(this.http, this.alias, request);
  }

  topStories(request: AggregationScope & { size: number }): Promise<StoryBucket[]> {
    return topStoriesEs(this.http, this.alias, request);
  }

  story(storyId: string, limit: number): Promise<StoryMembers> {
    return storyEs(this.http, this.alias, storyId, limit);
  }

  async *scan(request: AggregationScope & { batchSize?: number }): AsyncIterable<Mention[]> {
    const size = Math.max(1, Math.min(10_000, Math.floor(request.batchSize ?? 1000)));
    let after: unknown[] | undefined;
    for (;;) {
      const answer = await runSearch(this.http, this.alias, {
        size,
        track_total_hits: false,
        _source: MENTION_SOURCE_FIELDS,
        query: scopeQuery(request.query, request.from, request.to),
        sort: [{ published_at: 'asc' }, { id: 'asc' }],
        ...(after ? { search_after: after } : {}),
      });
      const hits = answer.hits.hits as unknown as { _source: Pick<EsDocument, 'title' | 'text' | 'doc'>; sort: unknown[] }[];
      if (hits.length > 0) yield hits.map((hit) => fromEsSource(hit._source));
      const last = hits[hits.length - 1];
      if (!last || hits.length < size) return;
      after = last.sort;
    }
  }

  async *signaturesSince(since: Date): AsyncIterable<SignatureRecord> {
    let after: estypes.SortResults | undefined;
    for (;;) {
      const answer = await runSearch<Pick<EsDocument, 'id' | 'story_id' | 'signature' | 'published_at' | 'shared_url'>>(this.http, this.alias, {
        size: 1000,
        track_total_hits: false,
        _source: ['id', 'story_id', 'signature', 'published_at', 'shared_url'],
        query: { bool: { filter: [{ range: { published_at: { gte: since.toISOString() } } }, { exists: { field: 'signature' } }] } },
        sort: [{ published_at: 'asc' }, { id: 'asc' }],
        ...(after ? { search_after: after } : {}),
      });
      const hits = answer.hits.hits;
      for (const hit of hits) {
        if (hit._source?.signature) {
          const { id, story_id: storyId, signature, published_at: publishedAt, shared_url: sharedUrl } = hit._source;
          yield { id, storyId, signature, publishedAt: new Date(publishedAt).toISOString(), ...(sharedUrl ? { sharedUrl } : {}) };
        }
      }
      const last = hits[hits.length - 1];
      if (!last || hits.length < 1000) return;
      after = last.sort;
    }
  }

  /** Nothing to do: Elasticsearch merges its segments in the background. */
  compact(): Promise<number> {
    return Promise.resolve(0);
  }

  async deleteOlderThan(before: Date): Promise<number> {
    const answer = await this.http.ok(`POST /${this.alias}/_delete_by_query`, (client, options) =>
      client.deleteByQuery({ index: this.alias, query: { range: { published_at: { lt: before.toISOString() } } }, refresh: true, conflicts: 'proceed' }, options),
    );
    const deleted = answer.deleted ?? 0;
    if (deleted > 0) this.logger.info({ deleted, before: before.toISOString() }, 'old mentions deleted');
    return deleted;
  }

  async close(): Promise<void> {
    await this.http.close();
  }
}

/** Connects, installs the index template and creates the first versioned index when needed. */
export async function openElasticsearchIndex(options: EsIndexOptions, logger: Logger): Promise<ElasticsearchMentionIndex> {
  const prefix = options.indexPrefix ?? 'hubwatch';
  const http = new EsHttp(options);
  try {
    await ensureIndex(http, prefix, logger);
  } catch (error) {
    await http.close();
    throw error;
  }
  return new ElasticsearchMentionIndex(http, { ...options, indexPrefix: prefix }, logger);
}
