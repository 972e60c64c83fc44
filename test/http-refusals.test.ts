import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOG } from '../src/contracts/errors';
import type { OrderDetail } from '../src/contracts/orders';
import { createShop } from '../src/server/shops/service';
import { cardPayment, seoulAddress } from './support/fixtures';
import { HttpClient, startTestServer, type TestServer } from './support/server';

/**
 * Refusals that happen before any route's own rules: characters no field may hold, and everything
 * the HTTP framework itself turns away. Each answers in the documented error shape with a
 * catalogued code, and leaves every order exactly as it was.
 */
type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
type OpenApi = { paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>> };

let server: TestServer;
let order: OrderDetail;
let otherShopOrder: OrderDetail;

const newOrder = (client: HttpClient, name = '한바다') =>
  client.post<OrderDetail>('/api/v1/orders', {
    orderer: { name, phone: '010-1111-2222', guestPassword: '1234' },
    addresses: [seoulAddress()],
    items: [{ custom: { name: '머그컵', unitPrice: 20000 }, quantity: 2, addressIndex: 0 }],
    shippingFee: 0,
    payment: cardPayment(40000),
  });

beforeAll(async () => {
  server = await startTestServer();
  order = (await newOrder(server.storefront)).body;
  const other = await createShop(server.database.db, { name: '옆 가게', ownerEmail: `other-${Date.now()}@test.kr`, ownerName: '이웃', ownerPassword: 'other-password-1' });
  otherShopOrder = (await newOrder(new HttpClient(server.baseUrl, { authorization: `Bearer ${other.apiKey}` }), '옆가게손님')).body;
});
afterAll(() => server?.close());

const current = async () => (await server.owner.get<OrderDetail>(`/api/v1/orders/${order.id}`)).body;

function expectShape(body: unknown, code: string) {
  const error = (body as ErrorBody).error;
  expect(error?.code).toBe(code);
  expect(error.code in ERROR_CATALOG).toBe(true);
  expect(error.message.length).toBeGreaterThan(0);
}

describe('characters no field may hold', () => {
  const cases: Array<[string, string]> = [
    ['a NUL byte', '배송\u0000메모'],
    ['a control character', 'bell\u0007'],
    ['an unpaired surrogate', 'broken \ud800 text'],
    ['U+FFFF', 'not a character \uffff'],
  ];

  it.each(cases)('refuse %s with 400 INVALID_CHARACTERS on any route, in body, query and path, changing nothing', async (_, text) => {
    const before = await current();
    const memo = await server.owner.post<ErrorBody>(`/api/v1/orders/${order.id}/memos`, { body: text });
    expect(memo.status).toBe(400);
    expectShape(memo.body, 'INVALID_CHARACTERS');
    expect(memo.body.error.details).toMatchObject({ path: 'body.body' });
    const nested = await server.owner.post<ErrorBody>(`/api/v1/orders/${order.id}/addresses`, { expectedVersion: order.version, address: seoulAddress({ address2: text }) });
    expectShape(nested.body, 'INVALID_CHARACTERS');
    const intake = await server.storefront.post<ErrorBody>('/api/v1/orders', { orderer: { name: text } });
    expectShape(intake.body, 'INVALID_CHARACTERS');
    const key = await server.owner.post<ErrorBody>('/api/v1/orders/search', { [`key${text}`]: 1 });
    expectShape(key.body, 'INVALID_CHARACTERS');
    // a URL can carry any of these but an unpaired surrogate (UTF-8 has no bytes for it)
    if (text.isWellFormed()) {
      const query = await server.owner.get<ErrorBody>(`/api/v1/orders?keyword=${encodeURIComponent(text)}`);
      expectShape(query.body, 'INVALID_CHARACTERS');
      const path = await server.owner.get<ErrorBody>(`/api/v1/orders/${encodeURIComponent(text)}/timeline`);
      expect(path.status).toBe(400);
    }
    expect(await current()).toEqual(before);
  });

  it('keeps tabs, new lines and every script people write in', async () => {
    const body = '고객 요청:\t문 앞\r\n配送 注意 — 😀 Ünïcödé';
    const memo = await server.owner.post(`/api/v1/orders/${order.id}/memos`, { body });
    expect(memo.status).toBe(201);
  });

  it('refuse input nested deeper than any request needs', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200; i++) deep = [deep];
    const res = await server.owner.post<ErrorBody>('/api/v1/orders/search', { filter: deep });
    expect(res.status).toBe(400);
    expectShape(res.body, 'VALIDATION_FAILED');
  });
});

