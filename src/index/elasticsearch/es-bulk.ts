import { IndexError } from '../../core/errors.js';
import type { Logger } from '../../platform/logger.js';

/** One write: `create` for a mention the index lacks, `index` to replace a changed one. */
export interface BulkOp {
  action: 'create' | 'index';
  id: string;
  doc: object;
}

export type BulkItemOutcome = { id: string; ok: true } | { id: string; ok: false; reason: string; retryable: boolean };

/** What a `_bulk` call answered: an HTTP status and, on 200, one item per op, in order. */
export type BulkReply =
  | { kind: 'response'; status: number; items?: { status: number; error?: { type?: string; reason?: string } }[]; errorType?: string }
  /** The connection failed or timed out: whether the writes happened is unknown. */
  | { kind: 'unknown'; message: string };

/** Sends one `_bulk` request (the ops, in order) to the write alias. */
export type BulkSend = (ops: readonly BulkOp[]) => Promise<BulkReply>;

export interface BulkWriterOptions {
  /** Most bytes per request (default 5 MiB). */
  maxBytes?: number;
  /** Most ops per request (default 1,000). */
  maxCount?: number;
  /** Attempts for 429/503 items and unknown outcomes (default 5). */
  maxAttempts?: number;
  /** First backoff delay; doubles each attempt, with jitter (default 500 ms). */
  baseDelayMs?: number;
  /** Longest single wait (default 30 s). */
  maxDelayMs?: number;
  /** How long a flood-stage block may last before the call gives up (default 10 min). */
  floodWaitMs?: number;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
}

/** An op and its serialized size (the client serializes the same JSON when sending). */
interface Line {
  op: BulkOp;
  bytes: number;
}

const FLOOD = 'cluster_block_exception';

/** The NDJSON lines of one op, as `_bulk` takes them. */
export function bulkLines(op: BulkOp): [Record<'create' | 'index', { _id: string }>, object] {
  return [{ [op.action]: { _id: op.id } } as Record<'create' | 'index', { _id: string }>, op.doc];
}

function byteSize(op: BulkOp): number {
  const [action, doc] = bulkLines(op);
  return Buffer.byteLength(JSON.stringify(action)) + Buffer.byteLength(JSON.stringify(doc)) + 2;
}

/**
 * Bulk writes with every item's outcome read. 2xx and 409-on-create (already there: a replay) are
 * success; 429/503 items are retried with backoff; 400s are set aside with their reason and never
 * retried; a 413 splits the request; a flood-stage block pauses writing until it clears (bounded,
 * no hot loop); a request whose outcome is unknown is replayed, which is safe because new mentions
 * are written with `create` and a deterministic `_id`, and changed ones with an idempotent `index`.
 */
