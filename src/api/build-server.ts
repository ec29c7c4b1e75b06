import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from './api-deps.js';
import { installAuthentication } from './auth/authenticate.js';
import { responseSerializerCompiler } from './response-serializer.js';
import { createHttpMetrics } from './http-metrics.js';
import { errorAnswer, HttpAnswerError, installErrorHandler } from './http-errors.js';
import { alertsRoutes } from './routes/alerts-routes.js';
import { exportRoutes } from './routes/export-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { mentionsRoutes } from './routes/mentions-routes.js';
import { savedSearchesRoutes } from './routes/saved-searches-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { sourcesRoutes } from './routes/sources-routes.js';
import { statsRoutes } from './routes/stats-routes.js';
import { installSecurityHeaders } from './security-headers.js';
import { installStaticPage } from './static-page.js';

const DOCS_PREFIX = '/docs';

/**
 * The HTTP server: the API under /api (zod-checked parameters, answers written to their zod
 * schemas, OpenAPI generated from them), the page, health and metrics. Nothing is listening yet:
 * the caller listens (start-api.ts) or a test injects.
 */
export async function buildServer(deps: ApiDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: 'api' }) as FastifyBaseLogger,
    // Requests are not logged one by one (they would carry cookies and queries); failures are, once.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
    bodyLimit: 64 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  installErrorHandler(app);
  installSecurityHeaders(app, { docsPrefix: DOCS_PREFIX });
  const metrics = createHttpMetrics();
  metrics.install(app);

  await app.register(fastifyCookie);
  installAuthentication(app, deps.tokens, deps.sessions);
  await app.register(fastifyRateLimit, {
    global: true,
    // After authentication, so that limits count per token or session, not per address.
    hook: 'preHandler',
    max: deps.config.api.rateLimit.perMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => (request.caller ? `caller:${request.caller.key}` : `ip:${request.ip}`),
    errorResponseBuilder: (_request, context) => new HttpAnswerError(errorAnswer(429, 'rate-limited', `too many requests: at most ${context.max} a minute; retry in ${Math.ceil(context.ttl / 1000)} s`)),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'hubwatch API', version: '1', description: 'Search, stats, sources, alerts and exports of the hubwatch index. See docs/api.md.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'hubwatch_session' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: DOCS_PREFIX });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(sessionRoutes(deps));
  await app.register(mentionsRoutes(deps));
  await app.register(exportRoutes(deps));
  await app.register(statsRoutes(deps));
  await app.register(sourcesRoutes(deps));
  await app.register(alertsRoutes(deps));
  await app.register(savedSearchesRoutes(deps));
  await app.register(healthRoutes(deps, metrics.registry));

  const page = await installStaticPage(app, deps.webRoot);
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/assets/') && (request.headers.accept ?? '').includes('text/html')) {
      return page.sendPage(request, reply);
    }
    const answer = errorAnswer(404, 'not-found', `no route ${request.method} ${path}`);
    return reply.status(404).send(answer.body);
  });
  return app;
}
