/**
 * The CSRF token every change made with the session cookie carries (`x-csrf-token`): asked for
 * once (GET /api/v1/auth/csrf-token, which also sets its cookie) and kept for the page's life.
 * A change refused with CSRF_TOKEN_INVALID (the cookie expired or was cleared) asks once more.
 */
let token: Promise<string> | null = null;

export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_REFUSED = 'CSRF_TOKEN_INVALID';

export function csrfToken(): Promise<string> {
  token ??= fetch('/api/v1/auth/csrf-token', { credentials: 'same-origin', headers: { accept: 'application/json' } })
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
}

export function forgetCsrfToken() {
  token = null;
}

/** Methods that change something and so carry the token. */
export const needsCsrf = (method: string) => method !== 'GET' && method !== 'HEAD';
