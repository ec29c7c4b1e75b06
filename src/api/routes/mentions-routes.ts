import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getMentionDetail } from '../../app/mention-detail-service.js';
import { planFilters } from '../../app/mention-filters.js';
import { searchMentions } from '../../app/search-service.js';
import type { ApiDeps } from '../api-deps.js';
import { filtersSchema, hitViewSchema, withErrors } from '../schemas.js';

const listQuery = filtersSchema.extend({
  sort: z.enum(['date', 'relevance']).default('date'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional().describe('nextCursor of the previous page'),
});

const storySchema = z.object({ id: z.string().nullable(), origin: hitViewSchema.nullable(), members: z.array(hitViewSchema), size: z.number().int() });

/** `GET /api/mentions` (a page of search results) and `GET /api/mentions/:id` (one mention with its story). */
export function mentionsRoutes(deps: Pick<ApiDeps, 'index' | 'clock'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/mentions', {
      schema: {
        tags: ['mentions'], summary: 'search mentions: filters, sort, cursor paging, highlighted snippets',
        querystring: listQuery,
        response: withErrors({ 200: z.object({ total: z.number().int(), totalIsExact: z.boolean(), hits: z.array(hitViewSchema), nextCursor: z.string().nullable() }) }),
      },
    }, async (request) => {
      const { sort, limit, cursor, ...filters } = request.query;
      const scope = planFilters(filters, deps.clock());
      const page = await searchMentions(deps.index, { ...scope, sort, limit, ...(cursor ? { cursor } : {}) });
      return { total: page.total, totalIsExact: page.totalIsExact, hits: page.hits, nextCursor: page.nextCursor };
    });
    app.get('/api/mentions/:id', {
      schema: {
        tags: ['mentions'], summary: 'one mention with its text and its story (origin and other copies)',
        params: z.object({ id: z.string().regex(/^[0-9a-f]{32}$/, 'a mention id is 32 hex characters') }),
        response: withErrors({ 200: z.object({ mention: hitViewSchema.extend({ text: z.string().nullable() }), story: storySchema }) }),
      },
    }, async (request) => getMentionDetail(deps.index, request.params.id));
  };
}
