import type { ZodType } from 'zod';

/**
 * The JSON client both web apps talk to the API with: Accept-Language from the screen, an
 * Idempotency-Key on every change, the CSRF token on every cookie-authenticated change (asked for
 * once at the app's own token route and asked again once when the server refuses it), and
 * failures turned into an ApiError that carries the server's message. Each app makes its own
 * client (createApiClient) with its token route and its words for network trouble.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    /** Seconds the server asked to wait (Retry-After on a 429), when it said so. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_REFUSED = 'CSRF_TOKEN_INVALID';

/** Methods that change something and so carry the token. */
export const needsCsrf = (method: string) => method !== 'GET' && method !== 'HEAD';

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only on secure origins; a LAN address over http is not one
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function errorBody(value: unknown): { code: string; message: string; details?: Record<string, unknown> } | null {
  if (typeof value !== 'object' || value === null || !('error' in value)) return null;
  const error = (value as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, details } = error as Record<string, unknown>;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  return { code, message, details: typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : undefined };
}

function retryAfterOf(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** A CSRF token kept for the page's life, asked for at `path` (which also sets its cookie). */
export function csrfTokenStore(path: string) {
  let token: Promise<string> | null = null;
  return {
    get(): Promise<string> {
      token ??= fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } })
        .then(async (response) => {
          if (!response.ok) throw new Error(`csrf token: HTTP ${response.status}`);
          const body = (await response.json()) as { token?: unknown };
          if (typeof body.token !== 'string') throw new Error('csrf token: unexpected answer');
          return body.token;
        })
        .catch((error: unknown) => {
          token = null;
          throw error;
        });
      return token;
    },
    forget() {
      token = null;
    },
  };
}

export interface ApiClientConfig {
  /** The route that hands out this app's CSRF token. */
  csrfPath: string;
  lang(): 'ko' | 'en';
  /** Words for a request that never got an answer, and for an answer the app cannot read. */
  messages(): { network: string; unexpected: string };
  /** Paths whose 401 is an answer to show (wrong password), not a session that ended. */
  ownUnauthorized?: readonly string[];
}

export interface RequestOptions<T> {
  body?: unknown;
  /** Checks the answer and gives it its type; without one the answer is not read (204). */
  schema?: ZodType<T>;
  signal?: AbortSignal;
  /** A POST that only reads (a search with a body) changes nothing and needs no Idempotency-Key. */
  readOnly?: boolean;
  /** The key of this submit, when the caller keeps one; otherwise a new one per request. */
  idempotencyKey?: string;
}

export function createApiClient(config: ApiClientConfig) {
  const csrf = csrfTokenStore(config.csrfPath);
  let unauthorizedHandler: (() => void) | null = null;

  async function request<T>(method: string, path: string, options: RequestOptions<T> = {}, retried = false): Promise<T> {
    const lang = config.lang();
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang === 'en' ? 'en' : 'ko' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    // every change carries a key, so a retried request (double click, flaky network) acts once
    if (method !== 'GET' && !options.readOnly) headers['idempotency-key'] = options.idempotencyKey ?? newIdempotencyKey();
    let response: Response;
    try {
      if (needsCsrf(method)) headers[CSRF_HEADER] = await csrf.get();
      response = await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError(0, 'NETWORK', config.messages().network);
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
        csrf.forget();
        return request(method, path, options, true);
      }
      if (response.status === 401 && !config.ownUnauthorized?.some((own) => path.startsWith(own))) unauthorizedHandler?.();
      throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? config.messages().unexpected, error?.details, retryAfterOf(response));
    }
    if (!options.schema) return undefined as T;
    const parsed = options.schema.safeParse(json);
    if (!parsed.success) {
      console.error(`unexpected answer from ${method} ${path}`, parsed.error.issues);
      throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', config.messages().unexpected);
    }
    return parsed.data;
  }

  return {
    request,
    csrf,
    /** What to do when a call answers 401 (the session ended). */
    onUnauthorized(handler: () => void) {
      unauthorizedHandler = handler;
    },
    /** A failure in words: the server's message, or the app's own for anything else. */
    errorMessage(error: unknown): string {
      if (error instanceof Error && error.message) return error.message;
      return config.messages().unexpected;
    },
    api: {
      get: <T>(path: string, schema: ZodType<T>, signal?: AbortSignal) => request<T>('GET', path, { schema, signal }),
      post: <T>(path: string, body: unknown, schema?: ZodType<T>, options: { idempotencyKey?: string } = {}) => request<T>('POST', path, { body, schema, ...options }),
      /** POST for reading: searches whose conditions travel in the body. */
      query: <T>(path: string, body: unknown, schema: ZodType<T>, signal?: AbortSignal) => request<T>('POST', path, { body, schema, signal, readOnly: true }),
      patch: <T>(path: string, body: unknown, schema?: ZodType<T>) => request<T>('PATCH', path, { body, schema }),
      put: <T>(path: string, body: unknown, schema?: ZodType<T>) => request<T>('PUT', path, { body, schema }),
      delete: <T>(path: string, schema?: ZodType<T>) => request<T>('DELETE', path, { schema }),
    },
  };
}
