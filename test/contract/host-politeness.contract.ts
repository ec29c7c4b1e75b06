import { afterEach, describe, expect, it } from 'vitest';
import type { HostPoliteness } from '../../src/connectors/http/host-politeness.js';
import { watch } from '../support/watch-promise.js';

/** Opens a fresh politeness store with these limits for one test; `cleanup` removes what it created. */
export interface HostPolitenessTarget {
  open(limits: { concurrency: number; minDelayMs: number }): Promise<HostPoliteness>;
  cleanup?(): Promise<void>;
}

// Timing on a loaded machine: lower bounds get a few ms of timer slack; "has not happened yet"
// checks look after a short pause at something that is seconds away; nothing else is timed.
const SLACK_MS = 15;

const elapsed = (since: number): number => performance.now() - since;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `promise`, or a clear failure when it is still pending after `ms` (a leaked slot, not a slow machine). */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still waiting after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The HostPoliteness contract: every adapter paces hosts the same way. Run with
 * `describeHostPolitenessContract('in-process', target)`; a Redis adapter adds one such call.
 */
export function describeHostPolitenessContract(adapter: string, target: HostPolitenessTarget): void {
  describe(`HostPoliteness contract: ${adapter}`, () => {
    const opened: HostPoliteness[] = [];

    afterEach(async () => {
      for (const politeness of opened.splice(0)) await politeness.close();
      await target.cleanup?.();
    });

    async function open(concurrency: number, minDelayMs: number): Promise<HostPoliteness> {
      const politeness = await target.open({ concurrency, minDelayMs });
      opened.push(politeness);
      return politeness;
    }

    const signal = (): AbortSignal => new AbortController().signal;

    it('keeps at most `concurrency` requests in flight per host, each host apart', async () => {
      const politeness = await open(2, 0);
      const first = await politeness.acquire('news.example', signal());
      const second = await politeness.acquire('news.example', signal());
      const third = watch(politeness.acquire('news.example', signal()));
      const started = performance.now();
      const elsewhere = await politeness.acquire('other.example', signal());
      expect(elapsed(started)).toBeLessThan(1000);
      await pause(50);
      expect(third.settled()).toBe(false);
      await first();
      const releaseThird = await third.promise;
      // A release is idempotent: releasing `first` again frees no second slot.
      await first();
      const fourth = watch(politeness.acquire('news.example', signal()));
      await pause(50);
      expect(fourth.settled()).toBe(false);
      await second();
      await (await fourth.promise)();
      await releaseThird();
      await elsewhere();
    });

    it('spaces the starts on one host by minDelay, not those on other hosts', async () => {
      const minDelayMs = 150;
      const politeness = await open(4, minDelayMs);
      const started = performance.now();
      const starts: number[] = [];
      await Promise.all(
        [0, 1, 2].map(async () => {
          const release = await politeness.acquire('news.example:8443', signal());
          starts.push(elapsed(started));
          await release();
        }),
      );
      starts.sort((a, b) => a - b);
      expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(minDelayMs - SLACK_MS);
      expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(minDelayMs - SLACK_MS);
      // The port is part of the host: another port is another host, not spaced from the first.
      const slow = await open(4, 5_000);
      await (await slow.acquire('news.example:8443', signal()))();
      const other = performance.now();
      await (await slow.acquire('news.example:9443', signal()))();
      expect(elapsed(other)).toBeLessThan(2_500);
    });

    it('leaves a penalised host alone for the penalty, at least a second, and other hosts not at all', async () => {
      const politeness = await open(2, 0);
      expect(await politeness.blockedFor('news.example')).toBe(0);
      await politeness.penalise('news.example', 1);
      expect(await politeness.blockedFor('news.example')).toBe(1);
      expect(await politeness.blockedFor('other.example')).toBe(0);
      await politeness.penalise('news.example', 120);
      expect(await politeness.blockedFor('news.example')).toBeGreaterThanOrEqual(119);
      await politeness.penalise('news.example', 1);
      expect(await politeness.blockedFor('news.example')).toBeGreaterThanOrEqual(119);
      await politeness.penalise('far.example', 10 * 3600);
      expect(await politeness.blockedFor('far.example')).toBeLessThanOrEqual(3600);

      await politeness.penalise('short.example', undefined);
      expect(await politeness.blockedFor('short.example')).toBe(1);
      const started = performance.now();
      await (await politeness.acquire('short.example', signal()))();
      expect(elapsed(started)).toBeGreaterThanOrEqual(1000 - 2 * SLACK_MS);
      expect(await politeness.blockedFor('short.example')).toBe(0);
    });

    it('gives up waiting when the signal aborts, without taking the slot', async () => {
      const politeness = await open(1, 0);
      const held = await politeness.acquire('news.example', signal());
      const controller = new AbortController();
      const waiting = politeness.acquire('news.example', controller.signal);
      const behind = politeness.acquire('news.example', signal());
      const reason = new Error('deadline');
      controller.abort(reason);
      await expect(waiting).rejects.toBe(reason);
      await expect(politeness.acquire('news.example', controller.signal)).rejects.toBe(reason);
      await held();
      // The slot goes to the request queued behind the aborted one, then to the next.
      await (await within(behind, 2_000, 'the request queued behind an aborted one'))();
      await (await within(politeness.acquire('news.example', signal()), 2_000, 'the next request'))();
    });

    it('gives up waiting out minDelay or a penalty when the signal aborts, leaving the slot free', async () => {
      const politeness = await open(1, 5_000);
      await (await politeness.acquire('news.example', signal()))();
      const controller = new AbortController();
      const waiting = watch(politeness.acquire('news.example', controller.signal));
      await pause(50);
      expect(waiting.settled()).toBe(false);
      controller.abort(new Error('cancelled'));
      await expect(waiting.promise).rejects.toThrow('cancelled');

      await politeness.penalise('penalised.example', 60);
      const penalised = new AbortController();
      const blocked = watch(politeness.acquire('penalised.example', penalised.signal));
      await pause(50);
      expect(blocked.settled()).toBe(false);
      penalised.abort(new Error('cancelled'));
      await expect(blocked.promise).rejects.toThrow('cancelled');

      // With concurrency 1, a slot leaked by either aborted wait would block these for good.
      const free = await open(1, 100);
      await (await free.acquire('news.example', signal()))();
      const aborted = new AbortController();
      const spaced = free.acquire('news.example', aborted.signal);
      aborted.abort(new Error('cancelled'));
      await expect(spaced).rejects.toThrow('cancelled');
      await (await within(free.acquire('news.example', signal()), 2_000, 'the request after an aborted wait'))();
    });
  });
}
