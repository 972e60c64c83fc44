import { createApiClient } from '../../../shared/api/http-client';
import { DICTIONARIES, getLang } from '../i18n';

/**
 * My Page's API client (src/web/shared/api/http-client.ts) with the buyer's CSRF token route. A
 * 401 anywhere but the guest lookup (whose 401 is "no such order") means the buyer's session
 * ended: the app forgets it and sends the buyer to the lookup page.
 */
const client = createApiClient({
  csrfPath: '/api/v1/my/csrf-token',
  lang: getLang,
  messages: () => DICTIONARIES[getLang()].errors,
  ownUnauthorized: ['/api/v1/my/guest-lookups', '/api/v1/my/session'],
});

export { ApiError, newIdempotencyKey } from '../../../shared/api/http-client';
export const api = client.api;
export const errorMessage = client.errorMessage;
export const onUnauthorized = client.onUnauthorized;
