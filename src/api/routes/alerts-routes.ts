import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { alertHistory, findRule, listAlertRules, sendTestAlert } from '../../app/alerts-service.js';
import type { ApiDeps } from '../api-deps.js';
import { requireAdmin } from '../auth/authenticate.js';
import { withErrors } from '../schemas.js';

const ruleSchema = z.object({
  id: z.string(), type: z.string(), enabled: z.boolean(), watches: z.string(), lastFiredAt: z.string().nullable(),
  notify: z.array(z.object({ id: z.string(), health: z.string(), broken: z.string().nullable(), lastDeliveredAt: z.string().nullable() })),
});
const historySchema = z.object({
  at: z.string(), ruleId: z.string(), event: z.enum(['fired', 'delivered', 'failed']), messageId: z.string().nullable(), notifierId: z.string().nullable(),
  headline: z.string(), reason: z.string().nullable(),
});

/** `GET /api/alerts` (rules and history) and `POST /api/alerts/:rule/test` (admin: send a sample message). */
export function alertsRoutes(deps: Pick<ApiDeps, 'config' | 'alertStore' | 'notifiers' | 'clock'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/alerts', {
      schema: {
        tags: ['alerts'], summary: 'alert rules with their last firing and destinations, and the history, newest first',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: withErrors({ 200: z.object({ rules: z.array(ruleSchema), history: z.array(historySchema) }) }),
      },
    }, async (request) => ({
      rules: await listAlertRules(deps.config, deps.alertStore, deps.notifiers),
      history: await alertHistory(deps.alertStore, request.query.limit),
    }));
    app.post('/api/alerts/:rule/test', {
      preHandler: requireAdmin,
      schema: {
        tags: ['alerts'], summary: "admin: send a sample message to the rule's destinations",
        params: z.object({ rule: z.string().max(100) }),
        response: withErrors({ 200: z.object({ outcomes: z.array(z.object({ notifierId: z.string(), ok: z.boolean(), error: z.string().optional() })) }) }),
      },
    }, async (request) => ({ outcomes: await sendTestAlert(findRule(deps.config, request.params.rule), deps.notifiers, deps.clock()) }));
  };
}