export class BulkWriter {
  private readonly maxBytes: number;
  private readonly maxCount: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly floodWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly send: BulkSend,
    private readonly options: BulkWriterOptions,
  ) {
    this.maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
    this.maxCount = options.maxCount ?? 1000;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.floodWaitMs = options.floodWaitMs ?? 600_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Writes the ops; returns one outcome per op, keyed by id. Throws only when writing must stop. */
  async write(ops: readonly BulkOp[]): Promise<Map<string, BulkItemOutcome>> {
    const outcomes = new Map<string, BulkItemOutcome>();
    const lines = ops.map((op) => ({ op, bytes: byteSize(op) }));
    for (const chunk of this.chunks(lines)) await this.writeChunk(chunk, outcomes);
    return outcomes;
  }

  private *chunks(lines: Line[]): Generator<Line[]> {
    let chunk: Line[] = [];
    let bytes = 0;
    for (const line of lines) {
      const size = line.bytes;
      if (chunk.length > 0 && (chunk.length >= this.maxCount || bytes + size > this.maxBytes)) {
        yield chunk;
        chunk = [];
        bytes = 0;
      }
      chunk.push(line);
      bytes += size;
    }
    if (chunk.length > 0) yield chunk;
  }

  private delay(attempt: number): number {
    const base = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(base / 2 + Math.random() * (base / 2));
  }

  private async writeChunk(initial: Line[], outcomes: Map<string, BulkItemOutcome>): Promise<void> {
    let pending = initial;
    let attempt = 0;
    let floodSince: number | null = null;
    let floodAttempts = 0;
    while (pending.length > 0) {
      attempt += 1;
      const reply = await this.send(pending.map((line) => line.op));
      if (reply.kind === 'unknown') {
        if (attempt >= this.maxAttempts) {
          throw new IndexError(`elasticsearch: bulk write outcome unknown after ${attempt} attempts (${reply.message})`, { reason: 'unreachable', retryable: true });
        }
        this.options.logger.warn({ attempt, items: pending.length, error: reply.message }, 'bulk outcome unknown; replaying');
        await this.sleep(this.delay(attempt));
        continue;
      }
      if (reply.status === 413) {
        if (pending.length === 1) {
          const only = pending[0] as Line;
          outcomes.set(only.op.id, { id: only.op.id, ok: false, reason: 'too large for the cluster (HTTP 413)', retryable: false });
          return;
        }
        const half = Math.ceil(pending.length / 2);
        await this.writeChunk(pending.slice(0, half), outcomes);
        await this.writeChunk(pending.slice(half), outcomes);
        return;
      }
      const blocked = reply.errorType === FLOOD || (reply.items ?? []).some((item) => item.error?.type === FLOOD);
      if (blocked) {
        floodSince ??= Date.now();
        const waited = Date.now() - floodSince;
        if (waited >= this.floodWaitMs) {
          throw new IndexError(
            'elasticsearch: the index is read-only (disk flood-stage watermark); free disk space, then retry',
            { reason: 'flood-stage', retryable: true },
          );
        }
        this.options.logger.warn({ waitedMs: waited }, 'index blocked (flood stage); writing paused');
        // The block is index-wide: wait with a growing delay instead of retrying in a loop.
        floodAttempts += 1;
        await this.sleep(this.delay(Math.min(floodAttempts, 8)));
        attempt = 0;
        pending = this.keepBlocked(pending, reply, outcomes);
        continue;
      }
      floodSince = null;
      floodAttempts = 0;
      if (reply.status === 429 || reply.status === 503 || reply.status >= 500 || !reply.items) {
        if (attempt >= this.maxAttempts) {
          for (const line of pending) outcomes.set(line.op.id, { id: line.op.id, ok: false, reason: `cluster busy (HTTP ${reply.status})`, retryable: true });
          return;
        }
        await this.sleep(this.delay(attempt));
        continue;
      }
      if (reply.status >= 400) {
        for (const line of pending) outcomes.set(line.op.id, { id: line.op.id, ok: false, reason: `bulk refused (HTTP ${reply.status})`, retryable: false });
        return;
      }
      pending = this.readItems(pending, reply.items, outcomes, attempt >= this.maxAttempts);
      if (pending.length > 0) await this.sleep(this.delay(attempt));
    }
  }

  /** Records each item's outcome; returns the items to retry. */
  private readItems(
    lines: Line[],
    items: NonNullable<Extract<BulkReply, { kind: 'response' }>['items']>,
    outcomes: Map<string, BulkItemOutcome>,
    lastAttempt: boolean,
  ): Line[] {
    const retry: Line[] = [];
    lines.forEach((line, i) => {
      const item = items[i];
      const id = line.op.id;
      if (!item) {
        retry.push(line);
        return;
      }
      const reason = `${item.error?.type ?? `HTTP ${item.status}`}: ${item.error?.reason ?? 'no reason given'}`;
      if ((item.status >= 200 && item.status < 300) || (item.status === 409 && line.op.action === 'create')) {
        outcomes.set(id, { id, ok: true });
      } else if (item.status === 429 || item.status === 503 || item.status >= 500) {
        if (lastAttempt) outcomes.set(id, { id, ok: false, reason, retryable: true });
        else retry.push(line);
      } else {
        outcomes.set(id, { id, ok: false, reason, retryable: false });
      }
    });
    if (lines.length !== items.length) this.options.logger.warn({ sent: lines.length, answered: items.length }, 'bulk answer has a different number of items');
    return lastAttempt ? [] : retry;
  }

  /** During a flood-stage block, settles the items that did get an answer and keeps the rest. */
  private keepBlocked(lines: Line[], reply: Extract<BulkReply, { kind: 'response' }>, outcomes: Map<string, BulkItemOutcome>): Line[] {
    if (!reply.items) return lines;
    return lines.filter((line, i) => {
      const item = reply.items?.[i];
      if (!item || item.error?.type === FLOOD) return true;
      this.readItems([line], [item], outcomes, true);
      return false;
    });
  }
}
