import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { testSource } from '../../app/source-test-service.js';
import { listSources } from '../../app/sources-service.js';
import { NotFoundError } from '../../core/errors.js';
import type { ApiDeps } from '../api-deps.js';
import { requireAdmin } from '../auth/authenticate.js';
import { withErrors } from '../schemas.js';

const sourceSchema = z
  .object({
    id: z.string(), type: z.string(), name: z.string(), url: z.string().nullable(), enabled: z.boolean(), status: z.string(),
    lastPollAt: z.string().nullable(), lastSuccessAt: z.string().nullable(), lastErrorAt: z.string().nullable(), lastError: z.string().nullable(),
    consecutiveFailures: z.number().int(), intervalSeconds: z.number().nullable(), nextPollAt: z.string().nullable(), itemsPerDay: z.number(),
    itemsTotal: z.number(), configuredIntervalSeconds: z.number().nullable(), intervalSetBySource: z.boolean(),
    sourceAskedSeconds: z.number().nullable().describe('seconds the source asked to be left alone at its last answer (ttl, Cache-Control, Expires), or null'),
  })
  .describe('what `hubwatch sources list --json` prints, without the connector cursor');

const testSchema = z.object({
  url: z.string().nullable(), type: z.string(), detectedType: z.string(), title: z.string().nullable(), delivered: z.number().int(), kept: z.number().int(),
  items: z.array(z.looseObject({ index: z.number().int(), title: z.string(), link: z.string().nullable(), published: z.string(), dropped: z.string().optional() })),
  problems: z.array(z.looseObject({ reason: z.string(), message: z.string() })),
});

/**
 * `GET /api/sources`: every configured source with its health (`hubwatch sources list`);
 * `POST /api/sources/:id/test` (admin): one poll of a configured source as `hubwatch sources test`
 * shows it, through the configured fetch settings (no private address opened beyond them).
 */
export function sourcesRoutes(deps: Pick<ApiDeps, 'config' | 'state' | 'index' | 'clock' | 'logger'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/sources', {
      schema: { tags: ['sources'], summary: 'configured sources with status, last success and error, next poll, items per day', response: withErrors({ 200: z.object({ sources: z.array(sourceSchema) }) }) },
    }, async () => {
      const views = await listSources(deps.config.sources, deps.state, { index: deps.index, now: deps.clock() });
      // The cursor is the connector's bookkeeping (ETags, positions): not the page's business.
      return { sources: views.map(({ cursor: _cursor, ...view }) => view) };
    });
    app.post('/api/sources/:id/test', {
      preHandler: requireAdmin,
      schema: { tags: ['sources'], summary: 'admin: fetch a configured source once and show what would be indexed', params: z.object({ id: z.string().max(100) }), response: withErrors({ 200: testSchema }) },
    }, async (request) => {
      const source = deps.config.sources.find((s) => s.id === request.params.id);
      if (!source) throw new NotFoundError(`no source "${request.params.id}" in the configuration`);
      const result = await testSource({ url: source.url, type: source.type, options: source.options }, { fetch: deps.config.fetch, logger: deps.logger, now: deps.clock });
      return { ...result, items: result.items.map((item) => ({ ...item })), problems: result.problems.map((problem) => ({ ...problem })) };
    });
  };
}
