import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateEditResponse } from '../src/contracts/edits';
import type { OrderDetail } from '../src/contracts/orders';
import type { PaymentRequest } from '../src/contracts/payment-requests';
import type { TimelineResponse } from '../src/contracts/timeline';
import { claimItems, orderItems, orders, payments, shipmentGroupItems } from '../src/server/db/schema/index';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };
type Mutation<T> = { order: OrderDetail; result: T } & ErrorBody;

let server: TestServer;
let shopId: number;
let order: OrderDetail;

/** Invariants 1 and 2 from the rows: units add up per item, and the ledger reconciles. */
async function expectConsistent(orderId: number) {
  const { db } = server.database;
  const byOrder = <T extends typeof orderItems | typeof shipmentGroupItems | typeof claimItems | typeof payments>(t: T) => and(eq(t.shopId, shopId), eq(t.orderId, orderId));
  const [items, units, claimed, pays, [row]] = await Promise.all([
    db.select().from(orderItems).where(byOrder(orderItems)),
    db.select().from(shipmentGroupItems).where(byOrder(shipmentGroupItems)),
    db.select().from(claimItems).where(byOrder(claimItems)),
    db.select().from(payments).where(byOrder(payments)),
    db.select().from(orders).where(and(eq(orders.shopId, shopId), eq(orders.id, orderId))),
  ]);
  for (const item of items) expect([...units, ...claimed].filter((u) => u.itemId === item.id).reduce((n, u) => n + u.quantity, 0)).toBe(item.quantity);
  const net = pays.reduce((n, p) => n + p.capturedAmount - p.refundedAmount, 0);
  expect(row!.totalAmount - row!.balanceDue).toBe(net);
}

const current = async () => (await server.owner.get<OrderDetail>(`/api/v1/orders/${order.id}`)).body;
const requestsPath = () => `/api/v1/orders/${order.id}/payment-requests`;
const ask = async (body: Record<string, unknown>, headers?: Record<string, string>) =>
  server.owner.post<Mutation<PaymentRequest>>(requestsPath(), { expectedVersion: (await current()).version, ...body }, headers);
const pay = async (requestId: number, body: Record<string, unknown>, headers?: Record<string, string>) =>
  server.owner.post<Mutation<{ request: PaymentRequest; paymentId: number }>>(`${requestsPath()}/${requestId}/payments`, { expectedVersion: (await current()).version, ...body }, headers);

beforeAll(async () => {
  server = await startTestServer();
  shopId = server.shop.shopId;
  const { productId } = await addProduct(server.database.db, shopId, { name: '텀블러', price: 25_000 });
  const created = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '이순신', phone: '010-5555-6666', guestPassword: 'pw12' },
    addresses: [seoulAddress()],
    items: [{ productId, quantity: 1 }],
    payment: cardPayment(28_000),
  });
  order = created.body;
  // an edit leaves 10,000 owed, without asking for it yet
  const edit = await server.owner.post<CreateEditResponse>(`/api/v1/orders/${order.id}/edits`, {
    expectedVersion: order.version,
    actions: [{ type: 'add_item', custom: { name: '보조배터리', unitPrice: 10_000 }, quantity: 1 }],
  });
  await server.owner.post(`/api/v1/orders/${order.id}/edits/${edit.body.editId}/commit`, { expectedVersion: order.version });
});
afterAll(() => server.close());

