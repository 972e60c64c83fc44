import { createApiClient } from '../../../shared/api/http-client';
import { DICTIONARIES, getLang } from '../i18n';

/**
 * The admin's API client (src/web/shared/api/http-client.ts): staff's CSRF token route, the
 * dictionary's words for network trouble. A failed call is an ApiError whose message is the
 * server's, already in the screen's language (the request carried Accept-Language): show it as
 * it is. Network failures and answers without that shape get a message from the dictionary, so
 * the user always reads words, never a status number.
 */
const client = createApiClient({
  csrfPath: '/api/v1/auth/csrf-token',
  lang: getLang,
  messages: () => DICTIONARIES[getLang()].errors,
  // a wrong password is an answer for the login form, not a session that ended
  ownUnauthorized: ['/api/v1/auth/login'],
});

export { ApiError } from '../../../shared/api/http-client';
export const api = client.api;
export const errorMessage = client.errorMessage;
/** What to do when a call answers 401 (the app sends the user to the login page). */
export const onUnauthorized = client.onUnauthorized;
/** The token store this client uses (file uploads and downloads send the same token). */
export const adminCsrf = client.csrf;
