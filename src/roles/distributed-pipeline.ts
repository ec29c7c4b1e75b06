import { availableParallelism } from 'node:os';
import type { Job } from 'bullmq';
import type { AlertEngine } from '../alerts/alert-engine.js';
import { createAlerting } from '../alerts/create-alerting.js';
import type { HubwatchConfig } from '../config/schema.js';
import { HubwatchError } from '../core/errors.js';
import { createHttpFetcher } from '../connectors/http/create-http-fetcher.js';
import type { HttpFetcher } from '../connectors/http/http-fetcher.js';
import type { MentionIndex } from '../index/mention-index.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import { JobQueues } from '../queue/job-queues.js';
import type { FinishedJob } from '../queue/job-processor.js';
import { PermanentJobError, createJobProcessor } from '../queue/job-processor.js';
import { JobWorkers } from '../queue/job-workers.js';
import { PollBackpressure } from '../queue/backpressure.js';
import { QueueMetrics, serveMetrics } from '../queue/queue-metrics.js';
import { connectQueueRedis } from '../queue/redis-connection.js';
import { checkRedisHealth, redactRedisUrl } from '../queue/redis-health.js';
import { SourceScheduler } from '../queue/source-scheduler.js';
import { startSampleServer, type SampleServer } from '../samples/sample-server.js';
import { SqliteAlertStore } from '../state/sqlite-alert-store.js';
import { JOBS, jobKeyOf, type WorkerRole } from '../workers/job-catalog.js';
import { createJobHandlers } from '../workers/job-handlers.js';
import { emptyReport, type PollReport, type SourceRuntime } from '../workers/poll-types.js';
import type { AlertDeps } from './embedded-pipeline.js';
import { runtimeOf } from './embedded-pipeline.js';
import { openSharedAdapters } from './distributed-adapters.js';
import { createMentionBuilder, type MentionBuilder } from './mention-builder.js';
import { missingInRole, pollCompletion, retentionOf } from './distributed-support.js';

/** How long a deferred poll waits before it looks at the enrich queue again. */
const DEFER_MS = 5_000;
/** The maintenance scheduler's id and cadence. */
const RETENTION_SCHEDULER = 'retention-hourly';
/** The windowed alert rules' scheduler id, and its default cadence (the embedded run's timer's). */
const WINDOWED_ALERTS_SCHEDULER = 'alerts-windowed';
const WINDOWED_ALERTS_EVERY_MS = 30_000;

export interface DistributedDeps extends AlertDeps {
  roles: readonly WorkerRole[];
  /** The index; required with the enrich role (the caller owns it). */
  index?: MentionIndex;
  logger: Logger;
  clock: Clock;
  onReport?: (report: PollReport) => void;
  fetcher?: HttpFetcher;
  /** Jobs at once per queue, for every role of this process (overrides the configuration). */
  concurrency?: number;
  /** Overrides `queue.metricsPort`. */
  metricsPort?: number;
  /** How often the windowed alert rules are evaluated (default 30 s). */
  windowedAlertsEveryMs?: number;
}

/** A process's share of the distributed mode: the roles it takes, driven like the embedded pipeline. */
export interface DistributedPipeline {
  roles: readonly WorkerRole[];
  sources: SourceRuntime[];
  driver: { runOnce(): Promise<PollReport[]>; runForever(signal: AbortSignal): Promise<void> };
  applyRetention(): Promise<number>;
  alerts?: AlertEngine;
  /**
   * True: the windowed alert rules are evaluated by a job one scheduler adds to the alert queue
   * (so one process, not each, evaluates a tick); a long-running caller keeps no timer of its own.
   */
  windowedAlertsScheduled: true;
  samplesUrl: string | null;
  /** Where `/metrics` is served, or null. */
  metricsPort: number | null;
  queues: JobQueues;
  close(): Promise<void>;
}

/** The reason a failed try carries (for metrics and reports). */
export function failureReason(error: Error): string {
  if (error instanceof PermanentJobError || error instanceof HubwatchError) return error.reason;
  if (/stalled more than allowable limit/.test(error.message)) return 'stalled';
  return 'error';
}

/**
 * Composition root of a worker process in distributed mode: the job catalog on BullMQ queues in
 * Redis (`queue.redisUrl`), taking the jobs of `roles`. The fetch role schedules the sources (one
 * job scheduler each), polls them and serves the bundled samples when `samples.serve` is on; the
 * enrich role enriches and indexes batches, evaluates alerts and applies retention.
 */
