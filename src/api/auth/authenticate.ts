import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorAnswer, HttpAnswerError } from '../http-errors.js';
import type { SessionStore } from './session-store.js';
import type { Caller, TokenRoles } from './token-roles.js';

export const SESSION_COOKIE = 'hubwatch_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, from the bearer token or the session cookie; null when neither is valid. */
    caller: Caller | null;
  }
}

/** The caller of a request: a bearer token first, else the session cookie. */
function callerOf(request: FastifyRequest, tokens: TokenRoles, sessions: SessionStore): Caller | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match ? tokens.callerOf(match[1]!) : null;
  }
  const session = request.cookies[SESSION_COOKIE];
  return session ? sessions.get(session) : null;
}

/**
 * Reads who calls every request (before rate limits, which count per caller). Every `/api` route
 * needs a caller except logging in; `/metrics` decides for itself.
 */
export function installAuthentication(app: FastifyInstance, tokens: TokenRoles, sessions: SessionStore): void {
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request) => {
    request.caller = callerOf(request, tokens, sessions);
    const path = request.url.split('?')[0]!;
    const open = path === '/api/session' && request.method === 'POST';
    if (path.startsWith('/api/') && !open && !request.caller) {
      throw new HttpAnswerError(errorAnswer(401, 'unauthorized', 'log in first: send Authorization: Bearer <token>, or POST /api/session with {"token": "..."}'));
    }
  });
}

/** A preHandler for routes that change things or send tests: admins only. */
export async function requireAdmin(request: FastifyRequest): Promise<void> {
  if (request.caller?.role !== 'admin') throw new HttpAnswerError(errorAnswer(403, 'forbidden', 'this needs the admin token'));
}

/** The caller of a route behind authentication (always set there). */
export function callerFor(request: FastifyRequest): Caller {
  if (!request.caller) throw new HttpAnswerError(errorAnswer(401, 'unauthorized', 'log in first'));
  return request.caller;
}
