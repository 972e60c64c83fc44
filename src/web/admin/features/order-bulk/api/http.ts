import { z } from 'zod';
import { api, ApiError } from '../../../app/api/client';
import { CSRF_HEADER, csrfToken, needsCsrf } from '../../../app/api/csrf';
import { DICTIONARIES, getLang } from '../../../app/i18n';

/**
 * Requests whose body or answer is a file, which the app's JSON client does not carry: the same
 * headers (language, Idempotency-Key on changes) and the same errors in words (ApiError).
 */

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function errorOf(response: Response): Promise<ApiError> {
  const lang = getLang();
  let code = `HTTP_${response.status}`;
  let message = DICTIONARIES[lang].errors.unexpected;
  let details: Record<string, unknown> | undefined;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
    if (typeof body.error?.details === 'object' && body.error.details !== null) details = body.error.details as Record<string, unknown>;
  } catch {
    // not JSON (a proxy's page): the generic message stands
  }
  if (response.status === 401) {
    // the session ended: asking who is signed in through the app's client lets its 401 handler
    // send the user to the login page (and back here after)
    void api.get('/api/v1/auth/me', z.unknown()).catch(() => undefined);
  }
  return new ApiError(response.status, code, message, details);
}

export interface RawRequest {
  method: 'GET' | 'POST';
  body?: BodyInit;
  contentType?: string;
  accept?: string;
  /** Changes send an Idempotency-Key (an export only reads). */
  idempotent?: boolean;
  signal?: AbortSignal;
}

/** The response when it is 2xx; otherwise an ApiError with the server's message in the screen's language. */
export async function rawFetch(path: string, request: RawRequest): Promise<Response> {
  const headers: Record<string, string> = { 'accept-language': getLang() === 'en' ? 'en' : 'ko', accept: request.accept ?? 'application/json' };
  if (request.contentType) headers['content-type'] = request.contentType;
  if (request.idempotent) headers['idempotency-key'] = newKey();
  let response: Response;
  try {
    if (needsCsrf(request.method)) headers[CSRF_HEADER] = await csrfToken();
    response = await fetch(path, { method: request.method, headers, body: request.body, credentials: 'same-origin', signal: request.signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', DICTIONARIES[getLang()].errors.network);
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}
