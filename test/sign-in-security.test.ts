import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { queryRows } from '../src/server/db/client';
import { createStaff } from '../src/server/shops/service';
import { HttpClient, startTestServer, type TestServer } from './support/server';

/**
 * The doors, tried as an attacker would: guessing passwords and API keys, and changes forged from
 * another site with the victim's cookie. Growing delays are "waited out" by moving the stored
 * block into the past — the server's clock is real, the test has no minutes to spend.
 */
type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

let server: TestServer;
const PASSWORD = 'staff-password-1';
let serial = 0;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

async function newStaff(role: 'staff' | 'manager' = 'staff') {
  const email = `door${++serial}-${Date.now()}@test.kr`;
  await createStaff(server.database.db, server.shop.shopId, { email, name: `직원${serial}`, role, password: PASSWORD });
  return email;
}
const login = (email: string, password: string, client = server.anonymous()) => client.post<ErrorBody>('/api/v1/auth/login', { email, password });
/** As if the wait had passed: the stored block of a subject moves into the past. */
const waitOut = (subject: string) => server.database.db.execute(sql`update sign_in_throttles set blocked_until = now() - interval '1 second' where subject = ${subject}`);

describe('failed sign-ins', () => {
  it('slow down after 5 failures on an account, refusing even the right password while waiting, and say when to retry', async () => {
    const email = await newStaff();
    for (let i = 0; i < 5; i++) expect((await login(email, 'wrong-password')).body.error.code).toBe('INVALID_CREDENTIALS');
    const refused = await login(email, PASSWORD);
    expect([refused.status, refused.body.error.code]).toEqual([429, 'SIGN_IN_THROTTLED']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await waitOut(`account:${email}`);
    expect((await login(email, PASSWORD)).status).toBe(204);
    // a success forgets the account's failures
    expect((await login(email, 'wrong-password')).body.error.code).toBe('INVALID_CREDENTIALS');
    expect((await login(email, PASSWORD)).status).toBe(204);
  });

  it('lock the account after 10, until the owner lifts the lock; the shop sees it all in its security record', async () => {
    const email = await newStaff();
    for (let i = 0; i < 10; i++) {
      await waitOut(`account:${email}`);
      expect((await login(email, 'wrong-password')).body.error.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await login(email, PASSWORD);
    expect([locked.status, locked.body.error.code]).toEqual([429, 'SIGN_IN_LOCKED']);

    const locks = await server.owner.get<{ locks: Array<{ staffId: number; email: string; locked: boolean; failures: number }> }>('/api/v1/sign-in-locks');
    const lock = locks.body.locks.find((l) => l.email === email)!;
    expect(lock).toMatchObject({ locked: true, failures: 10 });
    const manager = await server.signIn(await newStaff('manager'), PASSWORD);
    expect((await manager.get('/api/v1/sign-in-locks')).status).toBe(200);
    expect((await manager.request<ErrorBody>('DELETE', `/api/v1/sign-in-locks/${lock.staffId}`)).status).toBe(403);
    expect((await server.owner.request('DELETE', `/api/v1/sign-in-locks/${lock.staffId}`)).status).toBe(204);
    expect((await server.owner.request<ErrorBody>('DELETE', `/api/v1/sign-in-locks/${lock.staffId}`)).body.error.code).toBe('LOCK_NOT_FOUND');
    expect((await login(email, PASSWORD)).status).toBe(204);

    const record = await server.owner.get<{ items: Array<{ kind: string; subject: string | null }> }>('/api/v1/audit-events?group=sign_in&limit=200');
    const kinds = record.body.items.filter((e) => e.subject === email || e.subject === `account:${email}`).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'sign_in_failed')).toHaveLength(10);
    expect(kinds).toEqual(expect.arrayContaining(['sign_in_locked', 'sign_in_refused', 'sign_in_lock_lifted', 'sign_in_succeeded']));
    expect((await manager.get<ErrorBody>('/api/v1/audit-events')).status).toBe(403);
  });

  it('slow down a client address guessing many accounts, whatever account it tries next', async () => {
    const email = await newStaff();
    const address = (await queryRows<{ subject: string }>(server.database.db, sql`select subject from sign_in_throttles where subject like 'address:%' limit 1`))[0]?.subject ?? 'address:127.0.0.1';
    await server.database.db.execute(sql`insert into sign_in_throttles (subject, failures, last_failure_at) values (${address}, 19, now())
      on conflict (subject) do update set failures = 19, blocked_until = null, locked_at = null, last_failure_at = now()`);
    expect((await login(`nobody${serial}@test.kr`, 'guess')).body.error.code).toBe('INVALID_CREDENTIALS');
    const refused = await login(email, PASSWORD);
    expect([refused.status, refused.body.error.code]).toEqual([429, 'SIGN_IN_THROTTLED']);
    await server.database.db.execute(sql`delete from sign_in_throttles where subject = ${address}`);
    expect((await login(email, PASSWORD)).status).toBe(204);
  });
});

describe('API keys', () => {
  it('are throttled per client address after 5 wrong keys, the right key too while it lasts', async () => {
    const guess = (key: string) => new HttpClient(server.baseUrl, { authorization: `Bearer ${key}` }).get<ErrorBody>('/api/v1/orders?limit=1');
    for (let i = 0; i < 5; i++) expect((await guess(`jm_${server.shop.shopId}_guess${i}`)).body.error.code).toBe('INVALID_API_KEY');
    const refused = await server.storefront.get<ErrorBody>('/api/v1/orders?limit=1');
    expect([refused.status, refused.body.error.code]).toEqual([429, 'API_KEY_THROTTLED']);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    const events = await server.owner.get<{ items: Array<{ kind: string; detail: Record<string, unknown> }> }>('/api/v1/audit-events?group=sign_in&limit=200');
    const failed = events.body.items.filter((e) => e.kind === 'api_key_failed');
    expect(failed).toHaveLength(5);
    // the record never keeps a part of the secret
    expect(failed.every((e) => e.detail.key === `jm_${server.shop.shopId}_…`)).toBe(true);
    await server.database.db.execute(sql`delete from sign_in_throttles where subject like 'api-key-address:%'`);
    expect((await server.storefront.get('/api/v1/orders?limit=1')).status).toBe(200);
  });
});

describe('requests forged from another site', () => {
  it('refuse a cookie-authenticated change without the CSRF token — a body-less POST too — and take it with the token', async () => {
    const client = await server.signIn(await newStaff(), PASSWORD);
    const headers = await client.sessionHeaders();
    const noToken = { cookie: headers.cookie! };
    const search = await fetch(`${server.baseUrl}/api/v1/orders/search`, { method: 'POST', headers: { ...noToken, 'content-type': 'application/json' }, body: '{"limit":1}' });
    expect(search.status).toBe(403);
    expect(((await search.json()) as ErrorBody).error.code).toBe('CSRF_TOKEN_INVALID');
    const logout = await fetch(`${server.baseUrl}/api/v1/auth/logout`, { method: 'POST', headers: noToken });
    expect(logout.status).toBe(403);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    const wrongToken = await fetch(`${server.baseUrl}/api/v1/auth/logout`, { method: 'POST', headers: { ...noToken, 'x-csrf-token': 'forged' } });
    expect(wrongToken.status).toBe(403);
    expect((await client.post('/api/v1/orders/search', { limit: 1 })).status).toBe(200);
  });

  it('refuse changes from another origin or site even with the token, sign-in included; API-key calls are not cookie calls', async () => {
    const client = await server.signIn(await newStaff(), PASSWORD);
    const headers = { ...(await client.sessionHeaders()), 'content-type': 'application/json' };
    const forgeries: Array<Record<string, string>> = [
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'http://admin.jumun.example', 'sec-fetch-site': 'same-site' },
      { origin: 'null' },
    ];
    for (const from of forgeries) {
      const res = await fetch(`${server.baseUrl}/api/v1/orders/search`, { method: 'POST', headers: { ...headers, ...from }, body: '{"limit":1}' });
      expect(res.status, JSON.stringify(from)).toBe(403);
      expect(((await res.json()) as ErrorBody).error.code).toBe('CROSS_ORIGIN_REQUEST');
    }
    const sameOrigin = await fetch(`${server.baseUrl}/api/v1/orders/search`, { method: 'POST', headers: { ...headers, origin: server.baseUrl, 'sec-fetch-site': 'same-origin' }, body: '{"limit":1}' });
    expect(sameOrigin.status).toBe(200);
    const crossLogin = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ email: server.shop.ownerEmail, password: 'owner-password-1' }),
    });
    expect(crossLogin.status).toBe(403);
    expect(crossLogin.headers.get('set-cookie')).toBeNull();
    const storefront = await fetch(`${server.baseUrl}/api/v1/orders/search`, { method: 'POST', headers: { authorization: `Bearer ${server.shop.apiKey}`, 'content-type': 'application/json', origin: 'https://shop.example' }, body: '{"limit":1}' });
    expect(storefront.status).toBe(200);
  });
});

