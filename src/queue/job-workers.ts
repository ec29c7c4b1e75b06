import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../platform/logger.js';
import { QUEUES, type QueueName, type WorkerRole } from '../workers/job-catalog.js';
import { catalogBackoff } from './job-options.js';

export interface JobWorkersOptions {
  connection: Redis;
  prefix: string;
  roles: readonly WorkerRole[];
  /** Jobs run at once per queue of each role. */
  concurrency: Record<WorkerRole, number>;
  lockDurationMs: number;
  stalledIntervalMs: number;
  logger: Logger;
  /** Called when a job fails (for good when `final`): metrics and reports. */
  onFailed?(job: Job | undefined, error: Error, final: boolean): void;
  onCompleted?(job: Job, seconds: number): void;
  /** Jobs waiting in a queue (the watchdog's question); default: asks Redis. */
  waitingOf?(queue: QueueName): Promise<number>;
  /** How long a worker may take nothing while jobs wait before it is recreated. */
  watchdogMs?: number;
}

type Processor = (job: Job, token?: string) => Promise<unknown>;

interface Tracked {
  queue: QueueName;
  worker: Worker;
  lastTakenAt: number;
  /** Jobs this worker runs now. */
  running: number;
}

/**
 * BullMQ workers for the queues of some roles. Each takes jobs at its role's concurrency, with the
 * catalog's backoff, the stalled-job settings of its queue (a job survives `maxStalledCount`
 * crashes of its worker) and a lock renewed while it runs. A watchdog recreates a worker that took
 * nothing for a while although jobs wait: the known case of BullMQ workers that stop taking jobs
 * after a Redis reconnect.
 */
export class JobWorkers {
  private readonly tracked: Tracked[] = [];
  private watchdog: NodeJS.Timeout | undefined;
  private closing = false;

  constructor(private readonly options: JobWorkersOptions, private readonly processor: Processor) {}

  /** The queues these roles take. */
  queues(): QueueName[] {
    return (Object.keys(QUEUES) as QueueName[]).filter((name) => this.options.roles.includes(QUEUES[name].role));
  }

  start(): void {
    for (const queue of this.queues()) this.tracked.push({ queue, worker: this.createWorker(queue), lastTakenAt: Date.now(), running: 0 });
    const every = this.options.watchdogMs ?? Math.max(5_000, 2 * this.options.stalledIntervalMs);
    this.watchdog = setInterval(() => void this.checkLiveness(every), Math.max(1_000, Math.floor(every / 3)));
    this.watchdog.unref();
  }

  private createWorker(queue: QueueName): Worker {
    const { options } = this;
    const spec = QUEUES[queue];
    const started = new Map<string, number>();
    const worker = new Worker(queue, (job, token) => this.processor(job, token), {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency[spec.role],
      lockDuration: options.lockDurationMs,
      stalledInterval: options.stalledIntervalMs,
      maxStalledCount: spec.maxStalledCount,
      settings: { backoffStrategy: catalogBackoff },
      autorun: true,
    });
    const logger = options.logger.child({ queue });
    const entryOf = (): Tracked | undefined => this.tracked.find((t) => t.worker === worker);
    worker.on('active', (job) => {
      const entry = entryOf();
      if (entry) {
        entry.lastTakenAt = Date.now();
        entry.running++;
      }
      started.set(job.id ?? '', Date.now());
    });
    const ended = (id: string | undefined): void => {
      const entry = entryOf();
      if (entry && started.has(id ?? '')) entry.running = Math.max(0, entry.running - 1);
      started.delete(id ?? '');
    };
    worker.on('completed', (job) => {
      const at = started.get(job.id ?? '');
      ended(job.id);
      options.onCompleted?.(job, at === undefined ? 0 : (Date.now() - at) / 1000);
    });
    worker.on('failed', (job, error) => {
      ended(job?.id);
      // A DelayedError (backpressure) is not a failure; BullMQ does not emit it here.
      const final = !job || job.finishedOn !== undefined || job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === 'UnrecoverableError';
      logger[final ? 'error' : 'warn']({ jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: error }, final ? 'job failed' : 'job failed; will retry');
      options.onFailed?.(job, error, final);
    });
    worker.on('stalled', (jobId) => logger.warn({ jobId }, 'job stalled (its worker stopped); another try follows'));
    let lastErrorLog = 0;
    worker.on('error', (error) => {
      // Connection errors repeat while Redis is down: log one every 10 s.
      if (Date.now() - lastErrorLog < 10_000) return;
      lastErrorLog = Date.now();
      logger.warn({ err: error }, 'queue worker error (retrying the connection)');
    });
    return worker;
  }

  private async checkLiveness(idleMs: number): Promise<void> {
    if (this.closing) return;
    for (const entry of this.tracked) {
      if (Date.now() - entry.lastTakenAt < idleMs || entry.running > 0 || !entry.worker.isRunning()) continue;
      let waiting: number;
      try {
        waiting = this.options.waitingOf ? await this.options.waitingOf(entry.queue) : 0;
      } catch {
        continue; // Redis down: nothing to decide yet.
      }
      if (waiting === 0 || this.closing) continue;
      this.options.logger.warn({ queue: entry.queue, waiting }, 'a worker took no job for a while although jobs wait: recreating it');
      const stale = entry.worker;
      entry.worker = this.createWorker(entry.queue);
      entry.lastTakenAt = Date.now();
      entry.running = 0;
      // Its jobs under way keep their locks until they end; it takes no new ones.
      void stale.close().catch(() => undefined);
    }
  }

  /**
   * Stops taking jobs and waits for those under way, at most `deadlineMs`; what is still running
   * then is abandoned (its lock lapses and another worker takes it over as stalled).
   */
  async close(deadlineMs: number): Promise<{ drained: boolean }> {
    this.closing = true;
    clearInterval(this.watchdog);
    const closing = Promise.all(this.tracked.map((t) => t.worker.close()));
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      closing.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), deadlineMs))),
    ]);
    clearTimeout(timer);
    if (!drained) {
      this.options.logger.warn({ deadlineMs }, 'jobs still running at the drain deadline: leaving them to be taken over');
      // Not awaited: a forced close still waits for the job's promise, which may never settle.
      for (const t of this.tracked) void t.worker.close(true).catch(() => undefined);
    }
    return { drained };
  }
}
