import type { AlertEngine } from '../alerts/alert-engine.js';
import { createAlerting } from '../alerts/create-alerting.js';
import type { DispatcherOptions } from '../alerts/delivery/dispatcher.js';
import type { HubwatchConfig, SourceConfig } from '../config/schema.js';
import { createHttpFetcher } from '../connectors/http/create-http-fetcher.js';
import type { HttpFetcher } from '../connectors/http/http-fetcher.js';
import { getManifest, toSourceDefinition } from '../connectors/registry.js';
import type { MentionIndex } from '../index/mention-index.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import { startSampleServer, type SampleServer } from '../samples/sample-server.js';
import { SqliteAlertStore } from '../state/sqlite-alert-store.js';
import { SqliteStateStore } from '../state/sqlite-state-store.js';
import type { StateStore } from '../state/state-store.js';
import { EmbeddedDriver } from '../workers/embedded-driver.js';
import { createJobHandlers } from '../workers/job-handlers.js';
import { InProcessJobRunner } from '../workers/in-process-job-runner.js';
import type { PollReport, SourceRuntime } from '../workers/poll-types.js';
import { retentionOf } from './distributed-support.js';
import { createMentionBuilder } from './mention-builder.js';

/** Where alerts print when a Slack notifier has no webhook URL, and the delivery's timing (tests). */
export interface AlertDeps {
  alertOutput?: (line: string) => void;
  alertDelivery?: Omit<DispatcherOptions, 'logger' | 'now'>;
}

export interface EmbeddedPipeline {
  driver: EmbeddedDriver;
  /** Runs the job catalog in this process (the driver's polls, retention). */
  runner: InProcessJobRunner;
  sources: SourceRuntime[];
  state: StateStore;
  /** Alert evaluation and delivery (the `evaluate-alerts` job calls it; `tick` and `flush` are the run's). */
  alerts: AlertEngine;
  /** Where the bundled sample feeds are served, when `samples.serve` is on. */
  samplesUrl: string | null;
  /** Deletes mentions older than `index.retention` (none when unset) and merges finished periods of the index; returns how many mentions were deleted. */
  applyRetention(): Promise<number>;
  close(): Promise<void>;
}

/** A configured source with its connector and interval bounds (its type was checked when the configuration loaded). */
export function runtimeOf(source: SourceConfig): SourceRuntime {
  const manifest = getManifest(source.type);
  if (!manifest) throw new Error(`unknown source type "${source.type}"`);
  const { minIntervalSeconds: min, maxIntervalSeconds: max, pollIntervalSeconds } = manifest.defaults;
  const initial = Math.min(max, Math.max(min, source.interval ?? pollIntervalSeconds));
  return { definition: toSourceDefinition(source), connector: manifest.create(), bounds: { min, max, initial } };
}

/**
 * Composition root of the embedded role: every stage in this process, wired to one index, one
 * state store (SQLite, beside the index file), one story memory and one fetcher, running the job
 * catalog through the in-process runner; serves the bundled sample feeds when `samples.serve` is
 * on. The caller owns `index`.
 */
export async function createEmbeddedPipeline(
  config: HubwatchConfig,
  deps: { index: MentionIndex; logger: Logger; clock: Clock; onReport?: (report: PollReport) => void; fetcher?: HttpFetcher; state?: StateStore } & AlertDeps,
): Promise<EmbeddedPipeline> {
  const { clock } = deps;
  const samples: SampleServer | null = config.samples.serve ? await startSampleServer({ port: config.samples.port, now: clock }) : null;
  try {
    return await compose(config, { ...deps, samples });
  } catch (error) {
    await samples?.close();
    throw error;
  }
}

async function compose(
  config: HubwatchConfig,
  deps: { index: MentionIndex; logger: Logger; clock: Clock; onReport?: (report: PollReport) => void; fetcher?: HttpFetcher; state?: StateStore; samples: SampleServer | null } & AlertDeps,
): Promise<EmbeddedPipeline> {
  const { index, logger, clock, samples } = deps;
  const fetcher = deps.fetcher ?? createHttpFetcher(config.fetch, { logger });
  const state = deps.state ?? new SqliteStateStore(config.index.sqlite.path);
  // The pool's threads read which items each source delivered from the state's file, when it is one.
  const seenFile = !deps.state && config.index.sqlite.path !== ':memory:' ? config.index.sqlite.path : undefined;
  const builder = await createMentionBuilder(config, index, clock(), seenFile ? { seenFile } : {});
  const sources = config.sources.filter((source) => source.enabled).map(runtimeOf);
  const applyRetention = retentionOf(config, index, clock, logger);
  const alerts = createAlerting(config, {
    index, state, store: new SqliteAlertStore(config.index.sqlite.path), logger, now: clock,
    write: deps.alertOutput ?? ((line) => process.stderr.write(`${line}\n`)),
    ...(deps.alertDelivery ? { dispatcher: deps.alertDelivery } : {}),
  });
  const handlers = createJobHandlers({
    sources: new Map(sources.map((source) => [source.definition.id, source])),
    poll: {
      state,
      index,
      now: clock,
      logger: logger.child({ component: 'poll' }),
      fetchContext: { fetcher, now: clock, ...(builder.feedParser ? { parseFeed: builder.feedParser } : {}) },
      ...(builder.feedParserFor ? { feedParserFor: builder.feedParserFor } : {}),
      builder,
    },
    applyRetention,
    alerts,
  });
  const runner = new InProcessJobRunner(handlers, { logger: logger.child({ component: 'jobs' }) });
  const driver = new EmbeddedDriver(sources, runner, async (sourceId) => (await state.get(sourceId)).nextPollAt, {
    concurrency: config.concurrency,
    logger,
    now: clock,
    ...(deps.onReport ? { onReport: deps.onReport } : {}),
  });
  return {
    driver,
    runner,
    sources,
    state,
    alerts,
    samplesUrl: samples?.url ?? null,
    async applyRetention() {
      const [outcome] = await runner.run({ key: 'applyRetention', payload: {} });
      if (outcome?.ok && outcome.key === 'applyRetention') return outcome.result.deleted;
      throw outcome && !outcome.ok ? outcome.error : new Error('retention did not run');
    },
    async close() {
      await alerts.close();
      await fetcher.close();
      await builder.close();
      if (!deps.state) await state.close();
      await samples?.close();
    },
  };
}
