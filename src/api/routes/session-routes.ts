import type {} from '@fastify/cookie';
import type {} from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../api-deps.js';
import { callerFor, SESSION_COOKIE } from '../auth/authenticate.js';
import { errorAnswer, HttpAnswerError } from '../http-errors.js';
import { withErrors } from '../schemas.js';

/** `POST/GET/DELETE /api/session`: the page's login by token, kept in an HttpOnly SameSite=Strict cookie. */
export function sessionRoutes(deps: Pick<ApiDeps, 'tokens' | 'sessions' | 'config'>): FastifyPluginAsyncZod {
  return async (app) => {
    const cookie = (secure: boolean) => ({ path: '/', httpOnly: true, sameSite: 'strict' as const, secure });
    app.post('/api/session', {
      config: { rateLimit: { max: deps.config.api.rateLimit.loginPerMinute, timeWindow: 60_000, keyGenerator: (request) => `login:${request.ip}` } },
      schema: { tags: ['session'], summary: 'log in with a token (sets the session cookie)', body: z.object({ token: z.string().min(1).max(512) }), response: withErrors({ 204: z.null() }) },
    }, async (request, reply) => {
      const caller = deps.tokens.callerOf(request.body.token);
      if (!caller) throw new HttpAnswerError(errorAnswer(401, 'unauthorized', 'wrong token'));
      const id = deps.sessions.create(caller);
      return reply.setCookie(SESSION_COOKIE, id, cookie(request.protocol === 'https')).status(204).send(null);
    });
    app.get('/api/session', {
      schema: { tags: ['session'], summary: 'who is logged in', response: withErrors({ 200: z.object({ role: z.enum(['admin', 'viewer']) }) }) },
    }, async (request) => ({ role: callerFor(request).role }));
    app.delete('/api/session', {
      schema: { tags: ['session'], summary: 'log out (clears the cookie)', response: withErrors({ 204: z.null() }) },
    }, async (request, reply) => {
      const id = request.cookies[SESSION_COOKIE];
      if (id) deps.sessions.delete(id);
      return reply.clearCookie(SESSION_COOKIE, cookie(request.protocol === 'https')).status(204).send(null);
    });
  };
}
