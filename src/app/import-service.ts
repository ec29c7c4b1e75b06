import type { SourceDefinition } from '../connectors/connector.js';
import { toSourceDefinition } from '../connectors/registry.js';
import type { SourceConfig } from '../config/schema.js';
import { HubwatchError, UserInputError } from '../core/errors.js';
import { mentionSchema, type Mention } from '../core/mention.js';
import { normaliseItem, type NormalisedItem } from '../core/normalise.js';
import type { MentionIndex } from '../index/mention-index.js';
import { buildMentions, type MentionBuilderDeps } from '../workers/build-mentions.js';
import { ArticleFieldError, isMentionLine, readArticle, type ArticleRecord } from './article-record.js';

const BATCH = 5_000;
const MAX_LINE_CHARS = 4 * 1024 * 1024;

/** A line that was not imported, and why. */
export interface ImportReject {
  line: number;
  reason: string;
}

/** What an import did. */
export interface ImportSummary {
  lines: number;
  indexed: number;
  unchanged: number;
  rejected: number;
  /** Lines read as plain articles (normalised and enriched), the rest being full mentions. */
  articles: number;
  rejects: ImportReject[];
}

/** What plain articles go through: the enrich stage `run` uses, the configured sources, the clock. */
export interface ArticleStages {
  /** The enrich stage's dependencies, asked for once, when the first article is to be enriched. */
  builder: () => Promise<MentionBuilderDeps>;
  /** Configured sources: an article naming one of their ids gets its name, channel and reach. */
  sources: readonly SourceConfig[];
  now: () => Date;
}

export interface ImportOptions {
  /** Without it, a plain article is rejected (only full mentions are read). */
  articles?: ArticleStages;
  onProgress?: (done: number, detail: string) => void;
}

