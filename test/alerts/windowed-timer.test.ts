import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyTotals, ingestUntilAborted } from '../../src/app/ingest-service.js';
import { configSchema } from '../../src/config/schema.js';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { createEmbeddedPipeline } from '../../src/roles/embedded-pipeline.js';
import { startSampleServer, type SampleServer } from '../../src/samples/sample-server.js';
import type { PollReport } from '../../src/workers/poll-types.js';
import { deskBaseline, deskNegativeConfig, deskNegativeHour } from '../support/desk-mentions.js';
import { startSlackReceiver, type SlackReceiver } from '../support/slack-receiver.js';

const logger = silentLogger();

/**
 * The windowed-rule timer of a long-running `hubwatch run` (ingestUntilAborted), on the embedded
 * pipeline: a real SQLite index, a source on the loopback sample server, a Slack-compatible
 * receiver. The rule's mentions reach the index after the only poll: the timer alone must fire it.
 */
describe('windowed rules on the timer of a long-running run', () => {
  let dir: string;
  let server: SampleServer;
  let receiver: SlackReceiver;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-timer-'));
    server = await startSampleServer({ port: 0, now: () => new Date() });
    receiver = await startSlackReceiver();
  });

  afterAll(async () => {
    await receiver.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fires a negative-share rule without any new poll, and stops with the run', { timeout: 60_000 }, async () => {
    // Its one feed is polled once at start; its next poll is an hour away.
    const settings = configSchema.parse(deskNegativeConfig(server.url, receiver.url, join(dir, 'hubwatch.db')));
    const index = await openIndex(settings.index, { logger });
    const polls: PollReport[] = [];
    const pipeline = await createEmbeddedPipeline(settings, { index, logger, clock: () => new Date(), onReport: (r) => polls.push(r) });
    const stop = new AbortController();
    try {
      // The baseline: one calm mention in each of the four hours before the window (the oldest
      // also shows the index's history covers the baseline).
      await index.upsert(deskBaseline());
      const run = ingestUntilAborted(pipeline, stop.signal, { logger, totals: emptyTotals(), alertsEveryMs: 100 });
      await expect.poll(() => polls.length, { timeout: 20_000 }).toBe(1);
      expect(polls[0]?.outcome).toBe('ok');
      // Several ticks over a calm hour: nothing to say.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(receiver.received).toHaveLength(0);

      // 3 of 4 negative in the last hour (75%, threshold 50%, baseline 0%), written straight to
      // the index: no poll brings them and no batch evaluation sees them.
      await index.upsert(deskNegativeHour());
      await receiver.waitFor(1, 10_000);
      const body = JSON.stringify(receiver.received[0]?.body);
      expect(body).toContain('Negative share 75%');
      expect(body).toContain('3 of 4 mentions in 1 h are negative');
      expect(polls).toHaveLength(1);

      // Later ticks find the same window: its dedup key keeps it to one message.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(receiver.received).toHaveLength(1);
      stop.abort();
      await run;
    } finally {
      stop.abort();
      await pipeline.close();
      await index.close();
    }
  });
});
