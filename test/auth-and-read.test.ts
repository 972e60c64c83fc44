import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderListResponse } from '../src/contracts/order-list';
import type { OrderDetail } from '../src/contracts/orders';
import { createShop } from '../src/server/shops/service';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { HttpClient, startTestServer, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; message: string } };

let server: TestServer;
let productId: number;
const created: OrderDetail[] = [];

beforeAll(async () => {
  server = await startTestServer();
  ({ productId } = await addProduct(server.database.db, server.shop.shopId, { name: '텀블러', price: 25000 }));
  for (let i = 0; i < 5; i++) {
    const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
      orderedAt: `2026-11-2${i}T09:00:00+09:00`,
      orderer: { name: `고객${i}`, phone: `010-1000-000${i}`, guestPassword: 'pass1' },
      addresses: [seoulAddress()],
      items: [{ productId, quantity: 1 }],
      payment: cardPayment(28000),
    });
    expect(res.status).toBe(201);
    created.push(res.body);
  }
});
afterAll(() => server.close());

describe('staff sign-in', () => {
  it('sets an HttpOnly SameSite session cookie and tells who is signed in', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: server.shop.ownerEmail, password: 'owner-password-1' }),
    });
    expect(res.status).toBe(204);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^jumun_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await server.owner.get<{ staff: { role: string; email: string }; shop: { name: string } }>('/api/v1/auth/me');
    expect(me.body).toMatchObject({ staff: { role: 'owner', email: server.shop.ownerEmail }, shop: { name: '테스트샵' } });
  });

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    const wrong = await server.anonymous().post<ErrorBody>('/api/v1/auth/login', { email: server.shop.ownerEmail, password: 'nope' });
    const unknown = await server.anonymous().post<ErrorBody>('/api/v1/auth/login', { email: 'nobody@test.kr', password: 'nope' });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect([unknown.status, unknown.body.error.code]).toEqual([401, 'INVALID_CREDENTIALS']);
  });

  it('ends the session on logout', async () => {
    const client = await server.signIn(server.shop.ownerEmail, 'owner-password-1');
    expect((await client.get('/api/v1/orders')).status).toBe(200);
    const stolen = new HttpClient(server.baseUrl);
    await client.post('/api/v1/auth/logout');
    expect((await client.get<ErrorBody>('/api/v1/orders')).status).toBe(401);
    expect((await stolen.get('/api/v1/orders')).status).toBe(401);
  });
});

describe('roles on every admin route', () => {
  it('needs credentials', async () => {
    const res = await server.anonymous().get<ErrorBody>('/api/v1/orders');
    expect([res.status, res.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const badKey = await new HttpClient(server.baseUrl, { authorization: 'Bearer jm_1_not-a-key' }).get<ErrorBody>('/api/v1/orders');
    expect([badKey.status, badKey.body.error.code]).toEqual([401, 'INVALID_API_KEY']);
  });

  it('lets a viewer read but not create orders', async () => {
    const viewer = await server.addStaff('viewer');
    expect((await viewer.get(`/api/v1/orders/${created[0]!.id}`)).status).toBe(200);
    const res = await viewer.post<ErrorBody>('/api/v1/orders', { anything: true });
    expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('lets staff create orders by hand', async () => {
    const staff = await server.addStaff('staff');
    const res = await staff.post<OrderDetail>('/api/v1/orders', {
      channel: 'other',
      orderer: { name: '전화주문', phone: '010-5555-6666', guestPassword: 'pass1' },
      addresses: [seoulAddress()],
      items: [{ custom: { name: '맞춤 제작 액자', unitPrice: 55000 }, quantity: 1 }],
      payment: { method: 'bank_transfer', amount: 55000, status: 'awaiting_deposit', bankTransfer: { bank: '국민은행', accountNumber: '123401-01-123456', holder: '주문데모샵', depositorName: '전화주문' } },
    });
    expect(res.status).toBe(201);
    expect(res.body.items[0]).toMatchObject({ isCustom: true, productName: '맞춤 제작 액자', unitPrice: 55000 });
  });

  it('answers 404 for another shop’s order', async () => {
    const second = await createShop(server.database.db, { name: '다른샵', ownerEmail: `other${Date.now()}@test.kr`, ownerName: '이다른', ownerPassword: 'other-password-1' });
    const outsider = new HttpClient(server.baseUrl, { authorization: `Bearer ${second.apiKey}` });
    const res = await outsider.get<ErrorBody>(`/api/v1/orders/${created[0]!.id}`);
    expect([res.status, res.body.error.code]).toEqual([404, 'ORDER_NOT_FOUND']);
    expect((await outsider.get<OrderListResponse>('/api/v1/orders')).body.total).toBe(0);
  });
});

describe('order read API', () => {
  it('pages the list newest first by cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page: { body: OrderListResponse } = await server.owner.get<OrderListResponse>(`/api/v1/orders${query}`);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((o) => o.orderNumber));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    const ours = created.map((o) => o.orderNumber).reverse();
    expect(seen.filter((n) => ours.includes(n))).toEqual(ours);
  });

  it('shows the order detail to staff', async () => {
    const res = await server.owner.get<OrderDetail>(`/api/v1/orders/${created[2]!.id}`);
    expect(res.body).toMatchObject({ orderNumber: created[2]!.orderNumber, orderer: { name: '고객2' }, totals: { orderTotal: 28000, shippingFee: 3000 } });
  });

  it('rejects a malformed cursor and order id with 400', async () => {
    expect((await server.owner.get<ErrorBody>('/api/v1/orders?cursor=zzz')).body.error.code).toBe('VALIDATION_FAILED');
    expect((await server.owner.get<ErrorBody>('/api/v1/orders/abc')).status).toBe(400);
  });
});

describe('API documentation', () => {
  it('serves an OpenAPI document generated from the zod schemas, and a reference page', async () => {
    const doc = await server.anonymous().get<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> }>('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.paths['/api/v1/orders']?.post?.requestBody).toBeDefined();
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/orders/{orderId}', '/api/v1/auth/login']));
    const page = await fetch(`${server.baseUrl}/api/docs/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/swagger/i);
  });
});
