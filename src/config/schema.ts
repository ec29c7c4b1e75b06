import { z } from 'zod';
import { CHANNELS } from '../core/mention.js';
import { stakeholderSchema } from './stakeholders.js';
import { alertRuleSchema } from './alert-rules.js';
import { durationSchema } from './duration.js';
import { apiToken } from './environment.js';
import { watchlistSchema } from './watchlist.js';

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, "-" or "_" (e.g. "le-monde")');

const httpUrl = z.string().refine((value) => {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}, 'must be an http(s) URL');

export { durationSchema };

/** A duration that must be above zero (a timeout of 0 would fail every fetch at once). */
export const positiveDurationSchema = durationSchema.refine((seconds) => seconds > 0, 'must be above 0');

/** One source to poll. `options` are validated by the source type's manifest. */
export const sourceSchema = z.strictObject({
  id: idSchema,
  type: z.string().min(1),
  name: z.string().optional(),
  url: httpUrl.optional(),
  channel: z.enum(CHANNELS).optional(),
  /** Reach weight: tier 1 (national media) to 3 (niche), unless `audience` gives a figure. */
  tier: z.literal([1, 2, 3]).optional(),
  audience: z.number().nonnegative().optional(),
  /** Poll interval; adapts between the type's bounds. */
  interval: durationSchema.optional(),
  enabled: z.boolean().default(true),
  options: z.record(z.string(), z.unknown()).default({}),
});
export type SourceConfig = z.infer<typeof sourceSchema>;

const allowEntrySchema = z
  .strictObject({
    /** A host name or IP literal (`feeds.intranet.example`, `127.0.0.1`). */
    host: z.string().min(1).optional(),
    /** A network in CIDR notation (`10.1.0.0/16`). */
    cidr: z.string().min(1).optional(),
    /** Ports opened for this entry (default: any port). */
    ports: z.array(z.number().int().min(1).max(65535)).optional(),
  })
  .refine((entry) => entry.host !== undefined || entry.cidr !== undefined, 'needs a host or a cidr');

export const fetchSchema = z
  .strictObject({
    userAgent: z.string().default('hubwatch/0.1 (+https://github.com/hubwatch/hubwatch; media monitoring)'),
    timeout: positiveDurationSchema.default(20),
    maxBytes: z.number().int().positive().default(15 * 1024 * 1024),
    maxRedirects: z.number().int().min(0).max(10).default(5),
    /** Private, loopback or on-premise addresses opened on purpose (refused by default). */
    allow: z.array(allowEntrySchema).default([]),
    perHost: z
      .strictObject({ concurrency: z.number().int().positive().default(2), minDelay: durationSchema.default(1) })
      .default({ concurrency: 2, minDelay: 1 }),
  })
  .default({
    userAgent: 'hubwatch/0.1 (+https://github.com/hubwatch/hubwatch; media monitoring)',
    timeout: 20,
    maxBytes: 15 * 1024 * 1024,
    maxRedirects: 5,
    allow: [],
    perHost: { concurrency: 2, minDelay: 1 },
  });

export const notifierSchema = z.discriminatedUnion('type', [
  /** Slack incoming webhook; an empty `webhookUrl` prints the messages on the console instead. */
  z.strictObject({ id: idSchema, type: z.literal('slack'), webhookUrl: z.union([httpUrl, z.literal('')]) }),
  /** Generic JSON webhook; with `secret`, the body is signed (HMAC-SHA256, timestamped). */
  z.strictObject({ id: idSchema, type: z.literal('webhook'), url: httpUrl, secret: z.string().min(16, 'use at least 16 characters').optional() }),
]);

export { alertRuleSchema };

export const indexSchema = z
  .strictObject({
    sqlite: z.strictObject({ path: z.string().min(1).default('data/hubwatch.db') }).default({ path: 'data/hubwatch.db' }),
    elasticsearch: z
      .strictObject({
        url: httpUrl,
        username: z.string().optional(),
        password: z.string().optional(),
        apiKey: z.string().optional(),
        indexPrefix: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/).default('hubwatch'),
      })
      .optional(),
    /** Mentions older than this are deleted (retention); unset keeps everything. */
    retention: durationSchema.optional(),
  })
  .default({ sqlite: { path: 'data/hubwatch.db' } });

const redisUrl = z.string().refine((value) => {
  try {
    const { protocol } = new URL(value);
    return protocol === 'redis:' || protocol === 'rediss:';
  } catch {
    return false;
  }
}, 'must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379');

/** Seconds above zero, as a duration. */
const positiveSeconds = (fallback: number) => positiveDurationSchema.default(fallback);

/**
 * The distributed mode (docs/distributed.md). Without `redisUrl` (nor `REDIS_URL`) everything runs
 * embedded, in one process; with it, `run` and `worker` run the job catalog on BullMQ queues.
 */
