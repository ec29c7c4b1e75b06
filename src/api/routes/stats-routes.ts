import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { planFilters } from '../../app/mention-filters.js';
import { computeStats, type StatsReport, type StatsResult } from '../../app/stats-service.js';
import { ResultCache } from '../../app/result-cache.js';
import { topStoriesReport } from '../../app/stories-service.js';
import type { ApiDeps } from '../api-deps.js';
import { filtersSchema, withErrors } from '../schemas.js';

const timeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'not an IANA time zone (e.g. Europe/Paris)')
  .default('UTC');

const bucketed = filtersSchema.extend({ interval: z.enum(['day', 'week', 'month']).default('day'), tz: timeZone });
const ranked = filtersSchema.extend({ limit: z.coerce.number().int().min(1).max(100).default(20) });

const count = z.number().int();
const termRows = z.array(z.object({ key: z.string(), name: z.string().optional(), count }));

/** The result of one report (the service returns the union). */
type ResultOf<R extends StatsReport> = Extract<StatsResult, { report: R }> extends never ? Extract<StatsResult, { report: 'sources' | 'authors' }> & { report: R } : Extract<StatsResult, { report: R }>;

/** Stats default to the last 30 days, like `hubwatch stats`. */
const DEFAULT_FROM = '30d';

/** Stats are kept this long: a dashboard opened by the whole team costs one aggregation a minute. */
const STATS_TTL_MS = 30_000;
const MINUTE_MS = 60_000;

/**
 * `GET /api/stats/*`: the aggregations of `hubwatch stats` plus the biggest stories, over the
 * filters. Answers are cached for 30 s by their resolved scope; relative windows (`30d`, the default)
 * are cut at the next whole minute, so the same view asked twice within a minute is one key.
 */
export function statsRoutes(deps: Pick<ApiDeps, 'index' | 'clock' | 'config'>): FastifyPluginAsyncZod {
  return async (app) => {
    const cache = new ResultCache<unknown>({ ttlMs: STATS_TTL_MS, maxEntries: 500, clock: deps.clock });
    const minute = (): Date => new Date(Math.ceil(deps.clock().getTime() / MINUTE_MS) * MINUTE_MS);
    const cached = <T>(key: unknown[], compute: () => Promise<T>): Promise<T> => cache.get(JSON.stringify(key), compute) as Promise<T>;
    const run = async <R extends StatsReport>(report: R, filters: z.infer<typeof filtersSchema>, options: { interval?: 'day' | 'week' | 'month'; tz?: string; limit?: number }): Promise<ResultOf<R>> => {
      const now = minute();
      const scope = planFilters(filters, now, { defaultFrom: DEFAULT_FROM });
      const window = { from: scope.from!, to: scope.to ?? now };
      const input = { report, window, interval: options.interval ?? 'day', timeZone: options.tz ?? 'UTC', limit: options.limit ?? 20 } as const;
      return cached([input, scope.query], async () => (await computeStats(deps.index, deps.config.watchlist, { input, query: scope.query })) as ResultOf<R>);
    };
    app.get('/api/stats/volume', {
      schema: { tags: ['stats'], summary: 'mentions per day, week or month', querystring: bucketed, response: withErrors({ 200: z.object({ report: z.literal('volume'), rows: z.array(z.object({ key: z.string(), count })) }) }) },
    }, async (request) => {
      const { interval, tz, ...filters } = request.query;
      return run('volume', filters, { interval, tz });
    });
    app.get('/api/stats/sentiment', {
      schema: {
        tags: ['stats'], summary: 'sentiment counts per day, week or month', querystring: bucketed,
        response: withErrors({ 200: z.object({ report: z.literal('sentiment'), rows: z.array(z.object({ key: z.string(), positive: count, neutral: count, negative: count, unscored: count })) }) }),
      },
    }, async (request) => {
      const { interval, tz, ...filters } = request.query;
      return run('sentiment', filters, { interval, tz });
    });
    app.get('/api/stats/share-of-voice', {
      schema: {
        tags: ['stats'], summary: "each watched brand's mentions and share", querystring: filtersSchema,
        response: withErrors({ 200: z.object({ report: z.literal('sov'), rows: z.array(z.object({ key: z.string(), name: z.string().optional(), count, share: z.number() })), total: count }) }),
      },
    }, async (request) => run('sov', request.query, {}));
    for (const report of ['sources', 'authors'] as const) {
      app.get(`/api/stats/${report}`, {
        schema: { tags: ['stats'], summary: `top ${report} by mentions`, querystring: ranked, response: withErrors({ 200: z.object({ report: z.literal(report), rows: termRows }) }) },
      }, async (request) => {
        const { limit, ...filters } = request.query;
        return run(report, filters, { limit });
      });
    }
    app.get('/api/stats/stories', {
      schema: {
        tags: ['stats'], summary: 'the biggest stories (near-duplicate clusters)', querystring: ranked,
        response: withErrors({ 200: z.object({ report: z.literal('stories'), rows: z.array(z.object({ storyId: z.string(), title: z.string(), size: count, firstPublishedAt: z.string(), originId: z.string() })) }) }),
      },
    }, async (request) => {
      const { limit, ...filters } = request.query;
      const scope = planFilters(filters, minute(), { defaultFrom: DEFAULT_FROM });
      return cached(['stories', scope, limit], () => topStoriesReport(deps.index, scope, limit));
    });
  };
}
