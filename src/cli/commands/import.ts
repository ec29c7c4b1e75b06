import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Option } from 'commander';
import { HubwatchError, UserInputError } from '../../core/errors.js';
import { mentionSchema, type Mention } from '../../core/mention.js';
import type { MentionIndex } from '../../index/mention-index.js';
import type { CliContext } from '../cli-context.js';
import type { CommandModule } from '../command.js';
import { Progress } from '../progress.js';

const BATCH = 5_000;
const MAX_LINE_CHARS = 4 * 1024 * 1024;
const SHOWN_REJECTS = 20;

interface ImportOptions {
  format: 'ndjson';
  json?: boolean;
}

interface Reject {
  line: number;
  reason: string;
}

/** Why a line is not a mention: the first few schema problems with their paths. */
function describeProblems(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

class Importer {
  indexed = 0;
  unchanged = 0;
  readonly rejects: Reject[] = [];
  private batch: { line: number; mention: Mention }[] = [];

  constructor(
    private readonly index: MentionIndex,
    private readonly progress: Progress,
  ) {}

  async add(text: string, line: number): Promise<void> {
    if (text.trim() === '') return;
    if (text.length > MAX_LINE_CHARS) {
      this.reject(line, `line longer than ${MAX_LINE_CHARS} characters`);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.reject(line, `not JSON (${(error as Error).message})`);
      return;
    }
    const parsed = mentionSchema.safeParse(value);
    if (!parsed.success) {
      this.reject(line, describeProblems(parsed.error));
      return;
    }
    this.batch.push({ line, mention: parsed.data });
    if (this.batch.length >= BATCH) await this.flush();
  }

  private reject(line: number, reason: string): void {
    this.rejects.push({ line, reason });
    this.progress.tick(1, this.detail());
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
    this.progress.tick(batch.length, this.detail());
  }

  detail(): string {
    return `indexed ${this.indexed}, unchanged ${this.unchanged}, rejected ${this.rejects.length}`;
  }
}

async function importLines(context: CliContext, file: string, options: ImportOptions): Promise<void> {
  const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    if (file === '-') resolve();
    input.once('error', (error: NodeJS.ErrnoException) => reject(new UserInputError(`${file}: cannot read (${error.code ?? error.message})`)));
    input.once('readable', () => resolve());
    input.once('end', () => resolve());
  });
  await opened;
  const index = await context.openIndex();
  const progress = new Progress(`importing ${file === '-' ? 'stdin' : file}`, null, (text) => process.stderr.write(text), context.interactive);
  const importer = new Importer(index, progress);
  let line = 0;
  try {
    const lines = createInterface({ input, crlfDelay: Infinity });
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
  } finally {
    progress.finish(importer.detail());
    await index.close();
  }
  const summary = { file, lines: line, indexed: importer.indexed, unchanged: importer.unchanged, rejected: importer.rejects.length, rejects: importer.rejects };
  if (options.json) {
    context.out(JSON.stringify(summary));
  } else {
    context.out(`${summary.indexed} indexed, ${summary.unchanged} unchanged, ${summary.rejected} rejected (${line} lines)`);
    for (const reject of importer.rejects.slice(0, SHOWN_REJECTS)) context.out(`  line ${reject.line}: ${reject.reason}`);
    if (importer.rejects.length > SHOWN_REJECTS) context.out(`  … and ${importer.rejects.length - SHOWN_REJECTS} more (use --json for all)`);
  }
  if (importer.rejects.length > 0) process.exitCode = 1;
}

/** `hubwatch import FILE|-`: backfill or migrate mentions from NDJSON, one mention per line. */
export const importCommand: CommandModule = {
  register(program, context) {
    program
      .command('import')
      .description('index mentions from NDJSON (one mention per line, the Mention schema); idempotent')
      .argument('<file>', 'NDJSON file, or - for stdin')
      .addOption(new Option('--format <format>', 'input format').choices(['ndjson']).default('ndjson'))
      .option('--json', 'print the summary (with every rejected line) as one JSON object')
      .action(async (file: string, options: ImportOptions) => {
        await importLines(context, file, options);
      });
  },
};
