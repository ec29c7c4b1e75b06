import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import type { ApiDeps } from '../api-deps.js';
import { errorAnswer, HttpAnswerError } from '../http-errors.js';

/** `/healthz` (the process answers), `/readyz` (the index answers), `/metrics` (Prometheus text). */
export function healthRoutes(deps: Pick<ApiDeps, 'index' | 'config' | 'logger'>, registry: Registry): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/healthz', { schema: { tags: ['health'], summary: 'the process is up', response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
    app.get('/readyz', {
      schema: { tags: ['health'], summary: 'the index answers', response: { 200: z.object({ status: z.literal('ready') }), 503: z.object({ status: z.literal('unavailable'), reason: z.string() }) } },
    }, async (_request, reply) => {
      try {
        await deps.index.search({ query: null, sort: 'date', limit: 1 });
        return { status: 'ready' as const };
      } catch (error) {
        deps.logger.warn({ err: error }, 'readiness check: the index does not answer');
        return reply.status(503).send({ status: 'unavailable' as const, reason: 'the index does not answer' });
      }
    });
    app.get('/metrics', { schema: { tags: ['health'], summary: 'Prometheus metrics (admin token unless api.metricsPublic)' } }, async (request, reply) => {
      if (!deps.config.api.metricsPublic && request.caller?.role !== 'admin') {
        throw new HttpAnswerError(errorAnswer(request.caller ? 403 : 401, request.caller ? 'forbidden' : 'unauthorized', 'metrics need the admin token (or api.metricsPublic: true)'));
      }
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  };
}
