import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The server's metrics: request durations by route and status, and the process's defaults. */
export function createHttpMetrics(): { registry: Registry; install(app: FastifyInstance): void } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hubwatch_' });
  const durations = new Histogram({
    name: 'hubwatch_http_request_duration_seconds',
    help: 'HTTP request durations by route (its pattern, not the URL) and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return {
    registry,
    install(app) {
      app.addHook('onResponse', async (request, reply) => {
        // The pattern (`/api/mentions/:id`), so ids never become label values; unmatched paths are one label.
        const route = request.routeOptions.url ?? 'unmatched';
        durations.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
      });
    },
  };
}
