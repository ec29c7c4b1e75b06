import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ForbiddenError, NotFoundError, ParameterError, UserInputError } from '../core/errors.js';
import type { ErrorCode } from './schemas.js';

/** An error answer: status and body. */
export interface ErrorAnswer {
  status: number;
  body: { error: { code: ErrorCode; message: string; parameter?: string; position?: number } };
}

export function errorAnswer(status: number, code: ErrorCode, message: string, where: { parameter?: string; position?: number } = {}): ErrorAnswer {
  return { status, body: { error: { code, message, ...where } } };
}

/** A thrown 401/403/429 the hooks raise; the error handler answers it as is. */
export class HttpAnswerError extends Error {
  constructor(readonly answer: ErrorAnswer) {
    super(answer.body.error.message);
  }
}

/** Where the first zod issue of a validation error is: `querystring/limit` → `limit`. */
function validationAnswer(error: FastifyError): ErrorAnswer {
  const issue = error.validation?.[0];
  const parameter = issue?.instancePath.replace(/^\//, '').split('/')[0] || undefined;
  const message = `${parameter ?? error.validationContext ?? 'request'}: ${issue?.message ?? error.message}`;
  return errorAnswer(400, 'bad-parameter', message, parameter ? { parameter } : {});
}

/**
 * Errors to answers, in one place: user mistakes are 400 with what and where (a query's position
 * from the parser), unknown things 404, refusals 401/403/429; anything else is a fault: 500 with
 * a generic line, logged once here.
 */
export function answerFor(error: unknown): ErrorAnswer | null {
  if (error instanceof HttpAnswerError) return error.answer;
  if (error instanceof NotFoundError) return errorAnswer(404, 'not-found', error.message);
  if (error instanceof ForbiddenError) return errorAnswer(403, 'forbidden', error.message);
  if (error instanceof ParameterError) {
    const code = error.parameter === 'q' ? 'bad-query' : 'bad-parameter';
    return errorAnswer(400, code, error.message, { parameter: error.parameter, ...(error.position === undefined ? {} : { position: error.position }) });
  }
  if (error instanceof UserInputError) return errorAnswer(400, error.reason.startsWith('query') ? 'bad-query' : 'bad-parameter', error.message, error.position === undefined ? {} : { position: error.position });
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) return validationAnswer(fastifyError);
  if (fastifyError.validation) return validationAnswer(fastifyError);
  const status = fastifyError.statusCode;
  if (status === 429) return errorAnswer(429, 'rate-limited', 'too many requests: slow down and retry after the time in Retry-After');
  if (status !== undefined && status >= 400 && status < 500) {
    return errorAnswer(status, status === 404 ? 'not-found' : status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'bad-parameter', fastifyError.message);
  }
  return null;
}

/** Installs the one error handler. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const answer = answerFor(error);
    if (answer) return reply.status(answer.status).send(answer.body);
    request.log.error({ err: error, route: request.routeOptions.url }, 'request failed');
    const body = errorAnswer(500, 'internal', 'internal error: the server logged it').body;
    return reply.status(500).send(body);
  });
}