describe('payment requests (추가 결제 요청)', () => {
  it('asks only for what is owed and not yet asked for', async () => {
    expect((await current()).totals.balanceDue).toBe(10_000);
    const tooMuch = await ask({ amount: 10_001, reason: '추가 상품' });
    expect([tooMuch.status, tooMuch.body.error.code, tooMuch.body.error.details]).toEqual([422, 'PAYMENT_REQUEST_EXCEEDS_BALANCE', expect.objectContaining({ requestable: 10_000 })]);
    expect((await ask({ amount: 0, reason: '0원' })).status).toBe(400);
    const stale = await server.owner.post<ErrorBody>(requestsPath(), { expectedVersion: 1, amount: 1000, reason: '낡은 버전' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'ORDER_VERSION_CONFLICT']);

    const first = await ask({ amount: 6000, reason: '보조배터리 추가', dueAt: '2026-12-03T23:59:59+09:00' });
    expect(first.status).toBe(201);
    expect(first.body.result).toMatchObject({ amount: 6000, status: 'pending', paymentId: null, dueAt: '2026-12-03T14:59:59.000Z' });
    // the request asks; it moves no money, so the balance due stays
    expect(first.body.order.totals.balanceDue).toBe(10_000);
    expect((await ask({ amount: 5000, reason: '또 요청' })).body.error.code).toBe('PAYMENT_REQUEST_EXCEEDS_BALANCE');
    expect((await ask({ amount: 4000, reason: '나머지' })).status).toBe(201);
    const list = await server.owner.get<{ requests: PaymentRequest[] }>(requestsPath(), { 'accept-language': 'en' });
    expect(list.body.requests.map((r) => [r.amount, r.status, r.statusLabel])).toEqual([
      [6000, 'pending', 'Awaiting payment'],
      [4000, 'pending', 'Awaiting payment'],
    ]);
    await expectConsistent(order.id);
  });

  it('cancels a pending request once', async () => {
    const [, second] = (await server.owner.get<{ requests: PaymentRequest[] }>(requestsPath())).body.requests;
    const cancelPath = `${requestsPath()}/${second!.id}/cancel`;
    const cancelled = await server.owner.post<Mutation<PaymentRequest>>(cancelPath, { expectedVersion: (await current()).version, reason: '고객 요청' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.result).toMatchObject({ status: 'cancelled', statusLabel: '요청취소' });
    const again = await server.owner.post<ErrorBody>(cancelPath, { expectedVersion: (await current()).version });
    expect([again.status, again.body.error.code]).toEqual([409, 'PAYMENT_REQUEST_NOT_PENDING']);
    const events = (await server.owner.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=events`)).body.entries;
    const withdrawn = events.find((e) => e.kind === 'event' && e.type === 'payment_request_cancelled');
    expect(withdrawn?.kind === 'event' && withdrawn.description).toBe('추가 결제 요청 4,000원을 취소했습니다 (고객 요청)');
  });

  it('records a deposit for a request once; the balance due falls by it', async () => {
    const [first] = (await server.owner.get<{ requests: PaymentRequest[] }>(requestsPath())).body.requests;
    expect((await pay(first!.id, { method: 'bank_transfer' })).body.error.code).toBe('PAYMENT_DETAILS_REQUIRED');
    const wrong = await pay(first!.id, { method: 'bank_transfer', depositorName: '이순신', amount: 5000 });
    expect([wrong.status, wrong.body.error.code]).toEqual([422, 'PAYMENT_AMOUNT_MISMATCH']);

    const paid = await pay(first!.id, { method: 'bank_transfer', depositorName: '이순신', paidAt: '2026-12-02T10:00:00+09:00' });
    expect(paid.status).toBe(201);
    expect(paid.body.result.request).toMatchObject({ status: 'paid', paidAt: '2026-12-02T01:00:00.000Z', paymentId: paid.body.result.paymentId });
    expect(paid.body.order.totals).toMatchObject({ paid: 34_000, balanceDue: 4000 });
    const [payment] = await server.database.db.select().from(payments).where(eq(payments.id, paid.body.result.paymentId));
    expect(payment).toMatchObject({ paymentRequestId: first!.id, method: 'bank_transfer', status: 'captured', capturedAmount: 6000, depositorName: '이순신' });

    const twice = await pay(first!.id, { method: 'bank_transfer', depositorName: '이순신' });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'PAYMENT_REQUEST_NOT_PENDING']);
    await expectConsistent(order.id);
  });

  it('settles the rest by card with one effect for a repeated Idempotency-Key', async () => {
    const request = (await ask({ amount: 4000, reason: '나머지 금액' })).body.result;
    const key = { 'idempotency-key': `pay-${Date.now()}` };
    const card = { method: 'card', gateway: 'toss', gatewayTransactionId: 'tgen_2026120200001', card: { company: '현대카드', numberMasked: '4330-12**-****-5678', installmentMonths: 0 } };
    const version = (await current()).version;
    const a = await server.owner.post<Mutation<{ paymentId: number }>>(`${requestsPath()}/${request.id}/payments`, { expectedVersion: version, ...card }, key);
    const b = await server.owner.post<Mutation<{ paymentId: number }>>(`${requestsPath()}/${request.id}/payments`, { expectedVersion: version, ...card }, key);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.result.paymentId).toBe(a.body.result.paymentId);
    const after = await current();
    expect(after.totals).toMatchObject({ orderTotal: 38_000, paid: 38_000, balanceDue: 0 });
    expect(after.paymentStatus).toBe('paid');
    expect(after.payments).toHaveLength(3);
    expect(after.version).toBe(version + 1);
    await expectConsistent(order.id);
  });

  it('lets viewers read requests but not make them, and hides other orders', async () => {
    const viewer = await server.addStaff('viewer');
    expect((await viewer.get(requestsPath())).status).toBe(200);
    expect((await viewer.post(requestsPath(), { expectedVersion: (await current()).version, amount: 1, reason: 'x' })).status).toBe(403);
    expect((await server.owner.get<ErrorBody>('/api/v1/orders/99999999/payment-requests')).body.error.code).toBe('ORDER_NOT_FOUND');
    const missing = await server.owner.post<ErrorBody>(`${requestsPath()}/99999999/cancel`, { expectedVersion: (await current()).version });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'PAYMENT_REQUEST_NOT_FOUND']);
  });
});
