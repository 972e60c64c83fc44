import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SCOPES, can, PERMISSION_NAMES, PERMISSIONS, STAFF_ROLES, type Grantee, type Permission } from '../src/domain/permissions';
import type { RouteAccess } from '../src/server/auth/plugin';
import { createApiKey } from '../src/server/shops/service';
import { HttpClient, startTestServer, type TestServer } from './support/server';

/**
 * The permission table, route by route: every /api/v1 route the running app registered is called
 * by every role and by an API key of each single scope. The answer is 403 FORBIDDEN exactly when
 * the table says no, and never 401 or 403 when it says yes.
 *
 * Nothing changes: ids in paths are 999999999 (no such row), and every change carries a body that
 * is not JSON at all, refused (400) after the access rule and before any handler runs. Reads run
 * with those ids or as plain lists.
 */

type ErrorBody = { error?: { code: string; details?: Record<string, unknown> } };
interface Principal {
  label: string;
  grantee: Grantee;
  client: HttpClient;
}

const NO_SUCH_ID = '999999999';
const NOT_JSON = '{"matrix":';
/** What an API key never reaches, whatever its scopes: the shop's people, keys, settings, gateway and records. */
const SHOP_MANAGEMENT: readonly Permission[] = ['staff.read', 'staff.manage', 'api_keys.manage', 'settings.read', 'settings.edit', 'gateway.manage', 'audit.read'];
/** Routes about the signed-in staff member: every role its rule allows, and no API key (no one is signed in). */
const STAFF_SESSION_ONLY = new Set(['GET /api/v1/auth/me']);

let server: TestServer;
let routes: readonly RouteAccess[];
let principals: Principal[];

beforeAll(async () => {
  server = await startTestServer();
  routes = server.app.routeAccess;
  const staff = await Promise.all(
    STAFF_ROLES.map(async (role): Promise<Principal> => ({ label: role, grantee: { kind: 'staff', role }, client: role === 'owner' ? server.owner : await server.addStaff(role) })),
  );
  const keys = await Promise.all(
    API_SCOPES.map(async (scope): Promise<Principal> => {
      const key = await createApiKey(server.database.db, server.shop.shopId, `${scope} 키`, [scope]);
      return { label: `API key (${scope})`, grantee: { kind: 'api', scopes: [scope] }, client: new HttpClient(server.baseUrl, { authorization: `Bearer ${key}` }) };
    }),
  );
  principals = [...staff, ...keys];
});
afterAll(() => server.close());

const pathOf = (route: RouteAccess) => route.url.replace(/:\w+/g, NO_SUCH_ID);
const isPermission = (access: string): access is Permission => (PERMISSION_NAMES as readonly string[]).includes(access);

/** One call with harmless input: a read as it is, a change with a body that is not JSON. */
async function call(client: HttpClient, route: RouteAccess) {
  if (route.method === 'GET') return client.get<ErrorBody>(pathOf(route));
  const headers = { ...(await client.sessionHeaders()), 'content-type': 'application/json' };
  const response = await fetch(`${client.baseUrl}${pathOf(route)}`, { method: route.method, headers, body: NOT_JSON });
  const text = await response.text();
  return { status: response.status, body: (text.startsWith('{') ? JSON.parse(text) : {}) as ErrorBody };
}

/** Runs the calls a few at a time: quick, without flooding the embedded database. */
async function inBatches<T>(work: ReadonlyArray<() => Promise<T>>, size = 16): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < work.length; i += size) results.push(...(await Promise.all(work.slice(i, i + size).map((w) => w()))));
  return results;
}

describe('the permission table, route by route', () => {
  it('knows every route: each names public, buyer or a permission of the table, and the API reference lists no other', async () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.filter((r) => r.access !== 'public' && r.access !== 'buyer' && !isPermission(r.access))).toEqual([]);
    const doc = await server.anonymous().get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    const documented = Object.entries(doc.body.paths)
      .filter(([path]) => path.startsWith('/api/v1'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    const registered = new Set(routes.map((r) => `${r.method} ${r.url}`));
    expect(documented.filter((route) => !registered.has(route))).toEqual([]);
  });

  it('answers 403 FORBIDDEN exactly where the table says no, for every role and every API-key scope', async () => {
    const guarded = routes.filter((r): r is RouteAccess & { access: Permission } => isPermission(r.access));
    const allowedTo = (p: Principal, route: RouteAccess & { access: Permission }) =>
      can(p.grantee, route.access) && !(p.grantee.kind === 'api' && STAFF_SESSION_ONLY.has(`${route.method} ${route.url}`));
    const cases = guarded.flatMap((route) => principals.map((p) => ({ route, p, allowed: allowedTo(p, route) })));
    const outcomes = await inBatches(cases.map((c) => async () => ({ ...c, res: await call(c.p.client, c.route) })));

    const wrong = outcomes
      .filter(({ allowed, res }) => (allowed ? res.status === 401 || res.status === 403 || res.status >= 500 : res.status !== 403 || res.body.error?.code !== 'FORBIDDEN'))
      .map(({ route, p, allowed, res }) => `${p.label} ${route.method} ${route.url} (${route.access}): ${allowed ? 'allowed' : 'refused'} by the table, answered ${res.status} ${res.body.error?.code ?? ''}`);
    expect(wrong).toEqual([]);
    // every route was called by every principal, each once
    const exercised = new Set(outcomes.map(({ route, p }) => `${p.label} ${route.method} ${route.url}`));
    expect(exercised.size).toBe(guarded.length * principals.length);
    // and the table is not vacuous here: every permission is both granted and refused to someone
    const used = new Set(guarded.map((r) => r.access));
    for (const permission of used) {
      const mine = outcomes.filter((o) => o.route.access === permission);
      expect(mine.some((o) => o.allowed) && mine.some((o) => !o.allowed), permission).toBe(true);
    }
  });

  it('keeps API keys out of the shop’s management, whatever their scopes', async () => {
    for (const permission of SHOP_MANAGEMENT) expect(PERMISSIONS[permission].scopes, permission).toEqual([]);
    const allScopes = new HttpClient(server.baseUrl, { authorization: `Bearer ${await createApiKey(server.database.db, server.shop.shopId, '전체 범위 키', API_SCOPES)}` });
    const management = routes.filter((r) => (SHOP_MANAGEMENT as readonly string[]).includes(r.access));
    expect(management.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/v1/api-keys', '/api/v1/audit-events', '/api/v1/personal-data-access', '/api/v1/staff', '/api/v1/settings/gateway']));
    const answers = await inBatches(management.map((route) => async () => ({ route, res: await call(allScopes, route) })));
    expect(answers.filter(({ res }) => res.status !== 403).map(({ route, res }) => `${route.method} ${route.url}: ${res.status}`)).toEqual([]);
  });

  it('opens buyer routes to the buyer’s cookie only: staff sessions and API keys are turned away', async () => {
    const buyerRoutes = routes.filter((r) => r.access === 'buyer');
    expect(buyerRoutes.length).toBeGreaterThan(5);
    const cases = buyerRoutes.flatMap((route) => principals.map((p) => ({ route, p })));
    const outcomes = await inBatches(cases.map((c) => async () => ({ ...c, res: await call(c.p.client, c.route) })));
    const wrong = outcomes.filter(({ res }) => res.status !== 401).map(({ route, p, res }) => `${p.label} ${route.method} ${route.url}: ${res.status}`);
    expect(wrong).toEqual([]);
  });
});
