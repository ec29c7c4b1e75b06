import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteSavedSearch, MAX_SAVED_NAME, MAX_SAVED_PARAMS, saveSearch } from '../../app/saved-searches-service.js';
import type { ApiDeps } from '../api-deps.js';
import { callerFor } from '../auth/authenticate.js';
import { withErrors } from '../schemas.js';

const savedSchema = z.object({ id: z.string(), name: z.string(), params: z.string(), createdAt: z.string(), mine: z.boolean() });

/**
 * Saved searches, shared by the team: anyone logged in lists and saves; an admin deletes any, a
 * viewer only those saved with the same token.
 */
export function savedSearchesRoutes(deps: Pick<ApiDeps, 'savedSearches' | 'clock'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/saved-searches', {
      schema: { tags: ['saved searches'], summary: "the team's saved searches, newest first", response: withErrors({ 200: z.object({ searches: z.array(savedSchema) }) }) },
    }, async (request) => {
      const caller = callerFor(request);
      const all = await deps.savedSearches.list();
      return { searches: all.map(({ createdBy, ...search }) => ({ ...search, mine: createdBy === caller.key })) };
    });
    app.post('/api/saved-searches', {
      schema: {
        tags: ['saved searches'], summary: 'save a search (the page URL query string)',
        body: z.object({ name: z.string().max(MAX_SAVED_NAME * 2), params: z.string().max(MAX_SAVED_PARAMS * 2) }),
        response: withErrors({ 201: savedSchema }),
      },
    }, async (request, reply) => {
      const caller = callerFor(request);
      const { createdBy: _by, ...saved } = await saveSearch(deps.savedSearches, request.body, caller, deps.clock());
      return reply.status(201).send({ ...saved, mine: true });
    });
    app.delete('/api/saved-searches/:id', {
      schema: { tags: ['saved searches'], summary: 'delete a saved search (admin, or whoever saved it)', params: z.object({ id: z.string().max(100) }), response: withErrors({ 204: z.null() }) },
    }, async (request, reply) => {
      await deleteSavedSearch(deps.savedSearches, request.params.id, callerFor(request));
      return reply.status(204).send(null);
    });
  };
}
