/**
 * Backpressure on polls: when more than `highWater` batches wait for the enrich workers, a poll
 * is deferred by `deferMs` (moved to delayed, never dropped) and tries again by itself. The depth
 * is asked at most once per `cacheMs`, so many concurrent polls cost one Redis call.
 */
export class PollBackpressure {
  private cached: { at: number; depth: number } | null = null;
  private asking: Promise<number> | null = null;

  constructor(
    private readonly waitingBatches: () => Promise<number>,
    private readonly options: { highWater: number; deferMs: number; cacheMs?: number; now?: () => number },
  ) {}

  /** Milliseconds to defer a poll by now, or 0 to poll. */
  async deferBy(): Promise<number> {
    const depth = await this.depth();
    return depth > this.options.highWater ? this.options.deferMs : 0;
  }

  private async depth(): Promise<number> {
    const now = (this.options.now ?? Date.now)();
    if (this.cached && now - this.cached.at < (this.options.cacheMs ?? 1_000)) return this.cached.depth;
    this.asking ??= this.waitingBatches().finally(() => (this.asking = null));
    const depth = await this.asking;
    this.cached = { at: now, depth };
    return depth;
  }
}
