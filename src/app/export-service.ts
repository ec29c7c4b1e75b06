import { UserInputError } from '../core/errors.js';
import type { MentionIndex, SearchRequest } from '../index/mention-index.js';
import type { QueryNode } from '../index/query/ast.js';
import { parseQuery } from '../index/query/parse.js';
import { parseTimeOption } from './time-range.js';

/** Mentions read from the index per page: memory stays bounded whatever the export's size. */
export const EXPORT_PAGE_SIZE = 100;

/** What to export, already read and checked. */
export interface ExportPlan {
  query: QueryNode | null;
  from?: Date;
  to?: Date;
}

/**
 * Reads an export's options: the query (a bad one throws `UserInputError` with its position) and
 * the window (`--to` must come after `--from`). Done before the index is opened.
 */
export function planExport(input: { query?: string | undefined; from?: string | undefined; to?: string | undefined }, now: Date): ExportPlan {
  const from = input.from ? parseTimeOption(input.from, '--from', now) : undefined;
  const to = input.to ? parseTimeOption(input.to, '--to', now) : undefined;
  if (from && to && to <= from) throw new UserInputError('--to must be after --from');
  return { query: parseQuery(input.query ?? ''), ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** Where an export writes: resolves once the text is taken (after a full buffer drains); false when the reader has gone. */
export type ExportSink = (text: string) => Promise<boolean>;

/** What an export wrote. */
export interface ExportSummary {
  exported: number;
  /** Matching mentions when the export started (a lower bound when the index says so). */
  total: number;
  /** False when the reader went away before the end. */
  complete: boolean;
}

/**
 * Writes every mention the plan matches as NDJSON, one full mention per line (what `import` reads
 * back), newest first. Pages through the index with the search cursor (stable under concurrent
 * inserts) and waits for the sink between pages, so memory is bounded by one page.
 */
export async function exportMentions(
  index: MentionIndex,
  plan: ExportPlan,
  sink: ExportSink,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ExportSummary> {
  let cursor: string | undefined;
  let exported = 0;
  let total = -1;
  do {
    const request: SearchRequest = { query: plan.query, sort: 'date', limit: EXPORT_PAGE_SIZE, ...(plan.from ? { from: plan.from } : {}), ...(plan.to ? { to: plan.to } : {}), ...(cursor ? { cursor } : {}) };
    const page = await index.search(request);
    if (total < 0) total = page.total;
    if (page.hits.length > 0) {
      const text = page.hits.map((hit) => `${JSON.stringify(hit.mention)}\n`).join('');
      if (!(await sink(text))) return { exported, total, complete: false };
      exported += page.hits.length;
      onProgress(page.hits.length, total);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { exported, total: Math.max(total, 0), complete: true };
}