describe('what the framework refuses, in our shape', () => {
  const raw = async (path: string, init: RequestInit) => {
    const res = await fetch(`${server.baseUrl}${path}`, { ...init, headers: { ...(await server.owner.sessionHeaders()), ...(init.headers as Record<string, string>) } });
    return { status: res.status, body: (await res.json()) as ErrorBody };
  };

  it('malformed JSON, an empty JSON body, a forbidden __proto__, an unsupported content type, a body too large', async () => {
    const memos = `/api/v1/orders/${order.id}/memos`;
    const cases: Array<[RequestInit, number, string]> = [
      [{ method: 'POST', body: '{"body": ', headers: { 'content-type': 'application/json' } }, 400, 'MALFORMED_JSON'],
      [{ method: 'POST', body: '', headers: { 'content-type': 'application/json' } }, 400, 'EMPTY_BODY'],
      [{ method: 'POST', body: '{"body":"x","__proto__":{"admin":true}}', headers: { 'content-type': 'application/json' } }, 400, 'MALFORMED_JSON'],
      [{ method: 'POST', body: 'body=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [{ method: 'POST', body: '<memo/>', headers: { 'content-type': 'application/xml' } }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [{ method: 'POST', body: JSON.stringify({ body: 'x'.repeat(6 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } }, 413, 'BODY_TOO_LARGE'],
    ];
    const before = await current();
    for (const [init, status, code] of cases) {
      const res = await raw(memos, init);
      expect([res.status, res.body.error.code], `${code}`).toEqual([status, code]);
      expectShape(res.body, code);
    }
    expect(await current()).toEqual(before);
  });

  it('bad URL encoding, an over-long path parameter, an unknown route, English on request', async () => {
    const bad = await raw('/api/v1/orders/%E0%A4%A/timeline', { method: 'GET' });
    expect(bad.status).toBe(400);
    expectShape(bad.body, 'BAD_URL');
    // past the router's parameter limit no API route matches: the API's 404, in its shape
    const long = await raw(`/api/v1/orders/${'1'.repeat(1000)}/timeline`, { method: 'GET' });
    expect(long.status).toBe(404);
    expectShape(long.body, 'NOT_FOUND');
    const unknown = await raw('/api/v1/nothing-here', { method: 'GET', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Not found.' });
  });

  it('headers too large for the HTTP parser', async () => {
    const { port } = new URL(server.baseUrl);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: Number(port), path: '/api/v1/orders', headers: { 'x-padding': 'x'.repeat(64 * 1024) } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(431);
    expectShape(JSON.parse(answer.body), 'HEADERS_TOO_LARGE');
  });
});

describe('sub-resources of an order that is not there', () => {
  it('answer 404 on every GET route of an order, for a missing order and for another shop’s', async () => {
    const doc = (await server.anonymous().get<OpenApi>('/api/openapi.json')).body;
    const routes = Object.entries(doc.paths).filter(([path, methods]) => path.startsWith('/api/v1/orders/{orderId}') && methods.get);
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const [path] of routes) {
      for (const orderId of [987654321, otherShopOrder.id]) {
        const url = path.replace('{orderId}', String(orderId)).replace(/\{\w+\}/g, '1');
        const res = await server.owner.get<ErrorBody>(url);
        expect([url, res.status]).toEqual([url, 404]);
        expect(['ORDER_NOT_FOUND', 'NOT_FOUND']).toContain(res.body.error.code);
      }
    }
  });

  it('answer 404 to changes too, and the other shop’s order is untouched', async () => {
    const before = (await server.anonymous().get('/api/openapi.json')).status;
    expect(before).toBe(200);
    const memo = await server.owner.post<ErrorBody>(`/api/v1/orders/${otherShopOrder.id}/memos`, { body: '남의 주문' });
    expect([memo.status, memo.body.error.code]).toEqual([404, 'ORDER_NOT_FOUND']);
    const claims = await server.storefront.get<ErrorBody>(`/api/v1/orders/${otherShopOrder.id}/claims`);
    expect(claims.status).toBe(404);
  });
});

describe('Idempotency-Key', () => {
  it('means one thing on every route: the same key with another body answers 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const key = `same-key-${Date.now()}`;
    const first = await server.owner.post(`/api/v1/orders/${order.id}/memos`, { body: '첫 메모' }, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const other = await server.owner.post<ErrorBody>(`/api/v1/orders/${order.id}/memos`, { body: '다른 메모' }, { 'idempotency-key': key });
    expect([other.status, other.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const latest = await current();
    const group = latest.shipmentGroups[0]!;
    const changes = [{ shipmentGroupId: group.id, itemId: group.items[0]!.itemId, quantity: 1, to: 'preparing' }];
    const move = await server.owner.post<ErrorBody>(`/api/v1/orders/${order.id}/status-changes`, { expectedVersion: latest.version, changes }, { 'idempotency-key': key });
    expect([move.status, move.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const view = await server.owner.post<ErrorBody>('/api/v1/saved-filters', { name: '재사용', filter: {} }, { 'idempotency-key': key });
    expect([view.status, view.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const replay = await server.owner.post(`/api/v1/orders/${order.id}/memos`, { body: '첫 메모' }, { 'idempotency-key': key });
    expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect((await current()).version).toBe(latest.version);
  });
});
