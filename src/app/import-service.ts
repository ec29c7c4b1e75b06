import { HubwatchError, UserInputError } from '../core/errors.js';
import { mentionSchema, type Mention } from '../core/mention.js';
import type { MentionIndex } from '../index/mention-index.js';

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
  rejects: ImportReject[];
}

/** Why a value is not a mention: the first few schema problems with their paths. */
function describeProblems(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Counts as an import goes: what is indexed, unchanged, rejected; batches the upserts. */
class Importer {
  indexed = 0;
  unchanged = 0;
  readonly rejects: ImportReject[] = [];
  private batch: { line: number; mention: Mention }[] = [];

  constructor(
    private readonly index: MentionIndex,
    private readonly onProgress: (done: number, detail: string) => void,
  ) {}

  async add(text: string, line: number): Promise<void> {
    if (text.trim() === '') return;
    if (text.length > MAX_LINE_CHARS) return this.reject(line, `line longer than ${MAX_LINE_CHARS} characters`);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return this.reject(line, `not JSON (${(error as Error).message})`);
    }
    const parsed = mentionSchema.safeParse(value);
    if (!parsed.success) return this.reject(line, describeProblems(parsed.error));
    this.batch.push({ line, mention: parsed.data });
    if (this.batch.length >= BATCH) await this.flush();
  }

  private reject(line: number, reason: string): void {
    this.rejects.push({ line, reason });
    this.onProgress(1, this.detail());
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    const outcomes = await this.index.upsert(batch.map((entry) => entry.mention));
    outcomes.forEach((outcome, i) => {
      if (outcome.outcome === 'indexed') this.indexed += 1;
      else if (outcome.outcome === 'unchanged') this.unchanged += 1;
      else this.rejects.push({ line: batch[i]?.line ?? 0, reason: `refused by the index: ${outcome.reason}` });
    });
    this.onProgress(batch.length, this.detail());
  }

  detail(): string {
    return `indexed ${this.indexed}, unchanged ${this.unchanged}, rejected ${this.rejects.length}`;
  }
}

/**
 * Indexes mentions from NDJSON lines (one mention per line, the Mention schema), in batches.
 * Idempotent: importing the same lines again changes nothing. A bad line is rejected with its
 * number and reason, the rest goes on; an index fault stops the import with where it stopped.
 */
export async function importMentions(
  lines: AsyncIterable<string>,
  index: MentionIndex,
  onProgress: (done: number, detail: string) => void = () => undefined,
): Promise<ImportSummary> {
  const importer = new Importer(index, onProgress);
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
  return { lines: line, indexed: importer.indexed, unchanged: importer.unchanged, rejected: importer.rejects.length, rejects: importer.rejects };
}
