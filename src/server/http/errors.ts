import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERROR_CATALOG, type ErrorCode } from '../../contracts/errors';
import { databaseFailureOf } from '../db/failures';

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

/** A catalogued message with its `{name}` placeholders filled from the details (amounts grouped by thousands). */
function filled(message: string, details: Record<string, unknown> | undefined): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = details?.[name];
    return typeof value === 'number' ? value.toLocaleString('en-US') : typeof value === 'string' ? value : whole;
  });
}

export function sendError(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, details?: Record<string, unknown>) {
  const entry = ERROR_CATALOG[code];
  if (typeof details?.retryAfterSeconds === 'number') reply.header('retry-after', String(details.retryAfterSeconds));
  // an answer begun as a file (an export that failed before its first byte) is JSON now: with the
  // file's content type left on, Fastify could not serialize the error and answered its own shape
  reply.removeHeader('content-disposition');
  return reply.code(entry.status).type('application/json; charset=utf-8').send({ error: { code, message: filled(entry[languageOf(request)], details), ...(details ? { details } : {}) } });
}

/** Fastify's own 4xx errors, each answered with a catalogued code like any other refusal. */
const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'EMPTY_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_BAD_URL: 'BAD_URL',
  FST_ERR_MAX_PARAM_LENGTH: 'PARAMETER_TOO_LONG',
  FST_ERR_ASYNC_CONSTRAINT: 'BAD_REQUEST',
  FST_ERR_RATE_LIMIT: 'TOO_MANY_REQUESTS',
  FST_CSRF_MISSING_SECRET: 'CSRF_TOKEN_INVALID',
  FST_CSRF_INVALID_TOKEN: 'CSRF_TOKEN_INVALID',
};

/** The catalogued code of an error the framework (or the JSON parser) raised before our code ran. */
export function frameworkErrorCode(error: FastifyError): ErrorCode | null {
  const mapped = error.code ? FRAMEWORK_CODES[error.code] : undefined;
  if (mapped) return mapped;
  const status = error.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  // the JSON parser's SyntaxError (also for a forbidden __proto__ key) comes with statusCode 400
  if (error instanceof SyntaxError) return 'MALFORMED_JSON';
  if (status === 413) return 'BODY_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 403) return 'FORBIDDEN';
  if (status === 429) return 'TOO_MANY_REQUESTS';
  return 'BAD_REQUEST';
}

export interface ErrorHandlingOptions {
  /** Told when a request failed for want of the database (the health monitor looks again). */
  onDatabaseFailure?: () => void;
}

export function registerErrorHandling(app: FastifyInstance, options: ErrorHandlingOptions = {}) {
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
    const databaseFailure = databaseFailureOf(error);
    if (databaseFailure) {
      request.log.warn({ err: error }, 'database failure');
      options.onDatabaseFailure?.();
      reply.header('retry-after', databaseFailure === 'DATABASE_BUSY' ? '1' : '5');
      return sendError(reply, request, databaseFailure);
    }
    const framework = frameworkErrorCode(error);
    if (framework) return sendError(reply, request, framework, error.code?.startsWith('FST_') ? { reason: error.message } : undefined);
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, 'INTERNAL');
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, request, 'NOT_FOUND', { method: request.method, url: request.url.slice(0, 200) }));
}
