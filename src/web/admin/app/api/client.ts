import type { ZodType } from 'zod';
import { DICTIONARIES, getLang } from '../i18n';
import { CSRF_HEADER, CSRF_REFUSED, csrfToken, forgetCsrfToken, needsCsrf } from './csrf';

/**
 * A failed API call, as the server put it: `{ error: { code, message, details } }`. `message` is
 * already in the screen's language (the request carried Accept-Language); show it as it is.
 * Network failures and answers without that shape get a code of their own and a message from the
 * dictionary, so the user always reads words, never a status number.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return DICTIONARIES[getLang()].errors.unexpected;
}

let unauthorizedHandler: (() => void) | null = null;
/** What to do when a call answers 401 (the app sends the user to the login page). */
export function onUnauthorized(handler: () => void) {
  unauthorizedHandler = handler;
}

function idempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only on secure origins; a LAN address over http is not one
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function errorBody(value: unknown): { code: string; message: string; details?: Record<string, unknown> } | null {
  if (typeof value !== 'object' || value === null || !('error' in value)) return null;
  const error = (value as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, details } = error as Record<string, unknown>;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  return { code, message, details: typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : undefined };
}

interface RequestOptions<T> {
  body?: unknown;
  /** Checks the answer and gives it its type; without one the answer is not read (204). */
  schema?: ZodType<T>;
  signal?: AbortSignal;
  /** A POST that only reads (a search with a body) changes nothing and needs no Idempotency-Key. */
  readOnly?: boolean;
}

async function request<T>(method: string, path: string, options: RequestOptions<T> = {}, retried = false): Promise<T> {
  const lang = getLang();
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang === 'en' ? 'en' : 'ko' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  // every change carries a key, so a retried request (double click, flaky network) acts once
  if (method !== 'GET' && !options.readOnly) headers['idempotency-key'] = idempotencyKey();
  let response: Response;
  try {
    if (needsCsrf(method)) headers[CSRF_HEADER] = await csrfToken();
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', DICTIONARIES[lang].errors.network);
  }
  const text = await response.text();
  let json: unknown = undefined;
  if (text && (response.headers.get('content-type') ?? '').includes('json')) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!response.ok) {
    const error = errorBody(json);
    if (error?.code === CSRF_REFUSED && !retried) {
      forgetCsrfToken();
      return request(method, path, options, true);
    }
    if (response.status === 401 && path !== '/api/v1/auth/login') unauthorizedHandler?.();
    throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? DICTIONARIES[lang].errors.unexpected, error?.details);
  }
  if (!options.schema) return undefined as T;
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    console.error(`unexpected answer from ${method} ${path}`, parsed.error.issues);
    throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', DICTIONARIES[lang].errors.unexpected);
  }
  return parsed.data;
}

export const api = {
  get: <T>(path: string, schema: ZodType<T>, signal?: AbortSignal) => request<T>('GET', path, { schema, signal }),
  post: <T>(path: string, body: unknown, schema?: ZodType<T>) => request<T>('POST', path, { body, schema }),
  /** POST for reading: searches whose conditions travel in the body. */
  query: <T>(path: string, body: unknown, schema: ZodType<T>, signal?: AbortSignal) => request<T>('POST', path, { body, schema, signal, readOnly: true }),
  patch: <T>(path: string, body: unknown, schema?: ZodType<T>) => request<T>('PATCH', path, { body, schema }),
  put: <T>(path: string, body: unknown, schema?: ZodType<T>) => request<T>('PUT', path, { body, schema }),
  delete: <T>(path: string, schema?: ZodType<T>) => request<T>('DELETE', path, { schema }),
};
