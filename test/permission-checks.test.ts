import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimResult } from '../src/contracts/claims';
import type { CreateEditResponse } from '../src/contracts/edits';
import type { OrderDetail } from '../src/contracts/orders';
import type { TimelineResponse } from '../src/contracts/timeline';
import { createApiKey } from '../src/server/shops/service';
import { buyerClient } from './support/buyer';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { HttpClient, startTestServer, type TestServer } from './support/server';

/**
 * The permissions that depend on what a request asks, beyond its route's rule: one refund's
 * ceiling for staff and API keys (the shop's staff_refund_limit, 300,000원 by default), cancelling
 * in bulk (bulk.cancel) and reverting a completed claim (claims.revert).
 */

type ErrorBody = { error?: { code: string; message: string; details?: Record<string, unknown> } };
type Mutation = { order: OrderDetail; result: ClaimResult } & ErrorBody;

let server: TestServer;
let staff: HttpClient;
let manager: HttpClient;
let writeKey: HttpClient;
let coat: number;

beforeAll(async () => {
  server = await startTestServer();
  [staff, manager] = await Promise.all([server.addStaff('staff'), server.addStaff('manager')]);
  writeKey = new HttpClient(server.baseUrl, { authorization: `Bearer ${await createApiKey(server.database.db, server.shop.shopId, '주문 처리 연동', ['write'])}` });
  coat = (await addProduct(server.database.db, server.shop.shopId, { name: '캐시미어 코트', price: 200000 })).productId;
});
afterAll(() => server.close());

/** Coats paid by card: 200,000원 each, free shipping. */
async function coatOrder(quantity: number): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '홍길동', phone: '010-1234-5678', guestPassword: 'pw12' },
    addresses: [seoulAddress()],
    items: [{ productId: coat, quantity }],
    payment: cardPayment(200000 * quantity),
  });
  expect(res.status).toBe(201);
  return res.body;
}

const detail = async (orderId: number) => (await server.owner.get<OrderDetail>(`/api/v1/orders/${orderId}`)).body;
const timeline = async (orderId: number) => (await server.owner.get<TimelineResponse>(`/api/v1/orders/${orderId}/timeline?only=events`)).body.entries;
const units = (o: OrderDetail, quantity: number) => [{ itemId: o.items[0]!.id, shipmentGroupId: o.shipmentGroups[0]!.id, quantity }];
const cancel = (client: HttpClient, o: OrderDetail, quantity: number) =>
  client.post<Mutation>(`/api/v1/orders/${o.id}/cancellations`, { expectedVersion: o.version, items: units(o, quantity), reasonCode: 'change_of_mind', complete: true });

/** Refused with this code, and the order exactly as it was: same version, no new timeline event. */
async function expectRefused(orderId: number, call: () => Promise<{ status: number; body: ErrorBody }>, code: string) {
  const [before, eventsBefore] = await Promise.all([detail(orderId), timeline(orderId)]);
  const res = await call();
  expect([res.status, res.body.error?.code]).toEqual([403, code]);
  const [after, eventsAfter] = await Promise.all([detail(orderId), timeline(orderId)]);
  expect(after).toEqual(before);
  expect(eventsAfter).toEqual(eventsBefore);
  return res.body.error!;
}

