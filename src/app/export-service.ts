import { UserInputError } from '../core/errors.js';
import type { Mention } from '../core/mention.js';
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

/** Full mentions, one JSON object a line: what `import` reads back. */
export function toNdjson(mentions: readonly Mention[]): string {
  return mentions.map((mention) => `${JSON.stringify(mention)}\n`).join('');
}

/** Where an export writes: resolves once the text is taken (after a full buffer drains); false when the reader has gone. */
export type ExportSink = (text: string) => Promise<boolean>;

/** What an export wrote. */
export interface ExportSummary {
  exported: number;
  /** Matching mentions when the export started. */
  total: number;
  /** False when the reader went away before the end. */
  complete: boolean;
}

export interface ExportOptions {
  onProgress?: (done: number, total: number) => void;
  /** How a page of mentions is written (default: NDJSON, one full mention per line). */
  format?: (mentions: readonly Mention[]) => string;
  /** Mentions per time window (whole days, newest first); a busier day is a window of its own. */
  windowSize?: number;
}

/** Mentions a time window aims at: a page's cost is the size of its window, not of the export. */
const WINDOW_SIZE = 2_000;
const DAY_MS = 86_400_000;

/** Time windows of whole UTC days, newest first, each holding about `size` matching mentions. */
async function windowsOf(index: MentionIndex, plan: ExportPlan, size: number): Promise<{ windows: { from: Date; to: Date }[]; total: number }> {
  const days = await index.histogram({ query: plan.query, interval: 'day', ...(plan.from ? { from: plan.from } : {}), ...(plan.to ? { to: plan.to } : {}) });
  const windows: { from: Date; to: Date }[] = [];
  let total = 0;
  let open: { from: number; to: number; count: number } | null = null;
  for (const day of days.filter((bucket) => bucket.count > 0).reverse()) {
    const start = Date.parse(`${day.key}T00:00:00Z`);
    total += day.count;
    if (open && open.count + day.count <= size) {
      open.from = start;
      open.count += day.count;
      continue;
    }
    if (open) windows.push({ from: new Date(open.from), to: new Date(open.to) });
    open = { from: start, to: start + DAY_MS, count: day.count };
  }
  if (open) windows.push({ from: new Date(open.from), to: new Date(open.to) });
  // The plan's own bounds cut the first and last days.
  return {
    total,
    windows: windows.map((window) => ({
      from: plan.from && plan.from > window.from ? plan.from : window.from,
      to: plan.to && plan.to < window.to ? plan.to : window.to,
    })),
  };
}

/**
 * Writes every mention the plan matches as NDJSON, one full mention per line (what `import` reads
 * back), newest first. Memory holds one page: the index is read 100 mentions at a time and the
 * next page only once the sink has taken the last. Time stays linear: the export walks windows of
 * whole days (counted first by the day histogram) and pages through each with the search cursor,
 * so no page costs more than its window (one cursor over the whole index would cost every page
 * the whole index). Mentions indexed during the export into days already written are not in it.
 */
export async function exportMentions(index: MentionIndex, plan: ExportPlan, sink: ExportSink, options: ExportOptions = {}): Promise<ExportSummary> {
  const { windows, total } = await windowsOf(index, plan, Math.max(1, options.windowSize ?? WINDOW_SIZE));
  const format = options.format ?? toNdjson;
  let exported = 0;
  for (const window of windows) {
    let cursor: string | undefined;
    do {
      const request: SearchRequest = { query: plan.query, sort: 'date', limit: EXPORT_PAGE_SIZE, from: window.from, to: window.to, ...(cursor ? { cursor } : {}) };
      const page = await index.search(request);
      if (page.hits.length > 0) {
        const text = format(page.hits.map((hit) => hit.mention));
        if (!(await sink(text))) return { exported, total, complete: false };
        exported += page.hits.length;
        options.onProgress?.(page.hits.length, total);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return { exported, total, complete: true };
}
