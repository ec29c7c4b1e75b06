import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { sleep } from './abortable-sleep.js';
import type { HostPoliteness } from './host-politeness.js';
import { acquireScript, penaliseScript, penaltyLeftScript, releaseScript, renewScript } from './redis-host-politeness-scripts.js';

/** Limits of `RedisHostPoliteness`; every process pacing the same hosts should use the same ones. */
export interface RedisHostPolitenessOptions {
  /** Requests in flight per host, across all processes. */
  concurrency: number;
  /** Milliseconds between two request starts on one host, across all processes. */
  minDelayMs: number;
  /**
   * How long a slot outlives the process holding it (default 30 s). A live holder renews its
   * lease every third of this, so only a process that died (or lost Redis) lets it expire.
   */
  leaseMs?: number;
  /** Longest pause between two tries for a slot while every slot is held (default 100 ms). */
  pollMs?: number;
}

/**
 * Per-host politeness shared by every process on one Redis (the distributed mode's
 * `HostPoliteness`): the concurrency slots, the spacing of starts and the 429/503 penalties of a
 * host hold across all fetch workers. Each decision is one Lua script on Redis's clock, so two
 * processes cannot both take the last slot or the same start time. A slot is a lease in a sorted
 * set that its holder renews; a holder killed mid-request stops renewing and its slot comes back
 * after `leaseMs`, never held for good. A request that must wait for a free slot retries (waking
 * at once when this process frees one); a slot taken waits out `minDelay` and any penalty holding
 * its lease, as the in-process `HostLimiter` does. The client is the caller's: `close` stops this
 * instance's renewals and leaves the client open.
 */
export class RedisHostPoliteness implements HostPoliteness {
  private readonly leaseMs: number;
  private readonly pollMs: number;
  /** Waiters of this process per host, woken when this process frees a slot there. */
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly renewals = new Set<NodeJS.Timeout>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly options: RedisHostPolitenessOptions,
  ) {
    this.leaseMs = Math.max(1_000, options.leaseMs ?? 30_000);
    this.pollMs = Math.max(5, options.pollMs ?? 100);
  }

  private keys(host: string): [slots: string, next: string, penalty: string] {
    const base = `${this.prefix}:politeness:${host}`;
    return [`${base}:slots`, `${base}:next`, `${base}:penalty`];
  }

  async acquire(host: string, signal: AbortSignal): Promise<() => Promise<void>> {
    const keys = this.keys(host);
    const token = randomUUID();
    for (;;) {
      signal.throwIfAborted();
      const [took, ms] = (await acquireScript.run(this.redis, keys, [token, this.options.concurrency, this.options.minDelayMs, this.leaseMs])) as [number, string];
      if (signal.aborted) {
        if (took === 1) await this.giveBack(keys[0], token);
        signal.throwIfAborted();
      }
      if (took === 1) return this.hold(host, keys[0], token, Number(ms), signal);
      await this.waitForSlot(host, Math.min(this.pollMs, Number(ms) + 1), signal);
    }
  }

  /** Keeps the lease alive, waits out the reserved start, and hands back the idempotent release. */
  private async hold(host: string, slots: string, token: string, waitMs: number, signal: AbortSignal): Promise<() => Promise<void>> {
    const renewal = setInterval(() => {
      renewScript.run(this.redis, [slots], [token, this.leaseMs]).catch(() => {
        // A missed renewal is retried at the next tick; a lease that lapses meanwhile only lets
        // one more request start on the host, which is what a crash costs too.
      });
    }, Math.floor(this.leaseMs / 3));
    renewal.unref();
    this.renewals.add(renewal);
    let released = false;
    const release = async (): Promise<void> => {
      if (released) return;
      released = true;
      clearInterval(renewal);
      this.renewals.delete(renewal);
      await this.giveBack(slots, token);
      for (const wake of this.waiters.get(host) ?? []) wake();
    };
    if (waitMs > 0) {
      try {
        await sleep(waitMs, signal);
      } catch (error) {
        await release();
        throw error;
      }
    }
    return release;
  }

  /** Frees a slot; never rejects: a slot Redis could not free comes back when its lease ends. */
  private async giveBack(slots: string, token: string): Promise<void> {
    await releaseScript.run(this.redis, [slots], [token]).catch(() => undefined);
  }

  /** Sleeps up to `ms`, less when this process frees a slot on `host`; rejects when `signal` aborts. */
  private async waitForSlot(host: string, ms: number, signal: AbortSignal): Promise<void> {
    let waiting = this.waiters.get(host);
    if (!waiting) {
      waiting = new Set();
      this.waiters.set(host, waiting);
    }
    const local = new AbortController();
    const wake = (): void => local.abort();
    waiting.add(wake);
    const onAbort = (): void => local.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await sleep(ms, local.signal).catch(() => undefined);
    } finally {
      signal.removeEventListener('abort', onAbort);
      waiting.delete(wake);
      if (waiting.size === 0) this.waiters.delete(host);
    }
    signal.throwIfAborted();
  }

  async blockedFor(host: string): Promise<number> {
    const left = Number(await penaltyLeftScript.run(this.redis, [this.keys(host)[2]], []));
    return Math.max(0, Math.ceil(left / 1000));
  }

  async penalise(host: string, seconds: number | undefined): Promise<void> {
    const ms = Math.min(Math.max((seconds ?? 0) * 1000, this.options.minDelayMs * 2, 1000), 3600_000);
    await penaliseScript.run(this.redis, [this.keys(host)[2]], [Math.ceil(ms)]);
  }

  async close(): Promise<void> {
    for (const renewal of this.renewals) clearInterval(renewal);
    this.renewals.clear();
  }
}
