import type { AlertEngine } from '../alerts/alert-engine.js';
import { createAlerting } from '../alerts/create-alerting.js';
import type { DispatcherOptions } from '../alerts/delivery/dispatcher.js';
import type { HubwatchConfig, SourceConfig } from '../config/schema.js';
import { createHttpFetcher } from '../connectors/http/create-http-fetcher.js';
import type { HttpFetcher } from '../connectors/http/http-fetcher.js';
import { getManifest, toSourceDefinition } from '../connectors/registry.js';
import { createEnricher } from '../enrich/create-enricher.js';
import { createInProcessStoryMemory } from '../enrich/in-process-story-memory.js';
import type { StoryMember, StoryMemory } from '../enrich/story-memory.js';
import { computeReach } from '../enrich/reach.js';
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

/** How far back the story memory is rebuilt at start. */
const STORY_MEMORY_DAYS = 14;
/** Members taught to the story memory per call while it is rebuilt. */
const REMEMBER_BATCH = 5_000;

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
  /** Deletes mentions older than `index.retention` (no-op when unset); returns how many. */
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

async function rebuildStoryMemory(stories: StoryMemory, index: MentionIndex, since: Date): Promise<void> {
  let members: StoryMember[] = [];
  for await (const record of index.signaturesSince(since)) {
    members.push(record);
    if (members.length >= REMEMBER_BATCH) {
      await stories.remember(members);
      members = [];
    }
  }
  if (members.length > 0) await stories.remember(members);
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
  const fetcher = deps.fetcher ?? createHttpFetcher(config.fetch, { logger: logger.child({ component: 'fetch' }) });
  const state = deps.state ?? new SqliteStateStore(config.index.sqlite.path);
  const enricher = createEnricher(config.watchlist);
  const stories = createInProcessStoryMemory();
  await rebuildStoryMemory(stories, index, new Date(clock().getTime() - STORY_MEMORY_DAYS * 86_400_000));
  const sources = config.sources.filter((source) => source.enabled).map(runtimeOf);
  const reachBySource = new Map(config.sources.map((s) => [s.id, { ...(s.tier ? { tier: s.tier } : {}), ...(s.audience !== undefined ? { audience: s.audience } : {}) }]));
  const applyRetention = async (): Promise<number> => {
    if (config.index.retention === undefined) return 0;
    const deleted = await index.deleteOlderThan(new Date(clock().getTime() - config.index.retention * 1000));
    if (deleted > 0) logger.info({ deleted, retentionSeconds: config.index.retention }, 'retention applied');
    return deleted;
  };
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
      fetchContext: { fetcher, now: clock },
      builder: { enricher, stories, reachOf: (item) => computeReach(reachBySource.get(item.sourceId) ?? {}, item.audience) },
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
      await stories.close();
      if (!deps.state) await state.close();
      await samples?.close();
    },
  };
}