export async function createDistributedPipeline(config: HubwatchConfig, deps: DistributedDeps): Promise<DistributedPipeline> {
  const { logger, clock, roles } = deps;
  const url = config.queue.redisUrl;
  if (!url) throw new Error('the distributed mode needs queue.redisUrl or REDIS_URL');
  const timeoutMs = config.queue.connectTimeout * 1000;
  const redis = await connectQueueRedis(url, timeoutMs);
  const cleanup: (() => Promise<unknown>)[] = [async () => redis.quit().catch(() => redis.disconnect())];
  const closeAll = async (): Promise<void> => {
    for (const step of cleanup.splice(0).reverse()) await step().catch((error: unknown) => logger.warn({ err: error }, 'closing failed'));
  };
  try {
    for (const problem of await checkRedisHealth(redis)) logger.warn({ redis: redactRedisUrl(url) }, `WARNING: ${problem}`);
    const fetchRole = roles.includes('fetch');
    const enrichRole = roles.includes('enrich');
    if (enrichRole && !deps.index) throw new Error('the enrich role needs an index');
    const samples: SampleServer | null = fetchRole && config.samples.serve ? await startSampleServer({ port: config.samples.port, now: clock }) : null;
    if (samples) cleanup.push(() => samples.close());
    const adapters = openSharedAdapters(config, redis, config.queue.prefix);
    cleanup.push(() => adapters.close());
    const fetcher = deps.fetcher ?? createHttpFetcher(config.fetch, { logger, politeness: adapters.politeness });
    if (!deps.fetcher) cleanup.push(() => fetcher.close());
    const index = deps.index ?? missingInRole<MentionIndex>('the index', 'enrich');
    let builder: MentionBuilder | null = null;
    if (enrichRole) {
      builder = await createMentionBuilder(config, index, clock(), { stories: adapters.stories() });
      const built = builder;
      cleanup.push(() => built.close());
    }
    const alerts = enrichRole
      ? createAlerting(config, {
          index, state: adapters.state, store: new SqliteAlertStore(config.index.sqlite.path), logger, now: clock,
          write: deps.alertOutput ?? ((line) => process.stderr.write(`${line}\n`)),
          ...(deps.alertDelivery ? { dispatcher: deps.alertDelivery } : {}),
        })
      : undefined;
    if (alerts) cleanup.push(() => alerts.close());
    const sources = config.sources.filter((source) => source.enabled).map(runtimeOf);
    const applyRetention = retentionOf(config, index, clock, logger);
    const handlers = createJobHandlers({
      sources: new Map(sources.map((source) => [source.definition.id, source])),
      poll: {
        state: adapters.state, index, now: clock, logger: logger.child({ component: 'poll' }),
        fetchContext: { fetcher, now: clock, ...(builder?.feedParser ? { parseFeed: builder.feedParser } : {}) },
        ...(builder?.feedParserFor ? { feedParserFor: builder.feedParserFor } : {}),
        builder: builder ?? missingInRole('the enrich stage', 'enrich'),
      },
      applyRetention,
      alerts: alerts ?? missingInRole('alert evaluation', 'enrich'),
    });
    const queues = new JobQueues({ connection: redis, prefix: config.queue.prefix, timeoutMs, redisUrl: url });
    cleanup.push(() => queues.close());
    const scheduler = new SourceScheduler(queues.byName.fetch, { logger, timeoutMs, redisUrl: url });
    const metrics = new QueueMetrics(() => queues.all());
    const completion = pollCompletion();
    let scheduling = false;
    const pollFinished = async (report: PollReport): Promise<void> => {
      metrics.fetchOutcome(report.outcome);
      if (scheduling) await scheduler.reschedule(report.sourceId, report.nextPollAt);
      deps.onReport?.(report);
      completion.finished(report);
    };
    const onFinished = async (finished: FinishedJob): Promise<void> => {
      if (finished.key === 'fetchSource' && finished.result.kind === 'done') await pollFinished(finished.result.report);
      if (finished.key === 'indexBatch') {
        const indexed = new Set(finished.result.indexedIds);
        const now = clock().getTime();
        for (const item of (finished.payload as { batch: { items: { id: string; publishedAt: string }[] } }).batch.items) {
          if (indexed.has(item.id)) metrics.indexLag(item.publishedAt, now);
        }
        await pollFinished(finished.result);
      }
    };
    const onFailed = (job: Job | undefined, error: Error, final: boolean): void => {
      metrics.jobFailed(job?.name ?? 'unknown', failureReason(error), final);
      const key = job ? jobKeyOf(job.name) : undefined;
      if (!final || !job || (key !== 'fetchSource' && key !== 'indexBatch')) return;
      const data = job.data as { sourceId?: string; batch?: { sourceId?: string } };
      const sourceId = data.sourceId ?? data.batch?.sourceId ?? '';
      const report: PollReport = { ...emptyReport(sourceId), outcome: 'error', error: error.message, nextPollAt: '' };
      deps.onReport?.(report);
      completion.finished(report);
    };
    const stopping = new AbortController();
    const backpressure = new PollBackpressure(() => queues.byName.enrich.getWaitingCount(), { highWater: config.queue.highWater, deferMs: DEFER_MS });
    const processor = createJobProcessor({
      handlers,
      enqueue: (requests) => queues.addAll(requests),
      onFinished,
      deferPoll: async () => {
        const ms = await backpressure.deferBy();
        if (ms > 0) metrics.pollDeferred();
        return ms;
      },
      stopping: stopping.signal,
      logger,
    });
    const concurrency = {
      fetch: deps.concurrency ?? config.queue.fetchConcurrency,
      enrich: deps.concurrency ?? (config.queue.enrichConcurrency || availableParallelism()),
    };
    const workers = new JobWorkers(
      {
        connection: redis, prefix: config.queue.prefix, roles, concurrency,
        lockDurationMs: config.queue.lockDuration * 1000, stalledIntervalMs: config.queue.stalledInterval * 1000,
        logger: logger.child({ component: 'queue' }),
        onFailed,
        onCompleted: (job, seconds) => metrics.jobCompleted(job.name, seconds),
        waitingOf: (queue) => queues.byName[queue].getWaitingCount(),
      },
      processor,
    );
    const metricsPort = deps.metricsPort ?? config.queue.metricsPort;
    const metricsServer = metricsPort > 0 ? await serveMetrics(metrics.registry, metricsPort, logger) : null;
    if (metricsServer) cleanup.push(() => metricsServer.close());
    let started = false;
    const drainMs = config.queue.drainTimeout * 1000;
    const startWorkers = (): void => {
      if (started) return;
      started = true;
      workers.start();
      cleanup.push(() => stopWorkers());
    };
    // Jobs under way get the whole drain deadline; only what still runs after it is told to stop.
    const stopWorkers = async (): Promise<void> => {
      if (!started) return;
      started = false;
      const { drained } = await workers.close(drainMs);
      if (!drained) stopping.abort(new Error('the worker is stopping'));
      logger.info({ drained }, 'queue workers stopped');
    };
    return {
      roles,
      sources,
      samplesUrl: samples?.url ?? null,
      metricsPort: metricsServer?.port ?? null,
      queues,
      ...(alerts ? { alerts } : {}),
      windowedAlertsScheduled: true,
      applyRetention,
      driver: {
        async runOnce() {
          if (!fetchRole || !enrichRole) throw new Error('a single round needs both roles in this process');
          const reports = completion.expect(sources.map((source) => source.definition.id));
          startWorkers();
          const at = Date.now();
          for (const source of sources) await queues.add({ key: 'fetchSource', payload: { sourceId: source.definition.id } }, { jobId: `once-${source.definition.id}-${at}` });
          const done = await reports;
          await stopWorkers();
          return done;
        },
        async runForever(signal) {
          startWorkers();
          if (fetchRole) {
            const states = new Map((await adapters.state.all()).map((state) => [state.sourceId, state]));
            await scheduler.sync(sources.map((source) => {
              const state = states.get(source.definition.id);
              return { sourceId: source.definition.id, intervalSeconds: state?.intervalSeconds ?? source.bounds.initial, nextPollAt: state?.nextPollAt ?? null };
            }));
            scheduling = true;
          }
          if (enrichRole) {
            // Hourly upkeep: retention when set, and merging the index's finished months.
            await queues.byName.maintenance.upsertJobScheduler(RETENTION_SCHEDULER, { every: 3_600_000 }, { name: JOBS.applyRetention.name, data: {} });
            const every = deps.windowedAlertsEveryMs ?? WINDOWED_ALERTS_EVERY_MS;
            await queues.byName.alert.upsertJobScheduler(WINDOWED_ALERTS_SCHEDULER, { every }, { name: JOBS.evaluateWindowedAlerts.name, data: {} });
          }
          logger.info({ roles, concurrency, prefix: config.queue.prefix }, 'queue workers started');
          if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
          await stopWorkers();
          scheduling = false;
        },
      },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