export const queueSchema = z
  .strictObject({
    /** Redis for the queues; unset keeps the embedded mode. `REDIS_URL` overrides it. */
    redisUrl: redisUrl.optional(),
    /** Key prefix of every queue in Redis (several deployments can share one Redis). */
    prefix: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case, without ":"').default('hubwatch'),
    /** Waiting `index-batch` jobs past which polls are deferred (not dropped) until the enrich workers catch up. */
    highWater: z.number().int().positive().default(200),
    /** Sources polled at once by a process with the fetch role (`--concurrency` overrides it). */
    fetchConcurrency: z.number().int().positive().max(1024).default(16),
    /** Batches enriched at once by a process with the enrich role; 0 = one per CPU core. */
    enrichConcurrency: z.number().int().min(0).max(256).default(0),
    /** Port of the Prometheus `/metrics` of each worker process; 0 = off. */
    metricsPort: z.number().int().min(0).max(65535).default(0),
    /** A worker that holds a job and stops renewing its lock this long (it died) loses the job to another. */
    lockDuration: positiveSeconds(30),
    /** How often workers look for jobs whose worker died (stalled jobs). */
    stalledInterval: positiveSeconds(30),
    /** How long SIGTERM waits for jobs under way before the process exits (the rest are taken over as stalled). */
    drainTimeout: positiveSeconds(25),
    /** How long a connection or an enqueue may wait for Redis before it is an error. */
    connectTimeout: positiveSeconds(5),
  })
  .default({
    prefix: 'hubwatch', highWater: 200, fetchConcurrency: 16, enrichConcurrency: 0, metricsPort: 0,
    lockDuration: 30, stalledInterval: 30, drainTimeout: 25, connectTimeout: 5,
  });

export const samplesSchema = z
  .strictObject({
    /** Serve the bundled sample feeds on loopback (the out-of-the-box demo). */
    serve: z.boolean().default(false),
    port: z.number().int().min(1).max(65535).default(4719),
  })
  .default({ serve: false, port: 4719 });

/**
 * Enrichment: the trained sentiment layers (docs/enrichment.md; each is derived from data under terms
 * of its own, README beside its file in resources/lexicons; false scores that language by its rules
 * alone) and the worker threads it runs on.
 */
export const enrichSchema = z
  .strictObject({
    /** French layer fitted on DEFT 2017 tweets and Allociné reviews. */
    frenchModel: z.boolean().default(true),
    /** English layer fitted on SemEval 2017 tweets: off by default, it lowers the VADER sets' figures. */
    englishModel: z.boolean().default(false),
    /**
     * Worker threads that enrich in `run` and `import`: `auto` (one per core available but one, none on a
     * single core), a number, or 0 to enrich on the main thread.
     */
    workers: z.union([z.literal('auto'), z.number().int().min(0).max(64)]).default('auto'),
  })
  .default({ frenchModel: true, englishModel: false, workers: 'auto' });

/**
 * The HTTP API and page (`hubwatch serve`, `npm start`). Tokens give a role; HUBWATCH_ADMIN_TOKEN and
 * HUBWATCH_VIEWER_TOKEN add to them. With none at all, the server makes a one-time admin token.
 */
export const apiSchema = z
  .strictObject({
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(8787),
    /** Write `token: \${VAR}` to keep a token out of the file. */
    tokens: z.array(z.strictObject({ role: z.enum(['admin', 'viewer']), token: apiToken, name: z.string().optional() })).default([]),
    /** `/metrics` without a token (for a scraper on a private network). */
    metricsPublic: z.boolean().default(false),
    /** How long a page login lasts without use. */
    sessionTtl: positiveDurationSchema.default(12 * 3600),
    rateLimit: z
      .strictObject({
        /** Requests per minute per token or session. */
        perMinute: z.number().int().positive().default(600),
        /** Login attempts per minute per client address. */
        loginPerMinute: z.number().int().positive().default(20),
      })
      .default({ perMinute: 600, loginPerMinute: 20 }),
  })
  .default({ host: '127.0.0.1', port: 8787, tokens: [], metricsPublic: false, sessionTtl: 12 * 3600, rateLimit: { perMinute: 600, loginPerMinute: 20 } });

export const configSchema = z.strictObject({
  sources: z.array(sourceSchema).default([]),
  watchlist: watchlistSchema,
  /** Relays of the media sphere for workshop pre-reads (docs/reports.md); unlisted = external. */
  stakeholders: z.array(stakeholderSchema).default([]),
  notifiers: z.array(notifierSchema).default([]),
  alerts: z.array(alertRuleSchema).default([]),
  index: indexSchema,
  queue: queueSchema,
  fetch: fetchSchema,
  samples: samplesSchema,
  enrich: enrichSchema,
  api: apiSchema,
  /** How many sources are polled at once in embedded mode. */
  concurrency: z.number().int().positive().max(256).default(8),
  log: z.strictObject({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') }).default({ level: 'info' }),
});

export type HubwatchConfig = z.infer<typeof configSchema>;
export type FetchConfig = z.infer<typeof fetchSchema>;
export type IndexConfig = z.infer<typeof indexSchema>;
export type QueueConfig = z.infer<typeof queueSchema>;
export type EnrichConfig = z.infer<typeof enrichSchema>;
export type ApiConfig = z.infer<typeof apiSchema>;
