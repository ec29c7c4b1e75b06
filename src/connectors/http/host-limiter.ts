import { sleep } from './abortable-sleep.js';
import type { HostPoliteness } from './host-politeness.js';

/**
 * Per-host politeness in this process's memory (the embedded mode's `HostPoliteness`): at most
 * `concurrency` requests in flight per host, request starts spaced by `minDelayMs`, and a host that
 * answered 429/503 is left alone until its Retry-After (or a doubled delay) has passed. Waiting is
 * cancelled by the request's signal. A host's entry is dropped once it is idle.
 */
export class HostLimiter implements HostPoliteness {
  private readonly hosts = new Map<string, { active: number; nextStart: number; penalty: number; queue: (() => void)[] }>();

  constructor(
    private readonly concurrency: number,
    private readonly minDelayMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private state(host: string) {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, nextStart: 0, penalty: 0, queue: [] };
      this.hosts.set(host, state);
    }
    return state;
  }

  async acquire(host: string, signal: AbortSignal): Promise<() => Promise<void>> {
    const state = this.state(host);
    while (state.active >= this.concurrency) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          state.queue.splice(state.queue.indexOf(wake), 1);
          reject(signal.reason as Error);
        };
        const wake = (): void => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
        if (signal.aborted) return reject(signal.reason as Error);
        state.queue.push(wake);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    }
    state.active += 1;
    const startAt = Math.max(state.nextStart, state.penalty);
    state.nextStart = Math.max(this.now(), startAt) + this.minDelayMs;
    const wait = startAt - this.now();
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      state.active -= 1;
      state.queue.shift()?.();
      if (state.active === 0 && state.queue.length === 0 && state.nextStart <= this.now() && state.penalty <= this.now()) this.hosts.delete(host);
    };
    if (wait > 0) {
      try {
        await sleep(wait, signal);
      } catch (error) {
        release();
        throw error;
      }
    }
    return () => {
      release();
      return Promise.resolve();
    };
  }

  blockedFor(host: string): Promise<number> {
    const penalty = this.hosts.get(host)?.penalty ?? 0;
    return Promise.resolve(Math.max(0, Math.ceil((penalty - this.now()) / 1000)));
  }

  penalise(host: string, seconds: number | undefined): Promise<void> {
    const state = this.state(host);
    const ms = Math.max((seconds ?? 0) * 1000, this.minDelayMs * 2, 1000);
    state.penalty = Math.max(state.penalty, this.now() + Math.min(ms, 3600_000));
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
