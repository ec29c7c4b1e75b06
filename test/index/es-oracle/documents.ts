import type { Analysis, Token } from './analysis.js';
import type { FieldMapping } from './mapping.js';

export type Source = Record<string, unknown>;

/** A request the oracle refuses, answered as Elasticsearch answers a bad request (HTTP 400). */
export class OracleError extends Error {
  constructor(
    readonly type: string,
    reason: string,
  ) {
    super(reason);
  }
}

/** A stored document, analysed lazily field by field as its index's template says. */
export class AnalysedDoc {
  private readonly tokenCache = new Map<string, Token[]>();
  private readonly valueCache = new Map<string, string[]>();

  constructor(
    readonly id: string,
    readonly source: Source,
    readonly index: OracleIndex,
  ) {}

  /** The raw values of a field: a sub-field (`title.fr`) reads its parent's value. */
  raw(name: string): unknown[] {
    const parent = this.index.fields.get(name.split('.')[0] as string);
    const value = parent && parent.type !== 'object' ? this.source[parent.name] : this.source[name];
    if (value === null || value === undefined) return [];
    return Array.isArray(value) ? (value as unknown[]) : [value];
  }

  /** Tokens of a text field (positions continue across array values, with Elasticsearch's gap of 100). */
  tokens(name: string): Token[] {
    let found = this.tokenCache.get(name);
    if (!found) {
      const field = this.index.field(name);
      let offset = 0;
      found = [];
      for (const value of this.raw(name)) {
        const tokens = this.index.analysis.analyze(field.analyzer ?? 'standard', String(value));
        found.push(...tokens.map((t) => ({ ...t, position: t.position + offset })));
        offset += (tokens[tokens.length - 1]?.position ?? -1) + 101;
      }
      this.tokenCache.set(name, found);
    }
    return found;
  }

  /** Values of a keyword field after its normalizer; dates as epoch milliseconds in text. */
  values(name: string): string[] {
    let found = this.valueCache.get(name);
    if (!found) {
      const field = this.index.field(name);
      found = this.raw(name).map((v) => (field.type === 'date' ? String(Date.parse(String(v))) : this.index.analysis.normalize(field.normalizer, String(v))));
      this.valueCache.set(name, found);
    }
    return found;
  }
}

/** An index as the oracle sees it: analysis and fields from its template, and its documents. */
export class OracleIndex {
  private readonly analysed = new WeakMap<Source, AnalysedDoc>();

  constructor(
    readonly analysis: Analysis,
    readonly fields: Map<string, FieldMapping>,
    readonly docs: Map<string, Source>,
  ) {}

  field(name: string): FieldMapping {
    const field = this.fields.get(name);
    if (!field) throw new OracleError('oracle_mapping_exception', `field [${name}] is not in the index template`);
    return field;
  }

  all(): AnalysedDoc[] {
    return [...this.docs.entries()].map(([id, source]) => {
      let doc = this.analysed.get(source);
      if (!doc) {
        doc = new AnalysedDoc(id, source, this);
        this.analysed.set(source, doc);
      }
      return doc;
    });
  }

  /** Documents whose field holds the term (for inverse document frequency). */
  docFrequency(field: string, term: string): number {
    return this.all().filter((doc) => doc.tokens(field).some((t) => t.term === term)).length;
  }
}