describe('the refund ceiling of staff and API keys', () => {
  it('refuses staff a cancel whose refund is over the limit, names amount and limit, and lets a manager make it', async () => {
    const order = await coatOrder(2);
    const refused = await expectRefused(order.id, () => cancel(staff, order, 2), 'REFUND_LIMIT_EXCEEDED');
    expect(refused.details).toEqual({ amount: 400000, limit: 300000 });
    expect(refused.message).toContain('400,000원');
    expect(refused.message).toContain('300,000원');
    const english = await staff.post<ErrorBody>(`/api/v1/orders/${order.id}/cancellations`, { expectedVersion: order.version, items: units(order, 2), reasonCode: 'change_of_mind', complete: true }, { 'accept-language': 'en' });
    expect(english.body.error?.message).toMatch(/400,000 won .* 300,000 won/);

    const done = await cancel(manager, order, 2);
    expect(done.status).toBe(201);
    expect(done.body.result.refund).toMatchObject({ amount: 400000 });
  });

  it('lets staff refund up to the limit, and holds an API key to it too', async () => {
    const order = await coatOrder(2);
    const one = await cancel(staff, order, 1);
    expect(one.status).toBe(201);
    expect(one.body.result.refund).toMatchObject({ amount: 200000 });

    const other = await coatOrder(2);
    const refused = await expectRefused(other.id, () => cancel(writeKey, other, 2), 'REFUND_LIMIT_EXCEEDED');
    expect(refused.details).toEqual({ amount: 400000, limit: 300000 });
  });

  it('holds a balance refund (초과 결제 환불) to the same limit', async () => {
    const order = await coatOrder(3);
    const preview = await server.owner.post<CreateEditResponse>(`/api/v1/orders/${order.id}/edits`, {
      expectedVersion: order.version, actions: [{ type: 'set_quantity', itemId: order.items[0]!.id, quantity: 1 }],
    });
    const edited = await server.owner.post<{ order: OrderDetail }>(`/api/v1/orders/${order.id}/edits/${preview.body.editId}/commit`, { expectedVersion: order.version });
    expect(edited.body.order.totals).toMatchObject({ balanceDue: -400000 });
    const o = edited.body.order;
    const refund = (client: HttpClient, amount: number) => client.post<Mutation>(`/api/v1/orders/${o.id}/refunds`, { expectedVersion: o.version, amount, reason: '수량 변경 차액' });

    const refused = await expectRefused(o.id, () => refund(staff, 400000), 'REFUND_LIMIT_EXCEEDED');
    expect(refused.details).toEqual({ amount: 400000, limit: 300000 });
    const done = await refund(manager, 400000);
    expect(done.status).toBe(201);
    expect(done.body.result.refund).toMatchObject({ amount: 400000 });
  });

  it('does not hold a buyer’s own cancel on My Page to it', async () => {
    const order = await coatOrder(2);
    const buyer = await buyerClient(server, { buyer: 'guest', orderId: order.id });
    const res = await buyer.post<{ refund: { amount: number } | null } & ErrorBody>(`/api/v1/my/orders/${order.orderNumber}/cancellations`, {
      expectedVersion: order.version, items: units(order, 2), reasonCode: 'change_of_mind',
    });
    expect(res.status).toBe(201);
    expect(res.body.refund).toMatchObject({ amount: 400000 });
  });
});

describe('bulk cancel (bulk.cancel)', () => {
  const cancelAll = (orderId: number) => ({ selection: { kind: 'orders', orderIds: [orderId] }, action: { type: 'cancel', reason: '품절' } });

  it('refuses staff the preview and the job of a cancel, not of another action; a manager may', async () => {
    const order = await coatOrder(1);
    for (const path of ['/api/v1/bulk-jobs/preview', '/api/v1/bulk-jobs']) {
      const refused = await staff.post<ErrorBody>(path, cancelAll(order.id));
      expect([refused.status, refused.body.error?.code, refused.body.error?.details]).toEqual([403, 'FORBIDDEN', { needed: 'bulk.cancel' }]);
    }
    const jobs = await server.owner.get<{ items: unknown[] }>('/api/v1/bulk-jobs');
    expect(jobs.body.items).toEqual([]);
    const memo = await staff.post('/api/v1/bulk-jobs/preview', { selection: { kind: 'orders', orderIds: [order.id] }, action: { type: 'add_memo', body: '확인' } });
    expect(memo.status).toBe(200);
    expect((await manager.post('/api/v1/bulk-jobs/preview', cancelAll(order.id))).status).toBe(200);
    expect((await writeKey.post<ErrorBody>('/api/v1/bulk-jobs/preview', cancelAll(order.id))).body.error?.code).toBe('FORBIDDEN');
  });
});

describe('reverting a completed claim (claims.revert)', () => {
  it('refuses staff the move back from 취소완료 and lets a manager make it', async () => {
    const bankPaid = await server.storefront.post<OrderDetail>('/api/v1/orders', {
      orderer: { name: '홍길동', phone: '010-1234-5678', guestPassword: 'pw12' },
      addresses: [seoulAddress()],
      items: [{ productId: coat, quantity: 1 }],
      payment: { method: 'bank_transfer', amount: 200000, status: 'paid', bankTransfer: { bank: '국민은행', accountNumber: '123-45-6789', holder: '테스트샵', depositorName: '홍길동' } },
    });
    // a 무통장 refund waits for staff to send it, so the completion may still be reverted
    const cancelled = await staff.post<Mutation>(`/api/v1/orders/${bankPaid.body.id}/cancellations`, {
      expectedVersion: bankPaid.body.version, items: units(bankPaid.body, 1), reasonCode: 'change_of_mind', complete: true,
      refundAccount: { bank: '신한은행', accountNumber: '110-123-456789', holderName: '홍길동' },
    });
    expect(cancelled.status).toBe(201);
    const o = cancelled.body.order;
    const claimId = cancelled.body.result.claim!.id;
    const revert = (client: HttpClient) => client.post<Mutation>(`/api/v1/orders/${o.id}/claims/${claimId}/status`, { expectedVersion: o.version, to: 'cancel_requested' });

    const refused = await expectRefused(o.id, () => revert(staff), 'FORBIDDEN');
    expect(refused.details).toEqual({ needed: 'claims.revert' });
    const done = await revert(manager);
    expect(done.status).toBe(200);
    expect(done.body.result.claim).toMatchObject({ status: 'cancel_requested' });
  });
});
