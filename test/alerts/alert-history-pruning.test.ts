import { afterEach, describe, expect, it } from 'vitest';
import { ALERT_HISTORY_DAYS } from '../../src/alerts/alert-engine.js';
import type { Firing } from '../../src/alerts/firing.js';
import { alertHarness, type AlertHarness } from './alert-harness.js';

const DAY = 86_400_000;
const start = new Date('2026-03-10T09:00:00.000Z');

function oldFiring(dedupKey: string): Firing {
  return {
    ruleId: 'gone-rule', type: 'match', key: 'all', dedupKey, at: start.toISOString(), headline: dedupKey,
    reason: 'matched', facts: [], stories: [], mentionCount: 1, search: '',
  };
}

describe('alert history pruning', () => {
  let harness: AlertHarness | undefined;
  afterEach(async () => harness?.close());

  it(`forgets records older than ${ALERT_HISTORY_DAYS} days on a tick, at most once a day`, async () => {
    harness = await alertHarness({ alerts: [], notifiers: [], now: start });
    await harness.store.claim([oldFiring('a')], start);
    harness.clock.now = new Date(start.getTime() + (ALERT_HISTORY_DAYS - 0.4) * DAY);
    await harness.engine.tick();
    expect(await harness.store.pending()).toHaveLength(1);

    // The firing is now past the window, but the last prune was less than a day ago.
    harness.clock.now = new Date(start.getTime() + (ALERT_HISTORY_DAYS + 0.3) * DAY);
    await harness.engine.tick();
    expect(await harness.store.pending()).toHaveLength(1);

    harness.clock.now = new Date(start.getTime() + (ALERT_HISTORY_DAYS + 0.7) * DAY);
    await harness.engine.tick();
    expect(await harness.store.pending()).toEqual([]);
  });
});
