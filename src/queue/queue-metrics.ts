import { createServer, type Server } from 'node:http';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Queue } from 'bullmq';
import type { Logger } from '../platform/logger.js';
import { withDeadline } from './redis-connection.js';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'] as const;

/**
 * The metrics of one worker process in their own registry (never prom-client's global one):
 * queue depth by state, jobs completed and failed (by reason), stage durations, fetch outcomes,
 * and index lag (a mention's publication to when it is searchable).
 */
export class QueueMetrics {
  readonly registry = new Registry();
  private readonly completed: Counter<'job'>;
  private readonly failed: Counter<'job' | 'reason' | 'final'>;
  private readonly durations: Histogram<'job'>;
  private readonly fetches: Counter<'outcome'>;
  private readonly lag: Histogram;
  private readonly deferred: Counter;

  constructor(queues: () => readonly Queue[]) {
    const registers = [this.registry];
    new Gauge({
      name: 'hubwatch_queue_jobs',
      help: 'Jobs in each queue by state',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        for (const queue of queues()) {
          // A Redis that is away must not hang the scrape: the scrape fails instead.
          const counts = await withDeadline(queue.getJobCounts(...QUEUE_STATES), 2_000, () => new Error('Redis did not answer within 2 s'));
          for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      },
    });
    this.completed = new Counter({ name: 'hubwatch_jobs_completed_total', help: 'Jobs completed, by job name', labelNames: ['job'], registers });
    this.failed = new Counter({
      name: 'hubwatch_jobs_failed_total',
      help: 'Job tries that failed, by job name and reason; final="true" when no try follows',
      labelNames: ['job', 'reason', 'final'],
      registers,
    });
    this.durations = new Histogram({
      name: 'hubwatch_job_duration_seconds',
      help: 'Time a job (a pipeline stage) ran, by job name',
      labelNames: ['job'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
    this.fetches = new Counter({ name: 'hubwatch_fetch_outcomes_total', help: 'Polls by outcome (ok, not-modified, error)', labelNames: ['outcome'], registers });
    this.lag = new Histogram({
      name: 'hubwatch_index_lag_seconds',
      help: 'From a mention’s publication to when it is searchable (newly indexed mentions)',
      buckets: [1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 86_400, 7 * 86_400],
      registers,
    });
    this.deferred = new Counter({ name: 'hubwatch_polls_deferred_total', help: 'Polls deferred because too many batches wait for enrichment', registers });
  }

  jobCompleted(job: string, seconds: number): void {
    this.completed.inc({ job });
    this.durations.observe({ job }, seconds);
  }

  jobFailed(job: string, reason: string, final: boolean): void {
    this.failed.inc({ job, reason, final: String(final) });
  }

  fetchOutcome(outcome: string): void {
    this.fetches.inc({ outcome });
  }

  pollDeferred(): void {
    this.deferred.inc();
  }

  /** One newly searchable mention published at `publishedAt`. */
  indexLag(publishedAt: string, now: number): void {
    const at = Date.parse(publishedAt);
    if (Number.isFinite(at)) this.lag.observe(Math.max(0, (now - at) / 1000));
  }
}

/** Serves `registry` at GET /metrics on `port` (all interfaces: a scraper reaches it from outside a container). */
export async function serveMetrics(registry: Registry, port: number, logger: Logger): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try GET /metrics\n');
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body),
      (error: unknown) => {
        logger.warn({ err: error }, 'metrics could not be collected');
        res.writeHead(503, { 'content-type': 'text/plain' }).end('metrics unavailable (is Redis reachable?)\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
