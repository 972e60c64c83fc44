import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERROR_CATALOG, type ErrorCode } from '../../contracts/errors';

/** An expected failure with a stable code (bugs throw plain errors and answer 500). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
    message?: string,
  ) {
    super(message ?? ERROR_CATALOG[code].en);
  }
}

export type Lang = 'ko' | 'en';

/** Korean unless the client prefers English. */
export function languageOf(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ko';
}

export function sendError(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, details?: Record<string, unknown>) {
  const entry = ERROR_CATALOG[code];
  return reply.code(entry.status).send({ error: { code, message: entry[languageOf(request)], ...(details ? { details } : {}) } });
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendError(reply, request, error.code, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({ path: v.instancePath, message: v.message }));
      return sendError(reply, request, 'VALIDATION_FAILED', { context: error.validationContext, issues });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return sendError(reply, request, 'INTERNAL');
    }
    // Fastify's own 4xx errors: malformed JSON, body too large, unsupported media type …
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ error: { code: error.code ?? 'BAD_REQUEST', message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, 'INTERNAL');
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, request, 'NOT_FOUND', { method: request.method, url: request.url }));
}
