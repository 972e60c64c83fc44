import { expect, type APIRequestContext, type APIRequest } from '@playwright/test';

/**
 * An API session signed in as a staff member, acting as the admin app does in the browser: it
 * holds the session and CSRF cookies and sends the CSRF token with every request (the server
 * refuses cookie-authenticated changes without it).
 */
export async function signedInRequestContext(request: APIRequest, baseURL: string, account: { email: string; password: string }): Promise<APIRequestContext> {
  const headers = { 'accept-language': 'ko' };
  const first = await request.newContext({ baseURL, extraHTTPHeaders: headers });
  const login = await first.post('/api/v1/auth/login', { data: { email: account.email, password: account.password } });
  expect(login.status(), `${account.email} signs in: ${await login.text()}`).toBe(204);
  const csrf = await first.get('/api/v1/auth/csrf-token');
  expect(csrf.ok(), await csrf.text()).toBeTruthy();
  const { token } = (await csrf.json()) as { token: string };
  const context = await request.newContext({ baseURL, extraHTTPHeaders: { ...headers, 'x-csrf-token': token }, storageState: await first.storageState() });
  await first.dispose();
  return context;
}

/** The CSRF header for a request made with a page's own cookies (`page.request`), as the app would send it. */
export async function csrfHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const res = await request.get('/api/v1/auth/csrf-token');
  expect(res.ok(), await res.text()).toBeTruthy();
  return { 'x-csrf-token': ((await res.json()) as { token: string }).token };
}
