import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { estypes } from '@elastic/elasticsearch';
import { OracleError } from './es-oracle/documents.js';
import { QueryOracle, strictMappingProblem, type TemplateLike } from './es-oracle/search.js';

/** A scripted fault, consumed by the next `_bulk` request (in order). */
export type BulkFault =
  /** The whole request answers this status (429, 503, 413...). */
  | { kind: 'status'; status: number }
  /** Per-item statuses by document id; other items succeed. */
  | { kind: 'items'; items: Record<string, { status: number; type: string; reason: string }> }
  /** The writes are applied, then the connection is cut halfway through the answer. */
  | { kind: 'reset' }
  /** The answer comes after this delay (the writes are applied). */
  | { kind: 'slow'; ms: number }
  /** Every item is refused with the flood-stage block. */
  | { kind: 'flood' };

export interface RecordedRequest {
  method: string;
  path: string;
  bytes: number;
  body: string;
}

type Doc = Record<string, unknown>;

/**
 * An Elasticsearch-speaking HTTP server on loopback for adapter tests: index templates, indices
 * and aliases, `_bulk` (create/index with real 201/200/409 item statuses), `_mget`, `_doc`,
 * `_refresh`, `_delete_by_query`, `_count`, `_reindex` with tasks, `_aliases`; and scripted faults.
 * Indices take their mappings and analysis from the matching index template; `_search`,
 * `_count` and `_delete_by_query` are answered by the query oracle (es-oracle/), which evaluates the
 * DSL subset the adapter emits over documents analysed as the template says, and refuses (400)
 * a request naming a field the template does not map for that use.
 */
export class FakeElasticsearch {
  readonly requests: RecordedRequest[] = [];
  readonly bulkFaults: BulkFault[] = [];
  /** Bodies larger than this get 413 (null: no limit). */
  maxBodyBytes: number | null = null;
  readonly templates = new Map<string, Doc>();
  readonly indices = new Map<string, Map<string, Doc>>();
  readonly aliases = new Map<string, Set<string>>();
  /** The template each index was created from (its mappings and analysis). */
  readonly indexTemplates = new Map<string, TemplateLike>();
  /** Requests the oracle refused (mapping problems, queries outside the subset), for assertions. */
  readonly refusals: string[] = [];
  private readonly tasks = new Map<string, Doc>();
  private server: Server | undefined;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Documents of an index or alias. */
  docs(target: string): Map<string, Doc> {
    const name = this.resolve(target)[0];
    return (name && this.indices.get(name)) || new Map();
  }

  bulkRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes('/_bulk'));
  }

  private resolve(target: string): string[] {
    if (this.indices.has(target)) return [target];
    return [...(this.aliases.get(target) ?? [])];
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  private templateFor(index: string): TemplateLike {
    const glob = (pattern: string): RegExp => new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\-]/g, '\\$&')).join('.*')}$`);
    const matching = [...this.templates.values()]
      .filter((t) => [(t as { index_patterns?: string | string[] }).index_patterns ?? []].flat().some((p) => glob(p).test(index)))
      .sort((a, b) => Number(b.priority ?? 0) - Number(a.priority ?? 0));
    return (matching[0] as TemplateLike | undefined) ?? {};
  }

  private oracle(index: string, docs: Map<string, Doc>): QueryOracle {
    return new QueryOracle(this.indexTemplates.get(index) ?? {}, docs);
  }

  private refuse(res: ServerResponse, error: unknown): void {
    const type = error instanceof OracleError ? error.type : 'oracle_error';
    this.refusals.push(`${type}: ${(error as Error).message}`);
    this.error(res, 400, type, (error as Error).message);
  }

  private error(res: ServerResponse, status: number, type: string, reason: string): void {
    this.send(res, status, { error: { type, reason, root_cause: [{ type, reason }] }, status });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname + url.search, bytes: Buffer.byteLength(raw), body: raw });
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const json = (): Doc => (raw ? (JSON.parse(raw) as Doc) : {});
    const [first, second, third] = parts;
    if (first === '_index_template' && second) {
      this.templates.set(second, json());
      return this.send(res, 200, { acknowledged: true });
    }
    if (first === '_alias' && second) {
      const names = this.aliases.get(second);
      if (!names || names.size === 0) return this.error(res, 404, 'aliases_not_found_exception', `alias [${second}] missing`);
      return this.send(res, 200, Object.fromEntries([...names].map((n) => [n, { aliases: { [second]: {} } }])));
    }
    if (first === '_aliases' && method === 'POST') {
      for (const action of (json().actions as Doc[]) ?? []) {
        const [verb, spec] = Object.entries(action)[0] as [string, { index: string; alias: string }];
        const set = this.aliases.get(spec.alias) ?? new Set<string>();
        if (verb === 'add') set.add(spec.index);
        if (verb === 'remove') set.delete(spec.index);
        this.aliases.set(spec.alias, set);
      }
      return this.send(res, 200, { acknowledged: true });
    }
    if (first === '_reindex' && method === 'POST') return this.reindex(res, json());
    if (first === '_tasks' && second) {
      const task = this.tasks.get(second);
      return task ? this.send(res, 200, task) : this.error(res, 404, 'resource_not_found_exception', 'no task');
    }
    if (!first) return this.send(res, 200, { version: { number: '8.19.0' }, tagline: 'You Know, for Search' });
    if (parts.length === 1 && method === 'PUT') {
      if (this.indices.has(first)) return this.error(res, 400, 'resource_already_exists_exception', `index [${first}] already exists`);
      this.indices.set(first, new Map());
      this.indexTemplates.set(first, this.templateFor(first));
      for (const alias of Object.keys((json().aliases as Doc | undefined) ?? {})) {
        this.aliases.set(alias, new Set([...(this.aliases.get(alias) ?? []), first]));
      }
      return this.send(res, 200, { acknowledged: true, index: first });
    }
    const targets = this.resolve(first);
    const indexName = targets[0] ?? '';
    const docs = targets[0] ? this.indices.get(targets[0]) : undefined;
    if (!docs) return this.error(res, 404, 'index_not_found_exception', `no such index [${first}]`);
    switch (second) {
      case '_mapping': {
        // Adding fields is accepted; a field already mapped differently is refused, as a cluster does.
        const added = (json().properties ?? {}) as Record<string, unknown>;
        for (const index of targets) {
          const template = this.indexTemplates.get(index) ?? {};
          const properties = (template.template?.mappings?.properties ?? {}) as Record<string, unknown>;
          const conflict = Object.keys(added).find((key) => key in properties && JSON.stringify(properties[key]) !== JSON.stringify(added[key]));
          if (conflict) return this.error(res, 400, 'illegal_argument_exception', `mapper [${conflict}] cannot be changed`);
          this.indexTemplates.set(index, { template: { ...template.template, mappings: { ...template.template?.mappings, properties: { ...properties, ...added } as Record<string, estypes.MappingProperty> } } });
        }
        return this.send(res, 200, { acknowledged: true });
      }
      case '_bulk':
        return this.bulk(res, docs, raw, this.indexTemplates.get(indexName) ?? {});
      case '_mget': {
        const ids = (json().ids as string[]) ?? [];
        return this.send(res, 200, { docs: ids.map((id) => (docs.has(id) ? { _id: id, found: true, _source: docs.get(id) } : { _id: id, found: false })) });
      }
      case '_doc': {
        const doc = third ? docs.get(third) : undefined;
        return doc ? this.send(res, 200, { _id: third, found: true, _source: doc }) : this.send(res, 404, { _id: third, found: false });
      }
      case '_refresh':
        return this.send(res, 200, { _shards: { total: 1, successful: 1, failed: 0 } });
      case '_count':
      case '_delete_by_query':
      case '_search':
        try {
          const oracle = this.oracle(indexName, docs);
          const body = json() as estypes.SearchRequest;
          if (second === '_search') return this.send(res, 200, oracle.search(body));
          const ids = oracle.matching(body.query);
          if (second === '_count') return this.send(res, 200, { count: ids.length });
          for (const id of ids) docs.delete(id);
          return this.send(res, 200, { deleted: ids.length });
        } catch (error) {
          return this.refuse(res, error);
        }
      default:
        return this.error(res, 400, 'illegal_argument_exception', `unsupported ${method} ${url.pathname}`);
    }
  }

  private async bulk(res: ServerResponse, docs: Map<string, Doc>, raw: string, template: TemplateLike): Promise<void> {
    if (this.maxBodyBytes !== null && Buffer.byteLength(raw) > this.maxBodyBytes) {
      return this.send(res, 413, { error: 'Request Entity Too Large' });
    }
    const fault = this.bulkFaults.shift();
    if (fault?.kind === 'status') return this.error(res, fault.status, fault.status === 429 ? 'es_rejected_execution_exception' : 'unavailable', 'scripted');
    const lines = raw.split('\n').filter(Boolean);
    const items: Doc[] = [];
    for (let i = 0; i + 1 < lines.length; i += 2) {
      const [action, meta] = Object.entries(JSON.parse(lines[i] as string) as Doc)[0] as ['create' | 'index', { _id: string }];
      const id = meta._id;
      const scripted = fault?.kind === 'items' ? fault.items[id] : undefined;
      const strict = strictMappingProblem(template, JSON.parse(lines[i + 1] as string) as Doc);
      if (fault?.kind === 'flood') {
        items.push({ [action]: { _id: id, status: 429, error: { type: 'cluster_block_exception', reason: 'index [x] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];' } } });
      } else if (strict) {
        items.push({ [action]: { _id: id, status: 400, error: { type: 'strict_dynamic_mapping_exception', reason: strict } } });
      } else if (scripted) {
        items.push({ [action]: { _id: id, status: scripted.status, error: { type: scripted.type, reason: scripted.reason } } });
      } else if (action === 'create' && docs.has(id)) {
        items.push({ create: { _id: id, status: 409, error: { type: 'version_conflict_engine_exception', reason: `[${id}]: version conflict, document already exists` } } });
      } else {
        const existed = docs.has(id);
        docs.set(id, JSON.parse(lines[i + 1] as string) as Doc);
        items.push({ [action]: { _id: id, status: existed ? 200 : 201, result: existed ? 'updated' : 'created' } });
      }
    }
    const body = JSON.stringify({ took: 1, errors: items.some((item) => (Object.values(item)[0] as { status: number }).status >= 300), items });
    if (fault?.kind === 'reset') {
      res.writeHead(200, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch', 'content-length': Buffer.byteLength(body) });
      res.write(body.slice(0, Math.floor(body.length / 2)));
      await new Promise((resolve) => setTimeout(resolve, 10));
      res.socket?.destroy();
      return;
    }
    if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    res.writeHead(200, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' });
    res.end(body);
  }

  private reindex(res: ServerResponse, body: Doc): void {
    const source = body.source as { index: string | string[]; query?: { range?: { indexed_at?: { gte?: string } } } };
    const dest = body.dest as { index: string; op_type?: string };
    const from = this.docs(Array.isArray(source.index) ? (source.index[0] ?? '') : source.index);
    const to = this.indices.get(dest.index);
    if (!to) return this.error(res, 404, 'index_not_found_exception', `no such index [${dest.index}]`);
    const since = source.query?.range?.indexed_at?.gte;
    let created = 0;
    let updated = 0;
    for (const [id, doc] of from) {
      if (since && String(doc.indexed_at) < since) continue;
      if (to.has(id) && dest.op_type === 'create') continue;
      if (to.has(id)) updated += 1;
      else created += 1;
      to.set(id, doc);
    }
    const id = `fake:${this.tasks.size + 1}`;
    this.tasks.set(id, { completed: true, task: { status: { total: created + updated, created, updated } }, response: { total: created + updated, created, updated, failures: [] } });
    this.send(res, 200, { task: id });
  }
}