describe('what every answer tells the browser', () => {
  it('sends security headers everywhere and no-store on API answers', async () => {
    for (const path of ['/', '/orders/1', '/api/v1/orders?limit=1', '/api/v1/auth/csrf-token', '/api/health']) {
      const res = await fetch(`${server.baseUrl}${path}`, { headers: await server.owner.sessionHeaders() });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('referrer-policy'), path).toBe('same-origin');
      if (path.startsWith('/api/')) expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    const docs = await fetch(`${server.baseUrl}/api/docs/`);
    expect(docs.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('behind an HTTPS proxy, and against floods', () => {
  let proxied: FastifyInstance;
  let proxiedUrl: string;
  beforeAll(async () => {
    proxied = await buildApp({ database: server.database, gateway: server.gateway, trustProxy: 'loopback', signInRateLimit: 3, bulkJobs: { autoStart: false } });
    await proxied.listen({ port: 0, host: '127.0.0.1' });
    proxiedUrl = `http://127.0.0.1:${(proxied.server.address() as { port: number }).port}`;
  });
  afterAll(() => proxied?.close());

  const proxiedLogin = (forwarded: Record<string, string>) =>
    fetch(`${proxiedUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...forwarded }, body: JSON.stringify({ email: server.shop.ownerEmail, password: 'owner-password-1' }) });

  it('marks the session cookie Secure when the request came over HTTPS, and not over plain HTTP', async () => {
    const secure = await proxiedLogin({ 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' });
    expect(secure.status).toBe(204);
    expect(secure.headers.getSetCookie().find((c) => c.startsWith('jumun_session='))).toMatch(/;\s*Secure/i);
    const plain = await proxiedLogin({ 'x-forwarded-for': '203.0.113.8' });
    expect(plain.headers.getSetCookie().find((c) => c.startsWith('jumun_session='))).not.toMatch(/;\s*Secure/i);
  });

  it('limits sign-in attempts per client address (the forwarded one behind the proxy)', async () => {
    const from = { 'x-forwarded-for': '198.51.100.23' };
    for (let i = 0; i < 3; i++) expect((await proxiedLogin(from)).status).toBe(204);
    const limited = await proxiedLogin(from);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as ErrorBody).error.code).toBe('TOO_MANY_REQUESTS');
    expect((await proxiedLogin({ 'x-forwarded-for': '198.51.100.24' })).status).toBe(204);
  });
});
