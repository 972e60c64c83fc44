import { adminCsrf } from './client';

/**
 * The CSRF token every change made with the session cookie carries (`x-csrf-token`): asked for
 * once (GET /api/v1/auth/csrf-token, which also sets its cookie) and kept for the page's life.
 * A change refused with CSRF_TOKEN_INVALID (the cookie expired or was cleared) asks once more.
 * The JSON client and the file requests (order-bulk) share the one token.
 */
export { CSRF_HEADER, CSRF_REFUSED, needsCsrf } from '../../../shared/api/http-client';
export const csrfToken = () => adminCsrf.get();
export const forgetCsrfToken = () => adminCsrf.forget();
