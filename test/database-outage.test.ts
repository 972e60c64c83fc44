import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { openDatabase, type Database } from '../src/server/db/client';
import { TestGateway } from '../src/server/payments/gateways/test-gateway';
import { createShop } from '../src/server/shops/service';
import { cardPayment, seoulAddress } from './support/fixtures';
import { HttpClient } from './support/server';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { adminStatement } from './support/postgres-admin';
import { until } from './support/until';

/**
 * A bad day for the database, staged with a TCP proxy between the app and PostgreSQL: connections
 * dropped (a restart, a failover), the server stalled, the server gone. The app must never exit,
 * answer 503 with a code (never 500, never hang), tell the truth on /api/health and /api/ready,
 * and serve again by itself when the database is back — losing nothing and doing nothing twice.
 */
const serverUrl = process.env.DATABASE_URL;
type ErrorBody = { error: { code: string; message: string } };
const OUTAGE_CODES = ['DATABASE_UNAVAILABLE', 'DATABASE_TIMEOUT'];


describe.skipIf(!serverUrl)('the database going away (PostgreSQL through a TCP proxy)', () => {
  const name = `jumun_test_outage_${Date.now()}_${randomBytes(3).toString('hex')}`;
  let direct: Database;
  let viaProxy: Database;
  let proxy: TcpProxy;
  let app: FastifyInstance;
  let owner: HttpClient;
  let storefront: HttpClient;
  let baseUrl: string;

  const urlOf = (port?: number) => {
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    if (port) {
      url.hostname = '127.0.0.1';
      url.port = String(port);
    }
    return url.toString();
  };

  beforeAll(async () => {
    await adminStatement(`CREATE DATABASE ${name}`);
    direct = await openDatabase({ databaseUrl: urlOf() });
    const target = new URL(serverUrl!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    viaProxy = await openDatabase({
      databaseUrl: urlOf(proxy.port),
      timeouts: { connectMs: 1_000, statementMs: 3_000, idleInTransactionMs: 10_000 },
      onConnectionError: () => undefined,
    });
    const shop = await createShop(direct.db, { name: '장애 테스트샵', ownerEmail: `outage-${name}@test.kr`, ownerName: '김주인', ownerPassword: 'owner-password-1' });
    app = await buildApp({ database: viaProxy, gateway: new TestGateway({ db: viaProxy.db }), healthCheck: { intervalMs: 200, timeoutMs: 1_000 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    owner = new HttpClient(baseUrl);
    expect((await owner.post('/api/v1/auth/login', { email: shop.ownerEmail, password: 'owner-password-1' })).status).toBe(204);
    storefront = new HttpClient(baseUrl, { authorization: `Bearer ${shop.apiKey}` });
  });

  afterAll(async () => {
    await app?.close();
    await viaProxy?.close().catch(() => undefined);
    await proxy?.close();
    await direct?.close();
    await adminStatement(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  const list = () => owner.get<ErrorBody>('/api/v1/orders?limit=5');
  const healthy = () => until('the app to serve again', async () => ((await owner.get('/api/health')).status === 200 && (await list()).status === 200 ? true : null));

  async function placeOrder(): Promise<{ id: number; version: number }> {
    const res = await storefront.post<{ id: number; version: number }>('/api/v1/orders', {
      orderer: { name: '한바다', phone: '010-1111-2222', guestPassword: '1234' },
      addresses: [seoulAddress()],
      items: [{ custom: { name: '장애 대비 머그컵', unitPrice: 20000 }, quantity: 1, addressIndex: 0 }],
      shippingFee: 0,
      payment: cardPayment(20000),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  it('reports the database on /api/health and /api/ready while all is well', async () => {
    const health = await owner.get<{ ok: boolean; database: { status: string; kind: string } }>('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, database: { status: 'up', kind: 'postgres' } });
    expect((await owner.get('/api/ready')).body).toEqual({ ready: true, reason: null });
    expect((await list()).status).toBe(200);
  });

  it('survives every connection being dropped, in the middle of work, and does nothing twice', async () => {
    const order = await placeOrder();
    expect(proxy.openConnections).toBeGreaterThan(0);
    // memos written while the connections are cut under them; each with its own key
    const keys = Array.from({ length: 12 }, (_, i) => `outage-memo-${i}-${randomBytes(3).toString('hex')}`);
    // hold the database's side still until work is caught in flight, then cut every connection
    proxy.stall();
    const writes = keys.map((key, i) => owner.post<ErrorBody>(`/api/v1/orders/${order.id}/memos`, { body: `통화 메모 ${i}` }, { 'idempotency-key': key }));
    await until('writes in flight', async () => (proxy.heldConnections >= 3 ? true : null));
    proxy.drop();
    proxy.restore();
    const answers = await Promise.all(writes);

    for (const answer of answers) {
      expect([201, 503], JSON.stringify(answer.body)).toContain(answer.status);
      if (answer.status === 503) expect(OUTAGE_CODES).toContain(answer.body.error.code);
    }
    await healthy();
    // whatever happened to each write, asking again with its key settles it exactly once
    for (const [i, key] of keys.entries()) {
      const again = await owner.post(`/api/v1/orders/${order.id}/memos`, { body: `통화 메모 ${i}` }, { 'idempotency-key': key });
      expect(again.status, JSON.stringify(again.body)).toBe(201);
    }
    const timeline = await owner.get<{ entries: Array<{ kind: string; body?: string }> }>(`/api/v1/orders/${order.id}/timeline?only=memos`);
    expect(timeline.body.entries.map((e) => e.body).sort()).toEqual(keys.map((_, i) => `통화 메모 ${i}`).sort());
  });

  it('answers 503 with a code within seconds while the database is stalled, says so on /api/health, and recovers', async () => {
    await healthy();
    proxy.stall();
    try {
      const health = await until('/api/health to report the stall', async () => {
        const res = await owner.get<{ ok: boolean; database: { status: string; error: string | null } }>('/api/health');
        return res.status === 503 ? res.body : null;
      });
      expect(health).toMatchObject({ ok: false, database: { status: 'down' } });
      expect(health.database.error).toBeTruthy();
      const ready = await owner.get<{ ready: boolean; reason: string }>('/api/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.ready).toBe(false);
      const refused = await list();
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('DATABASE_UNAVAILABLE');
      expect(refused.headers.get('retry-after')).toBe('5');
      // a change is refused the same way, and changes nothing
      const change = await owner.post<ErrorBody>('/api/v1/orders/search', { limit: 1 });
      expect(change.status).toBe(503);
    } finally {
      proxy.restore();
    }
    await healthy();
    expect((await owner.get('/api/ready')).status).toBe(200);
  });

  it('answers 503 while the server refuses connections, and serves again when it is back', async () => {
    await healthy();
    proxy.refuse();
    proxy.drop();
    try {
      const refused = await until('a refusal', async () => {
        const res = await list();
        return res.status === 503 ? res : null;
      });
      expect(OUTAGE_CODES).toContain(refused.body.error.code);
      const order = await until('the order intake to refuse as well', async () => {
        const res = await storefront.post<ErrorBody>('/api/v1/orders', {});
        return res.status === 503 ? res : null;
      });
      expect(order.body.error.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      proxy.restore();
    }
    await healthy();
    const placed = await placeOrder();
    expect((await owner.get(`/api/v1/orders/${placed.id}`)).status).toBe(200);
  });
});

describe('health on the embedded database', () => {
  let database: Database | null = null;
  let app: FastifyInstance | null = null;

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it.skipIf(serverUrl)('reports PGlite up on /api/health, ready on /api/ready and alive on /api/live', async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    app = await buildApp({ database, gateway: new TestGateway({ db: database.db }) });
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ ok: true, database: { status: 'up', kind: 'pglite' } });
    expect((await app.inject({ method: 'GET', url: '/api/ready' })).json()).toEqual({ ready: true, reason: null });
    expect((await app.inject({ method: 'GET', url: '/api/live' })).json()).toEqual({ live: true });
    expect(health.headers['cache-control']).toBe('no-store');
  });
});
