import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listSources } from '../../app/sources-service.js';
import type { ApiDeps } from '../api-deps.js';
import { withErrors } from '../schemas.js';

const sourceSchema = z
  .object({
    id: z.string(), type: z.string(), name: z.string(), url: z.string().nullable(), enabled: z.boolean(), status: z.string(),
    lastPollAt: z.string().nullable(), lastSuccessAt: z.string().nullable(), lastErrorAt: z.string().nullable(), lastError: z.string().nullable(),
    consecutiveFailures: z.number().int(), intervalSeconds: z.number().nullable(), nextPollAt: z.string().nullable(), itemsPerDay: z.number(),
    itemsTotal: z.number(), configuredIntervalSeconds: z.number().nullable(), intervalSetBySource: z.boolean(),
  })
  .describe('what `hubwatch sources list --json` prints, without the connector cursor');

/** `GET /api/sources`: every configured source with its health (`hubwatch sources list`). */
export function sourcesRoutes(deps: Pick<ApiDeps, 'config' | 'state' | 'index' | 'clock'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/sources', {
      schema: { tags: ['sources'], summary: 'configured sources with status, last success and error, next poll, items per day', response: withErrors({ 200: z.object({ sources: z.array(sourceSchema) }) }) },
    }, async () => {
      const views = await listSources(deps.config.sources, deps.state, { index: deps.index, now: deps.clock() });
      // The cursor is the connector's bookkeeping (ETags, positions): not the page's business.
      return { sources: views.map(({ cursor: _cursor, ...view }) => view) };
    });
  };
}