/** Why a value is not a mention: the first few schema problems with their paths. */
function describeProblems(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** `Le Monde` → `le-monde`: a source id from a name an article gives. */
function slug(name: string): string {
  const folded = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || 'import';
}

function hostOf(link: string | null | undefined): string | null {
  try {
    return link ? new URL(link).hostname.replace(/^www\./, '') || null : null;
  } catch {
    return null;
  }
}

/** The source an article is normalised under: a configured one, one it names, or its link's host. */
class SourceResolver {
  private readonly configured = new Map<string, SourceConfig>();
  private readonly definitions = new Map<string, SourceDefinition>();

  constructor(sources: readonly SourceConfig[]) {
    for (const source of sources) this.configured.set(source.id, source);
  }

  resolve(article: ArticleRecord): Pick<SourceDefinition, 'id' | 'name' | 'channel' | 'url'> {
    const named = article.sourceRef ?? article.sourceName;
    // "le-monde", or "Le Monde" for a source configured as le-monde.
    const known = named !== null ? (this.configured.get(named) ?? this.configured.get(slug(named))) : undefined;
    if (known) {
      let definition = this.definitions.get(known.id);
      if (!definition) {
        definition = toSourceDefinition(known);
        this.definitions.set(known.id, definition);
      }
      return { ...definition, name: article.sourceName ?? definition.name };
    }
    const host = hostOf(article.raw.link);
    const id = named !== null ? slug(named) : (host ?? 'import');
    const name = article.sourceName ?? article.sourceRef ?? host ?? 'import';
    return { id, name, channel: article.channel ?? 'news', url: null };
  }
}

/** Counts as an import goes: what is indexed, unchanged, rejected; batches the upserts. */
class Importer {
  indexed = 0;
  unchanged = 0;
  articles = 0;
  readonly rejects: ImportReject[] = [];
  private mentions: { line: number; mention: Mention }[] = [];
  private items: { line: number; item: NormalisedItem }[] = [];
  private readonly sources: SourceResolver | null;
  private builder: MentionBuilderDeps | null = null;

  constructor(
    private readonly index: MentionIndex,
    private readonly options: ImportOptions,
  ) {
    this.sources = options.articles ? new SourceResolver(options.articles.sources) : null;
  }

  async add(text: string, line: number): Promise<void> {
    if (text.trim() === '') return;
    if (text.length > MAX_LINE_CHARS) return this.reject(line, `line longer than ${MAX_LINE_CHARS} characters`);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return this.reject(line, `not JSON (${(error as Error).message})`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return this.reject(line, 'not a JSON object');
    const fields = value as Record<string, unknown>;
    if (isMentionLine(fields)) {
      const parsed = mentionSchema.safeParse(value);
      if (!parsed.success) return this.reject(line, describeProblems(parsed.error));
      this.mentions.push({ line, mention: parsed.data });
    } else {
      const reason = this.addArticle(fields, line);
      if (reason) return this.reject(line, reason);
    }
    if (this.mentions.length + this.items.length >= BATCH) await this.flush();
  }

  /** Normalises a plain article as a poll would; returns why it cannot be imported, if so. */
  private addArticle(fields: Record<string, unknown>, line: number): string | null {
    const stages = this.options.articles;
    if (!stages || !this.sources) return 'not a mention (entities, sentiment, sourceId missing) and plain articles are not read here';
    let article: ArticleRecord;
    try {
      article = readArticle(fields);
    } catch (error) {
      if (error instanceof ArticleFieldError) return error.message;
      throw error;
    }
    const result = normaliseItem(article.raw, this.sources.resolve(article), { now: stages.now() });
    if (!result.ok) return result.problem.message;
    const { flags } = result.item;
    // A backfill without its publication date would file the article under today: refused.
    if (flags.includes('missing-date')) return 'publishedAt: missing (a backfilled article needs its publication date)';
    if (flags.includes('invalid-date')) return `publishedAt: ${result.problems.find((p) => p.reason === 'invalid-date')?.message ?? 'unreadable date'}`;
    this.articles += 1;
    this.items.push({ line, item: result.item });
    return null;
  }

  private reject(line: number, reason: string): void {
    this.rejects.push({ line, reason });
    this.options.onProgress?.(1, this.detail());
  }

  async flush(): Promise<void> {
    if (this.mentions.length === 0 && this.items.length === 0) return;
    const batch = this.mentions;
    const items = this.items;
    this.mentions = [];
    this.items = [];
    if (items.length > 0) {
      this.builder ??= await this.options.articles!.builder();
      const built = await buildMentions(items.map((entry) => entry.item), this.builder);
      built.forEach((mention, i) => batch.push({ line: items[i]!.line, mention }));
    }
    const outcomes = await this.index.upsert(batch.map((entry) => entry.mention));
    outcomes.forEach((outcome, i) => {
      if (outcome.outcome === 'indexed') this.indexed += 1;
      else if (outcome.outcome === 'unchanged') this.unchanged += 1;
      else this.rejects.push({ line: batch[i]?.line ?? 0, reason: `refused by the index: ${outcome.reason}` });
    });
    this.options.onProgress?.(batch.length, this.detail());
  }

  detail(): string {
    return `indexed ${this.indexed}, unchanged ${this.unchanged}, rejected ${this.rejects.length}`;
  }
}

/**
 * Indexes NDJSON lines in batches. A line is either a full mention (the Mention schema, as
 * `export` writes it), indexed as it is, or a plain article (`{"url","title","text",
 * "publishedAt","source"}` and the aliases of docs/import-export.md), which goes through the
 * normalisation and enrichment a poll runs, so it is tagged like a fetched item. Idempotent:
 * importing the same lines again changes nothing. A bad line is rejected with its number and
 * reason, the rest goes on; an index fault stops the import with where it stopped.
 */
export async function importMentions(lines: AsyncIterable<string>, index: MentionIndex, options: ImportOptions = {}): Promise<ImportSummary> {
  const importer = new Importer(index, options);
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      await importer.add(line === 1 ? text.replace(/^\uFEFF/, '') : text, line);
    }
    await importer.flush();
  } catch (error) {
    if (error instanceof HubwatchError && !(error instanceof UserInputError)) {
      throw new HubwatchError(
        `import stopped near line ${line} (${importer.detail()}): ${error.message}${error.retryable ? ' — run the same import again: it is idempotent' : ''}`,
        { reason: error.reason, retryable: error.retryable, cause: error },
      );
    }
    throw error;
  }
  return {
    lines: line,
    indexed: importer.indexed,
    unchanged: importer.unchanged,
    rejected: importer.rejects.length,
    articles: importer.articles,
    rejects: importer.rejects.sort((a, b) => a.line - b.line),
  };
}
